using GanKit.Cli.Metrics;
using GanKit.Metrics.Files;

namespace GanKit.Cli.Tests.Metrics;

/// <summary>
/// Drives <c>gankit metrics</c> in process with a stand-in computation: it checks the features with the plan, as the real
/// one does, records the plan, and reports fixed values, so that the tests see what the command hands the computation
/// and what it makes of the report.
/// </summary>
internal sealed class MetricsRun : IDisposable
{
    public const double Fid = 12.5, KidMean = 0.0123, KidStd = 0.0004, Precision = 0.75, Recall = 0.5, FScore = 0.6, IsMean = 3.25, IsStd = 0.125;

    public string Folder { get; } = Directory.CreateTempSubdirectory("gankit-cli-").FullName;

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    /// <summary>The plan the computation got; null when the command stopped before it.</summary>
    public MetricsPlan? Plan { get; private set; }

    public MetricsInputs? Inputs { get; private set; }

    /// <summary>The plan's real features and probabilities' shape, read during the computation (the command disposes them after).</summary>
    public double[]? RealValues { get; private set; }

    public long[]? ProbabilitiesShape { get; private set; }

    /// <summary>Features to use for folder inputs (the extractor's part), by side.</summary>
    public Func<FeatureInput, Tensor>? ExtractedFeatures { get; set; }

    /// <summary>Warnings the stand-in's metrics give.</summary>
    public IReadOnlyList<string> MetricWarnings { get; set; } = [];

    public Task<int> Run(params string[] args) => CommandLine.RunAsync(["metrics", .. args], Output, Error, Compute);

    private MetricsReport Compute(MetricsInputs inputs)
    {
        Inputs = inputs;
        var real = inputs.Real.Matrix ?? ExtractedFeatures!(inputs.Real);
        var fake = inputs.Fake.Matrix ?? ExtractedFeatures!(inputs.Fake);
        Plan = inputs.Plan(real, fake, inputs.Probabilities);
        RealValues = Plan.Real.data<double>().ToArray();
        ProbabilitiesShape = Plan.Probabilities?.shape;
        var hasScore = Plan.Probabilities is not null;
        return Plan.Report(Fid, KidMean, KidStd, Precision, Recall, FScore,
            hasScore ? IsMean : null, hasScore ? IsStd : null, MetricWarnings);
    }

    /// <summary>Writes a rows × columns matrix of distinct values (seeded) to a file of this folder.</summary>
    public string Matrix(string name, long rows, long columns, int seed = 1)
    {
        torch.manual_seed(seed);
        using var values = torch.randn(rows, columns, dtype: ScalarType.Float64);
        return Save(name, values);
    }

    /// <summary>Rows of class probabilities (softmax of seeded logits).</summary>
    public string Probabilities(string name, long rows, long classes, int seed = 2)
    {
        torch.manual_seed(seed);
        using var logits = torch.randn(rows, classes, dtype: ScalarType.Float64);
        using var probabilities = logits.softmax(1);
        return Save(name, probabilities);
    }

    public string Save(string name, Tensor values)
    {
        var path = Path.Combine(Folder, name);
        FeatureMatrixFile.Save(path, values);
        return path;
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Subfolder(string name) => Directory.CreateDirectory(Path.Combine(Folder, name)).FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
