using TorchSharp;

namespace GanKit.Training.Keras;

/// <summary>
/// One training step's <c>d_stats</c> and <c>a_stats</c>: D's loss and accuracy on [real; fake] and the
/// adversarial model's on fake-labelled-real, each measured on the forward pass before its update.
/// </summary>
/// <param name="Step">The original's i: 0 for the first step.</param>
public sealed record KerasGanStep(long Step, double LossD, double AccuracyD, double LossA, double AccuracyA)
{
    public bool IsFinite => double.IsFinite(LossD) && double.IsFinite(LossA) && double.IsFinite(AccuracyD) && double.IsFinite(AccuracyA);
}

/// <summary>
/// The steps a run logged (every <see cref="KerasGanOptions.LogEvery"/>), as the original's
/// plot_iteration, loss_dis, acc_dis, loss_adv and acc_adv lists. Grows across Fit calls and survives checkpoints.
/// </summary>
public sealed class KerasGanHistory
{
    public List<KerasGanStep> Steps { get; init; } = [];
}

/// <summary>
/// G's images for the fixed snapshot noise after step <paramref name="Step"/>, made in inference mode:
/// (count, C, H, W) on the CPU. The tensor is disposed when the event handlers return: turn it into a
/// picture there (e.g. TensorImages.Grid) or keep a clone.
/// </summary>
public sealed record KerasGanSnapshot(long Step, torch.Tensor Images);

/// <summary>How <see cref="KerasGanTrainer.Fit"/> ended, with the (possibly partial) history.</summary>
/// <param name="FailedStep">The step whose loss was not finite, for <see cref="TrainingStatus.Diverged"/>.</param>
public sealed record KerasGanResult(TrainingStatus Status, KerasGanHistory History, string Message, long? FailedStep = null)
{
    /// <summary>Turns a diverged run into an exception carrying the step, for callers that want to stop hard.</summary>
    public KerasGanResult ThrowIfDiverged() =>
        Status == TrainingStatus.Diverged ? throw new TrainingDivergedException(Message, FailedStep ?? -1) : this;
}
