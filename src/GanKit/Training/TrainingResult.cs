namespace GanKit.Training;

public enum TrainingStatus
{
    Completed,

    /// <summary>The cancellation token fired; the history holds the steps done so far.</summary>
    Cancelled,

    /// <summary>A loss or gradient norm became NaN or infinite; training stopped at <see cref="TrainingResult.FailedStep"/>.</summary>
    Diverged,
}

/// <summary>How a run ended, with its (possibly partial) history.</summary>
public sealed record TrainingResult(TrainingStatus Status, TrainingHistory History, string Message, long? FailedStep = null)
{
    /// <summary>Turns a diverged run into an exception carrying the step, for callers that want to stop hard.</summary>
    public TrainingResult ThrowIfDiverged() =>
        Status == TrainingStatus.Diverged ? throw new TrainingDivergedException(Message, FailedStep ?? -1) : this;
}

/// <summary>A loss or gradient stopped being a finite number.</summary>
public sealed class TrainingDivergedException(string message, long step) : Exception(message)
{
    public long Step { get; } = step;
}
