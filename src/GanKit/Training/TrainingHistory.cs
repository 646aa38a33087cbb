namespace GanKit.Training;

/// <summary>One training iteration (D step(s), then a G step). Losses are per-example means over the batch.</summary>
/// <param name="DReal">Mean D(x) over the real batch, as a probability, in the D step.</param>
/// <param name="DFake">Mean D(G(z)) over the generated batch, as a probability, in the D step.</param>
/// <param name="GradNormD">L2 norm of all of D's gradients before its (last) update.</param>
public sealed record StepRecord(long Step, int Epoch, double LossD, double LossG, double DReal, double DFake, double GradNormD, double GradNormG);

/// <summary>
/// One pass over the data. Losses are sums over the epoch's batches divided by its examples, as
/// d2l reports them; D(x), D(G(z)) and gradient norms are means over its steps.
/// </summary>
public sealed record EpochRecord(int Epoch, double LossD, double LossG, double DReal, double DFake,
    double GradNormD, double GradNormG, double ExamplesPerSecond, double Seconds);

/// <summary>Everything a run measured, as plain lists a notebook can re-plot (and a checkpoint can store).</summary>
public sealed class TrainingHistory
{
    public List<StepRecord> Steps { get; init; } = [];
    public List<EpochRecord> Epochs { get; init; } = [];

    /// <summary>d2l's closing line, e.g. "loss_D 0.693, loss_G 0.693, 577 examples/sec".</summary>
    public string Summary() => Epochs.Count == 0
        ? "no epoch completed"
        : FormattableString.Invariant($"loss_D {Epochs[^1].LossD:F3}, loss_G {Epochs[^1].LossG:F3}, {Epochs[^1].ExamplesPerSecond:F1} examples/sec");
}
