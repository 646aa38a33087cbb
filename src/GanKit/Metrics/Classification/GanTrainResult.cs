using System.Globalization;

namespace GanKit.Metrics.Classification;

/// <summary>
/// GAN-train (<see cref="GanTrain"/>): <paramref name="Accuracy"/> on the real test images of a classifier trained on
/// <paramref name="GeneratedPerClass"/> generated images per class, beside <paramref name="RealAccuracy"/>, that of the
/// classifier trained with the same recipe and seed on the <paramref name="RealTrainingImages"/> real training images.
/// </summary>
public sealed record GanTrainResult(double Accuracy, double RealAccuracy, long GeneratedPerClass, long RealTrainingImages, int ClassCount, TimeSpan TrainingTime)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "GAN-train accuracy {0:P2} on real test images, trained on {1:N0} generated images ({2:N0} per class); trained on the {3:N0} real training images: {4:P2}",
        Accuracy, GeneratedPerClass * ClassCount, GeneratedPerClass, RealTrainingImages, RealAccuracy);
}
