using System.Diagnostics;
using GanKit.Data.Images;

namespace GanKit.Benchmarks.Timing;

/// <summary>Images per second through one side's pipeline over the same files, one figure per pass.</summary>
internal sealed record PipelineTimes(int Images, double[] Seconds)
{
    public StepStatistics PerImage => StepStatistics.Of(Seconds.Select(s => s / Images).ToArray());

    public double ImagesPerSecond => 1 / PerImage.Median;

    public double BestImagesPerSecond => 1 / PerImage.Min;
}

/// <summary>Both sides over the same files in one run.</summary>
internal sealed record PipelineComparison(string Folder, PipelineTimes Ours, PipelineTimes Torchvision, string TorchvisionVersion)
{
    /// <summary>Our throughput over theirs in the best pass of each, read against the goal (at least 1), as every goal of the benchmark.</summary>
    public double Ratio => Ours.BestImagesPerSecond / Torchvision.BestImagesPerSecond;

    /// <summary>The same of the median passes.</summary>
    public double MedianRatio => Ours.ImagesPerSecond / Torchvision.ImagesPerSecond;
}

/// <summary>
/// The image-pipeline reading (notebook 04's data): every image file of a folder decoded, resized, cropped and
/// normalised, by GanKit (<see cref="ImageDecoder"/> and <see cref="ImageTransform"/>, one thread, exactly what
/// <see cref="ImageFolder"/> does per file) and by torchvision + PIL (python/image_pipeline.py, one process, one
/// torch thread), passes alternating so a change in the machine's load falls on both.
/// </summary>
internal static class ImagePipeline
{
    public static PipelineComparison Measure(string folder, int passes, int limit, string python, MallocMode malloc, Action<string> log)
    {
        if (!Directory.Exists(folder))
            throw new TwinException($"the image-pipeline reading needs {folder}: run bash scripts/setup.sh (it fetches the face emoji) or pass --images <folder>");
        var files = ImageFiles(folder, limit);
        var transform = new ImageTransform();
        var (ours, theirs) = (new List<double>(), new List<double>());
        string version = "";
        for (var pass = 1; pass <= passes; pass++)
        {
            log($"  images, pass {pass}/{passes}: torchvision + PIL, {files.Count} files");
            var twin = RunTwin(python, folder, limit, malloc);
            if (twin.Images != files.Count)
                throw new TwinException($"the image-pipeline twin read {twin.Images} files of {folder}, ours {files.Count}: the two lists differ");
            theirs.Add(twin.Seconds);
            version = twin.Version;
            log($"  images, pass {pass}/{passes}: ours, {files.Count} files");
            ours.Add(OnePass(folder, files, transform));
        }
        return new(folder, new(files.Count, ours.ToArray()), new(files.Count, theirs.ToArray()), version);
    }

    /// <summary>The same list as the twin: image extensions, no hidden files or folders, ordinal order of relative paths.</summary>
    private static List<string> ImageFiles(string folder, int limit)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Where(f => ImageDecoder.HasImageExtension(f) && !f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        return limit > 0 ? files.Take(limit).ToList() : files;
    }

    private static double OnePass(string folder, IReadOnlyList<string> files, ImageTransform transform)
    {
        torch.set_num_threads(1);
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            using var scope = torch.NewDisposeScope();
            if (!ImageDecoder.TryDecode(Path.Combine(folder, file), out var image, out var failure))
                throw new TwinException($"{file} does not decode ({failure}): the reading needs a folder of good images");
            transform.Apply(image);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static (int Images, double Seconds, string Version) RunTwin(string python, string folder, int limit, MallocMode malloc)
    {
        using var json = PythonScript.Run(python, "image_pipeline.py", ["--folder", folder, "--passes", "1", "--limit", limit.ToString()], malloc,
            "it needs Debian's python3-torchvision and python3-pil");
        var root = json.RootElement;
        return (root.GetProperty("images").GetInt32(), root.GetProperty("seconds")[0].GetDouble(),
            $"torchvision {root.GetProperty("torchvision").GetString()}, Pillow {root.GetProperty("pillow").GetString()}");
    }
}
