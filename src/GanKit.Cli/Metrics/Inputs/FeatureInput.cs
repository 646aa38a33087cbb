using GanKit.Metrics.Files;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Cli.Metrics;

/// <summary>One side of the comparison (real or fake): a feature matrix read from a file, or a folder of images.</summary>
public sealed class FeatureInput : IDisposable
{
    private FeatureInput(string side, string path, Tensor? matrix, string source)
    {
        Side = side;
        Path = path;
        Matrix = matrix;
        Source = source;
    }

    /// <summary>"real" or "fake".</summary>
    public string Side { get; }

    /// <summary>The file or folder (full path).</summary>
    public string Path { get; }

    /// <summary>The features read from the file, float64 [N, D]; null for a folder of images.</summary>
    public Tensor? Matrix { get; }

    public bool IsFolder => Matrix is null;

    /// <summary>Where the features come from, in words: "npy file", "images, MNIST classifier features", ….</summary>
    public string Source { get; }

    /// <summary>
    /// Reads a matrix file, or checks a folder can be used (it needs an extractor). <paramref name="option"/> names the
    /// input in messages (--real, --fake).
    /// </summary>
    public static FeatureInput Open(string side, string option, string path, FeatureExtractorKind? extractor, string? inceptionFile)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return extractor is { } kind
                ? new FeatureInput(side, fullPath, null, $"images, {ExtractorName(kind, inceptionFile)} features")
                : throw new MetricsInputException(
                    $"{option} {path} is a folder of images: choose how to turn them into features, with --features mnist, or --features inception --inception-file FILE.");
        }
        if (!File.Exists(fullPath)) throw new MetricsInputException($"{option}: no file or folder at {path}.");
        try
        {
            var matrix = FeatureMatrixFile.Load(fullPath);
            return new FeatureInput(side, fullPath, matrix, $"{System.IO.Path.GetExtension(fullPath).TrimStart('.').ToLowerInvariant()} file");
        }
        catch (FeatureFileException e)
        {
            throw new MetricsInputException($"{option}: {e.Message}", e);
        }
    }

    /// <summary>The extractor in words: "MNIST classifier", "Inception (inception-2015-12-05.pt)".</summary>
    public static string ExtractorName(FeatureExtractorKind kind, string? inceptionFile) => kind switch
    {
        FeatureExtractorKind.Mnist => "MNIST classifier",
        _ => $"Inception ({System.IO.Path.GetFileName(inceptionFile)})",
    };

    public void Dispose() => Matrix?.Dispose();
}
