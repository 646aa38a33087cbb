namespace GanKit.Benchmarks.Workloads;

/// <summary>What bounds a workload's step, which decides the goal its ours/C++ ratio is read against.</summary>
internal enum Bound { Overhead, Mixed, Kernel }

/// <summary>
/// One benchmark workload: its number (shared with the C++ twin's --workload), the tutorial's batch
/// size, how many warm-up and timed steps a full run takes, what a quick smoke run takes instead,
/// and how to build it on a device with a batch size.
/// </summary>
internal sealed record Workload(
    int Number, string Name, Bound Bound, int Batch, int Warmup, int Steps,
    int QuickBatch, int QuickWarmup, int QuickSteps, Func<Device, int, IGanStep> Create)
{
    /// <summary>The goal for ours / C++ (none is set for the mixed MLP workload).</summary>
    public double? Goal => Bound switch { Bound.Overhead => 1.2, Bound.Kernel => 1.05, _ => null };

    /// <summary>The goal for ours / PyTorch, where one is set.</summary>
    public double? PyTorchGoal { get; init; }
}

internal static class WorkloadCatalog
{
    // Full runs keep each side to tens of seconds on a 2-core CPU; warm-up is long enough (about a
    // second per round) for .NET's tiered JIT to have compiled the step's code fully optimised, so
    // all sides are timed in their steady state (at a smaller batch, BenchmarkOptions.W4Batches, a
    // workload takes proportionally more steps). Quick runs only prove that every workload runs on
    // every side: the convolutional ones take a small batch so all five fit in well
    // under a minute (CI never reads their timings).
    public static readonly IReadOnlyList<Workload> All =
    [
        new(1, "d2l Gaussian GAN", Bound.Overhead, Batch: 8, Warmup: 3000, Steps: 3000,
            QuickBatch: 8, QuickWarmup: 10, QuickSteps: 50, (device, batch) => new GaussianGan(device, batch)),
        new(2, "PointGAN", Bound.Overhead, Batch: 64, Warmup: 3000, Steps: 3000,
            QuickBatch: 64, QuickWarmup: 10, QuickSteps: 50, (device, batch) => new PointGan(device, batch)),
        new(3, "MLP MNIST GAN", Bound.Mixed, Batch: 64, Warmup: 50, Steps: 150,
            QuickBatch: 64, QuickWarmup: 1, QuickSteps: 5, MlpMnistGan.Create),
        new(4, "Bulten Keras MNIST GAN", Bound.Kernel, Batch: BultenMnistGan.TutorialBatch, Warmup: 1, Steps: 9,
            QuickBatch: 8, QuickWarmup: 0, QuickSteps: 1, (device, batch) => new BultenMnistGan(device, batch)) { PyTorchGoal = 1.0 },
        new(5, "DCGAN-64", Bound.Kernel, Batch: 64, Warmup: 1, Steps: 30,
            QuickBatch: 8, QuickWarmup: 0, QuickSteps: 1, Dcgan64.Create),
        // About 9 s a step on 2 cores: 6 steps per side keep the run near 10 minutes.
        new(6, "Jovian DCGAN-64 (notebook 04)", Bound.Kernel, Batch: 128, Warmup: 1, Steps: 6,
            QuickBatch: 8, QuickWarmup: 0, QuickSteps: 1, JovianDcgan.Create) { PyTorchGoal = 1.0 },
    ];

    public static Workload Get(int number) =>
        All.FirstOrDefault(w => w.Number == number) ?? throw new ArgumentException($"no workload {number}: there are 1 to {All.Count}");
}
