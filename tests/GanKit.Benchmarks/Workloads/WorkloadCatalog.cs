namespace GanKit.Benchmarks.Workloads;

/// <summary>What bounds a workload's step, which decides the goal its ours/C++ ratio is read against.</summary>
internal enum Bound { Overhead, Mixed, Kernel }

/// <summary>
/// One benchmark workload: its number (shared with the C++ twin's --workload), how many warm-up and
/// timed steps a full and a quick run take, and how to build it on a device.
/// </summary>
internal sealed record Workload(int Number, string Name, Bound Bound, int Warmup, int Steps, int QuickWarmup, int QuickSteps, Func<Device, IGanStep> Create)
{
    /// <summary>The goal for ours / C++ (none is set for the mixed MLP workload).</summary>
    public double? Goal => Bound switch { Bound.Overhead => 1.2, Bound.Kernel => 1.05, _ => null };
}

internal static class WorkloadCatalog
{
    // Step counts keep each full measurement to tens of seconds per side on a 2-core CPU.
    public static readonly IReadOnlyList<Workload> All =
    [
        new(1, "d2l Gaussian GAN (batch 8)", Bound.Overhead, Warmup: 200, Steps: 3000, QuickWarmup: 10, QuickSteps: 50, device => new GaussianGan(device)),
        new(2, "PointGAN (batch 64)", Bound.Overhead, Warmup: 200, Steps: 3000, QuickWarmup: 10, QuickSteps: 50, device => new PointGan(device)),
        new(3, "MLP MNIST GAN (batch 64)", Bound.Mixed, Warmup: 10, Steps: 150, QuickWarmup: 1, QuickSteps: 5, MlpMnistGan.Create),
        new(4, "Bulten Keras MNIST GAN (batch 256+256)", Bound.Kernel, Warmup: 1, Steps: 9, QuickWarmup: 0, QuickSteps: 1, device => new BultenMnistGan(device)),
        new(5, "DCGAN-64 (batch 64)", Bound.Kernel, Warmup: 1, Steps: 9, QuickWarmup: 0, QuickSteps: 1, Dcgan64.Create),
    ];

    public static Workload Get(int number) =>
        All.FirstOrDefault(w => w.Number == number) ?? throw new ArgumentException($"no workload {number}: there are 1 to {All.Count}");
}
