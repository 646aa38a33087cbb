using GanKit.Metrics.Files;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Cli.Metrics;

/// <summary>
/// The inputs of <c>gankit metrics</c>, read and checked as far as possible before any feature is extracted: matrix
/// files loaded, folders found with an extractor to read them, the probabilities and KID subsets loaded. What only the
/// features can tell (dimensions, row counts against k, splits and subsets) is checked by <see cref="Plan"/>, which
/// runs here already when both sides are matrix files.
/// </summary>
public sealed class MetricsInputs : IDisposable
{
    private MetricsInputs(MetricsRequest request, FeatureInput real, FeatureInput fake, Tensor? probabilities,
        FeatureExtractorKind? extractor, IReadOnlyList<(long[] Real, long[] Fake)>? kidIndices)
    {
        Request = request;
        Real = real;
        Fake = fake;
        Probabilities = probabilities;
        Extractor = extractor;
        KidIndices = kidIndices;
    }

    public MetricsRequest Request { get; }

    public FeatureInput Real { get; }

    public FeatureInput Fake { get; }

    /// <summary>The probabilities read from --probs (float64 [N, C]); null when not given.</summary>
    public Tensor? Probabilities { get; }

    /// <summary>The extractor for folder inputs: --features, or Inception when only --inception-file was given.</summary>
    public FeatureExtractorKind? Extractor { get; }

    /// <summary>The TorchScript file of the Inception extractor (full path), when it is the extractor.</summary>
    public string? InceptionFile => Request.InceptionFile is { } file ? Path.GetFullPath(file) : null;

    /// <summary>KID's subsets from --kid-indices; null when they are drawn with the seed.</summary>
    public IReadOnlyList<(long[] Real, long[] Fake)>? KidIndices { get; }

    public static MetricsInputs Load(MetricsRequest request)
    {
        var extractor = request.Features ?? (request.InceptionFile is not null ? FeatureExtractorKind.Inception : null);
        if (request.InceptionFile is { } inceptionFile && !File.Exists(inceptionFile))
            throw new MetricsInputException($"--inception-file: no file at {inceptionFile}.");
        var kidIndices = request.KidIndices is { } indicesFile ? KidIndicesFile.Load(Path.GetFullPath(indicesFile)) : null;

        var opened = new List<IDisposable>();
        try
        {
            var real = FeatureInput.Open("real", "--real", request.Real, extractor, request.InceptionFile);
            opened.Add(real);
            var fake = FeatureInput.Open("fake", "--fake", request.Fake, extractor, request.InceptionFile);
            opened.Add(fake);
            var probabilities = request.Probabilities is { } probabilitiesFile ? LoadProbabilities(probabilitiesFile) : null;
            if (probabilities is not null) opened.Add(probabilities);
            var inputs = new MetricsInputs(request, real, fake, probabilities, extractor, kidIndices);
            if (real.Matrix is { } realMatrix && fake.Matrix is { } fakeMatrix) _ = inputs.Plan(realMatrix, fakeMatrix, probabilities);
            return inputs;
        }
        catch
        {
            foreach (var input in opened) input.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks the features (float64 [N, D] each, from the files or extracted from the folders) and the probabilities
    /// for the Inception Score (from --probs, or from the fake folder's extractor; null for none) against the settings,
    /// resolves the defaults that depend on the row counts, and returns what to compute. Throws
    /// <see cref="MetricsInputException"/> for features the settings do not fit.
    /// </summary>
    public MetricsPlan Plan(Tensor real, Tensor fake, Tensor? probabilities) => MetricsPlan.Check(this, real, fake, probabilities);

    private static Tensor LoadProbabilities(string path)
    {
        if (!File.Exists(path)) throw new MetricsInputException($"--probs: no file at {path}.");
        try
        {
            return FeatureMatrixFile.Load(path);
        }
        catch (FeatureFileException e)
        {
            throw new MetricsInputException($"--probs: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        Real.Dispose();
        Fake.Dispose();
        Probabilities?.Dispose();
    }
}
