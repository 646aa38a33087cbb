using GanKit.Metrics.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Classification;

/// <summary>
/// GAN-test (Shmelkov, Schmid and Alahari, "How good is my GAN?", ECCV 2018): the accuracy of a classifier trained on
/// the real training images when it classifies generated images, each against the class it was generated for. It
/// approximates the generator's precision (are its images recognisably of their class?) and is read beside the same
/// classifier's accuracy on real test images. It needs a class-conditional generator; for an unconditional one,
/// <see cref="ClassCoverage"/> says what can be said. Used in notebook 05.
/// </summary>
public static class GanTest
{
    /// <summary>GAN-test of images float [N, 1, 28, 28] in [0, 1] generated for <paramref name="intendedLabels"/> (int64 [N]).</summary>
    public static GanTestResult Evaluate(MnistFeatures classifier, Tensor images, Tensor intendedLabels, int batchSize = 500)
    {
        var classCount = classifier.ClassNames.Count;
        if (intendedLabels.dim() != 1 || intendedLabels.shape[0] != images.shape[0] || is_floating_point(intendedLabels.dtype))
            throw new ArgumentException(
                $"intendedLabels must be integer [N], one per image: {images.shape[0]} images, labels {intendedLabels.dtype} [{string.Join(", ", intendedLabels.shape)}]",
                nameof(intendedLabels));
        using var scope = NewDisposeScope();
        var labels = intendedLabels.to(ScalarType.Int64, CPU);
        if (labels.shape[0] > 0 && (labels.min().item<long>() < 0 || labels.max().item<long>() >= classCount))
            throw new ArgumentException($"intendedLabels must lie in 0 … {classCount - 1}, the classifier's classes", nameof(intendedLabels));
        using var prediction = classifier.Predict(images, batchSize);
        var right = prediction.Labels.eq(labels).to(ScalarType.Float64);
        var perClass = new double[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var ofClass = labels.eq(c);
            var count = ofClass.sum().item<long>();
            perClass[c] = count == 0 ? double.NaN : right.masked_select(ofClass).mean().item<double>();
        }
        return new GanTestResult(right.mean().item<double>(), classifier.TestAccuracy, perClass, images.shape[0], classifier.ClassNames);
    }

    /// <summary>
    /// GAN-test of a class-conditional generator: <paramref name="perClass"/> images of each class, asked of
    /// <paramref name="generator"/> (int64 labels [B] on the CPU → images float [B, 1, 28, 28] in [0, 1]).
    /// </summary>
    public static GanTestResult Evaluate(MnistFeatures classifier, Func<Tensor, Tensor> generator, long perClass = 1000, int batchSize = 500)
    {
        using var samples = ConditionalSamples.Draw(generator, classifier.ClassNames.Count, perClass, batchSize);
        return Evaluate(classifier, samples.Images, samples.Labels, batchSize);
    }
}
