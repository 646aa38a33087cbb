using GanKit.Metrics.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Classification;

/// <summary>
/// Mode coverage of an unconditional generator, seen by a classifier of the real data: the share of its images
/// predicted as each class (a generator that covers MNIST evenly gives about 10 % each; a collapsed one piles into a
/// few classes) and the share classified confidently (maximum probability at least a threshold: recognisable images).
/// GAN-test needs the class each image was meant to be, which an unconditional generator does not have; this is what
/// can be said without it, and it is not an accuracy. Read it beside the same numbers for real test images. Used in
/// notebook 05.
/// </summary>
public static class ClassCoverage
{
    /// <summary>The default probability an image's predicted class must reach to count as confidently classified.</summary>
    public const double DefaultConfidence = 0.9;

    /// <summary>The predicted-class shares and the confident share of images float [N, 1, 28, 28] in [0, 1].</summary>
    public static ClassCoverageResult Of(MnistFeatures classifier, Tensor images, double confidence = DefaultConfidence, int batchSize = 500)
    {
        if (!(confidence is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence threshold is a probability in [0, 1]");
        var classCount = classifier.ClassNames.Count;
        using var prediction = classifier.Predict(images, batchSize);
        using var scope = NewDisposeScope();
        var labels = prediction.Labels.data<long>().ToArray();
        var confident = prediction.Probabilities.max(1).values.ge(confidence).data<bool>().ToArray();
        var counts = new long[classCount];
        var confidentCounts = new long[classCount];
        for (var i = 0; i < labels.Length; i++)
        {
            counts[labels[i]]++;
            if (confident[i]) confidentCounts[labels[i]]++;
        }
        return new ClassCoverageResult(classifier.ClassNames, counts, confidentCounts, labels.Length, confidence);
    }
}
