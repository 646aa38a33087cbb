using GanKit.Benchmarks.Workloads;

namespace GanKit.Benchmarks;

/// <summary>The command line: see README.md for what each option is for.</summary>
internal sealed record BenchmarkOptions
{
    public bool Quick { get; init; }
    public bool Memory { get; init; }
    /// <summary>Also time the sides in the Debian 13 root (scripts/debian13.sh --build first; as root).</summary>
    public bool Peers { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string Device { get; init; } = "cpu";
    public IReadOnlyList<int> Workloads { get; init; } = [1, 2, 3, 4, 5, 6];
    public int Rounds { get; init; } = 3;
    public int MemorySteps { get; init; } = 10_000;
    public long Seed { get; init; } = 1;
    public string? OutputDirectory { get; init; }

    /// <summary>Workload 4's batch sizes, each a row: the tutorial's, and the one notebook 03 trains with on a CPU.</summary>
    public IReadOnlyList<int> W4Batches { get; init; } = [BultenMnistGan.TutorialBatch, BultenMnistGan.NotebookCpuBatch];

    /// <summary>The image-pipeline reading's folder; null: the face emoji notebook 04 trains on (data/cache/noto-emoji/faces).</summary>
    public string? ImageFolder { get; init; }

    /// <summary>Passes over the folder per side in the image-pipeline reading.</summary>
    public int ImagePasses { get; init; } = 3;

    /// <summary>The readings a timing run makes: the GAN steps, the image pipeline, the metrics (<see cref="AllReadings"/> by default).</summary>
    public IReadOnlyList<string> Readings { get; init; } = AllReadings;

    public static readonly IReadOnlyList<string> AllReadings = ["steps", "images", "metrics"];

    /// <summary>Rounds per side in the metrics reading (FID and KID once each per round).</summary>
    public int MetricRounds { get; init; } = 3;

    /// <summary>glibc malloc's thresholds: pinned alike on every side (the default), or each process's own (README.md says why).</summary>
    public Timing.MallocMode Malloc { get; init; } = Timing.MallocMode.Pinned;

    /// <summary>The interpreter that runs the PyTorch twin: Debian's, whose python3-torch uses the same libtorch as the binding.</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    public const string Usage =
        "usage: GanKit.Benchmarks [--quick] [--memory] [--peers] [--threads N] [--device cpu|cuda] [--workloads 1,2,...]\n" +
        "                         [--w4-batches 256,16] [--rounds R] [--images FOLDER] [--image-passes P] [--memory-steps N]\n" +
        "                         [--readings steps,images,metrics] [--metric-rounds R]\n" +
        "                         [--seed K] [--out DIR] [--python PATH] [--malloc pinned|default]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (int k = 0; k < args.Length; k++) {
            string Value() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"{args[k]} needs a value\n{Usage}");
            int Positive(string text) => int.TryParse(text, out int n) && n > 0 ? n : throw new ArgumentException($"{args[k - 1]} takes a positive integer, not '{text}'");
            int[] PositiveList(string text) => text.Split(',').Select(Positive).ToArray();
            string[] ReadingList(string text) => text.Split(',').Select(r => AllReadings.Contains(r) ? r
                : throw new ArgumentException($"--readings takes some of {string.Join(",", AllReadings)}, not '{r}'")).ToArray();
            options = args[k] switch {
                "--quick" => options with { Quick = true },
                "--memory" => options with { Memory = true },
                "--peers" => options with { Peers = true },
                "--threads" => options with { Threads = Positive(Value()) },
                "--device" => options with { Device = Value() },
                "--workloads" => options with { Workloads = PositiveList(Value()) },
                "--w4-batches" => options with { W4Batches = PositiveList(Value()) },
                "--rounds" => options with { Rounds = Positive(Value()) },
                "--images" => options with { ImageFolder = Value() },
                "--image-passes" => options with { ImagePasses = Positive(Value()) },
                "--memory-steps" => options with { MemorySteps = Positive(Value()) },
                "--readings" => options with { Readings = ReadingList(Value()) },
                "--metric-rounds" => options with { MetricRounds = Positive(Value()) },
                "--seed" => options with { Seed = long.Parse(Value()) },
                "--out" => options with { OutputDirectory = Value() },
                "--python" => options with { Python = Value() },
                "--malloc" => options with { Malloc = Value() switch {
                    "pinned" => Timing.MallocMode.Pinned,
                    "default" => Timing.MallocMode.Default,
                    var other => throw new ArgumentException($"--malloc takes pinned or default, not '{other}'"),
                } },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"unknown option '{args[k]}'\n{Usage}"),
            };
        }
        return options;
    }

    /// <summary>The batch sizes a timing run measures <paramref name="workload"/> at, a row each; a quick run only its small one.</summary>
    public IReadOnlyList<int> BatchesOf(Workload workload) =>
        Quick ? [workload.QuickBatch] : workload.Number == 4 ? W4Batches : [workload.Batch];
}
