using System.Globalization;

namespace GanKit.Training.Dcgan;

/// <summary>
/// What the template records after each epoch: the <b>last batch's</b> losses and scores (not epoch means), and
/// how long the epoch took. <see cref="LossD"/> is the sum of the real and the fake BCE, as the template's.
/// </summary>
public sealed record DcganEpoch(int Epoch, double LossG, double LossD, double RealScore, double FakeScore, double Seconds)
{
    /// <summary>The template's line: "Epoch [3/25], loss_g: 2.1034, loss_d: 0.6211, real_score: 0.7316, fake_score: 0.1902".</summary>
    public string ToString(int totalEpochs) => string.Create(CultureInfo.InvariantCulture,
        $"Epoch [{Epoch}/{totalEpochs}], loss_g: {LossG:F4}, loss_d: {LossD:F4}, real_score: {RealScore:F4}, fake_score: {FakeScore:F4}");
}

/// <summary>A DCGAN run's measurements: every step (for live curves) and the template's per-epoch records.</summary>
public sealed class DcganHistory
{
    /// <summary>Every step; <see cref="StepRecord.LossD"/> is the sum of two BCE means, DReal and DFake are real_score and fake_score.</summary>
    public List<StepRecord> Steps { get; init; } = [];

    public List<DcganEpoch> Epochs { get; init; } = [];
}

/// <summary>How <see cref="DcganTrainer.Fit"/> ended, with the history so far.</summary>
public sealed record DcganResult(TrainingStatus Status, DcganHistory History, string Message);
