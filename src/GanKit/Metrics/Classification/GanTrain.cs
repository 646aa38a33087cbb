using System.Diagnostics;
using GanKit.Data;
using GanKit.Metrics.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Classification;

/// <summary>
/// GAN-train (Shmelkov, Schmid and Alahari, "How good is my GAN?", ECCV 2018): train a fresh classifier on labelled
/// images from a class-conditional generator and measure its accuracy on the real test images, beside that of the
/// classifier trained on the real training images. It approximates the generator's recall and diversity: a generator
/// that covers each class as the real data does trains about as good a classifier. Used in notebook 05.
/// </summary>
public static class GanTrain
{
    /// <summary>
    /// Draws <paramref name="perClass"/> images of each class from <paramref name="generator"/> (int64 labels [B] on the
    /// CPU → images float [B, 1, 28, 28] in [0, 1]), trains a classifier on them with <paramref name="realClassifier"/>'s
    /// recipe and seed, and scores it on <paramref name="data"/>'s test split, the split <paramref name="realClassifier"/>
    /// (trained on <paramref name="data"/>, e.g. by <see cref="MnistFeatures.LoadOrTrain"/>) was scored on.
    /// </summary>
    /// <param name="perClass">Generated images per class; null: as many as the real training split has on average, so
    /// both classifiers see as many images.</param>
    public static GanTrainResult Evaluate(Func<Tensor, Tensor> generator, MnistFeatures realClassifier, ImageDataset data,
        long? perClass = null, IProgress<ClassifierTrainingProgress>? progress = null, int batchSize = 500)
    {
        if (realClassifier.Dataset != data.Name || !realClassifier.ClassNames.SequenceEqual(data.ClassNames))
            throw new ArgumentException(
                $"the real classifier was trained on {realClassifier.Dataset} ({realClassifier.ClassNames.Count} classes), not on {data.Name} ({data.ClassNames.Count} classes)",
                nameof(realClassifier));
        var classCount = data.ClassNames.Count;
        var count = perClass ?? Math.Max(1, (long)Math.Round(data.Train.Count / (double)classCount));
        using var generated = ConditionalSamples.Draw(generator, classCount, count, batchSize);
        var clock = Stopwatch.StartNew();
        using var classifier = realClassifier.Recipe.Train(generated, classCount, realClassifier.Seed, progress);
        var trainingTime = clock.Elapsed;
        var accuracy = MnistFeatures.Accuracy(classifier, data.Test.Images, data.Test.Labels);
        return new GanTrainResult(accuracy, realClassifier.TestAccuracy, count, data.Train.Count, classCount, trainingTime);
    }
}
