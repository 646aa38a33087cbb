namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// One tutorial GAN, built once: each <see cref="Step"/> is a full training step (D update on real
/// and fake, then G update), written as a TorchSharp user would. The caller opens a dispose scope
/// per step; disposing the workload disposes its networks and optimisers (their state).
/// </summary>
internal interface IGanStep : IDisposable
{
    void Step();
}
