namespace GanKit.Cli.Metrics;

/// <summary>What the user asked <c>gankit metrics</c> for, as given on the command line (nothing read yet).</summary>
public sealed record MetricsRequest
{
    public const int DefaultSplits = 10;
    public const int DefaultK = 3;
    public const int DefaultKidSubsets = 100;
    public const int DefaultKidSubsetSize = 1000;
    public const int DefaultKidSeed = 2020; // torch-fidelity's default seed

    /// <summary>A feature matrix (.npy, .csv) or a folder of images.</summary>
    public required string Real { get; init; }

    /// <summary>A feature matrix (.npy, .csv) or a folder of images.</summary>
    public required string Fake { get; init; }

    /// <summary>Class probabilities of the fake samples [N, C] (.npy, .csv), for the Inception Score.</summary>
    public string? Probabilities { get; init; }

    public int Splits { get; init; } = DefaultSplits;

    /// <summary>The neighbourhood size of precision and recall.</summary>
    public int K { get; init; } = DefaultK;

    /// <summary>Null: the default, 100 (with <see cref="KidIndices"/>: the file's count).</summary>
    public int? KidSubsets { get; init; }

    /// <summary>Null: min(N_real, N_fake, 1000) (with <see cref="KidIndices"/>: the file's).</summary>
    public int? KidSubsetSize { get; init; }

    /// <summary>Null: the default, 2020.</summary>
    public int? KidSeed { get; init; }

    /// <summary>A JSON file fixing KID's subsets (see <see cref="KidIndicesFile"/>).</summary>
    public string? KidIndices { get; init; }

    /// <summary>The feature extractor for folder inputs; null when not given.</summary>
    public FeatureExtractorKind? Features { get; init; }

    /// <summary>The TorchScript Inception network for <see cref="FeatureExtractorKind.Inception"/>.</summary>
    public string? InceptionFile { get; init; }

    /// <summary>Where to write the report as JSON.</summary>
    public string? JsonPath { get; init; }
}

/// <summary>How image folders become features.</summary>
public enum FeatureExtractorKind
{
    /// <summary>GanKit's MNIST classifier: its penultimate features and softmax probabilities.</summary>
    Mnist,

    /// <summary>A TorchScript Inception network (NVIDIA's inception-2015-12-05.pt), given by --inception-file.</summary>
    Inception,
}
