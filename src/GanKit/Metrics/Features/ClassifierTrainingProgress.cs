using GanKit.Display.Progress;

namespace GanKit.Metrics.Features;

/// <summary>
/// How far training a classifier (<see cref="ClassifierRecipe.Train"/>) is: <paramref name="Step"/> of
/// <paramref name="Steps"/> mini-batches over all epochs, in epoch <paramref name="Epoch"/> (from 1) of
/// <paramref name="Epochs"/>, and that batch's cross-entropy <paramref name="Loss"/>.
/// </summary>
public readonly record struct ClassifierTrainingProgress(long Step, long Steps, int Epoch, int Epochs, double Loss);

/// <summary>
/// Shows a classifier's training as a <see cref="LiveProgress"/> bar with its loss, made at the first report and
/// completed at the last; a classifier read from its cache shows nothing.
/// </summary>
public sealed class LiveClassifierTrainingProgress(string title = "training the classifier") : IProgress<ClassifierTrainingProgress>
{
    /// <summary>The bar, once training has started.</summary>
    public LiveProgress? Display { get; private set; }

    public void Report(ClassifierTrainingProgress value)
    {
        Display ??= new LiveProgress(value.Steps, title, stepUnit: "batch");
        Display.Report(value.Step, [("loss", value.Loss)]);
        if (value.Step == value.Steps) Display.Complete();
    }
}
