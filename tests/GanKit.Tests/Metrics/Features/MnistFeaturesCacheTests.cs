using GanKit.Data;
using GanKit.Metrics.Features;

namespace GanKit.Tests.Metrics.Features;

/// <summary>
/// The classifier cache: trained once per dataset, seed and recipe, read back when nothing changed, retrained when the
/// data, the recipe or the file changed; and training itself: deterministic for a seed, leaving torch's generator alone.
/// Tiny data (20 training and 10 test digits per class) and one epoch keep each training short.
/// </summary>
public sealed class MnistFeaturesCacheTests : IDisposable
{
    private static readonly ClassifierRecipe OneEpoch = ClassifierRecipe.Default with { Epochs = 1, BatchSize = 32 };

    private readonly string _cache = Directory.CreateTempSubdirectory("gankit-classifier-cache-").FullName;
    private readonly ImageDataset _tiny = DigitData.Subset("tiny-digits", trainPerClass: 20, testPerClass: 10);

    public void Dispose()
    {
        _tiny.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private MnistFeatures Load(ImageDataset data, int seed = 1, ClassifierRecipe? recipe = null, IProgress<ClassifierTrainingProgress>? progress = null) =>
        MnistFeatures.LoadOrTrain(data, seed, _cache, progress, recipe ?? OneEpoch);

    private static float[] Weights(MnistFeatures features) =>
        features.Classifier.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    private sealed class Recorder : IProgress<ClassifierTrainingProgress>
    {
        public List<ClassifierTrainingProgress> Reports { get; } = [];

        public void Report(ClassifierTrainingProgress value) => Reports.Add(value);
    }

    [Fact]
    public void TheFirstLoadTrainsAndCachesTheSecondReadsTheSameClassifierBack()
    {
        var progress = new Recorder();
        using var trained = Load(_tiny, progress: progress);
        Assert.False(trained.FromCache);
        Assert.Equal(Path.Combine(_cache, "classifiers", "mnist-classifier-tiny-digits-seed1.bin"), trained.CachePath);
        Assert.True(File.Exists(trained.CachePath));
        // One file, no temporary left beside it.
        Assert.Single(Directory.GetFiles(Path.Combine(_cache, "classifiers"), "*", SearchOption.AllDirectories));
        // 200 images in batches of 32: 7 steps, reported one by one with the loss.
        Assert.Equal(Enumerable.Range(1, 7).Select(step => (long)step), progress.Reports.Select(r => r.Step));
        Assert.All(progress.Reports, r => Assert.True(r.Steps == 7 && r.Epoch == 1 && r.Epochs == 1 && r.Loss > 0));

        var silent = new Recorder();
        using var cached = Load(_tiny, progress: silent);
        Assert.True(cached.FromCache);
        Assert.Empty(silent.Reports);
        Assert.Equal(trained.TestAccuracy, cached.TestAccuracy);
        Assert.Equal(trained.TrainingTime.TotalSeconds, cached.TrainingTime.TotalSeconds, 6);
        Assert.Equal(Weights(trained), Weights(cached));
        Assert.False(cached.Classifier.training);
        using var images = _tiny.Test.Images.narrow(0, 0, 5);
        using var a = trained.Extract(images);
        using var b = cached.Extract(images);
        Assert.Equal(a.Features.data<double>().ToArray(), b.Features.data<double>().ToArray());
    }

    [Fact]
    public void ChangedDataOrAnotherRecipeMakesTheCacheStaleAndItIsReplaced()
    {
        using var first = Load(_tiny);
        using var changed = DigitData.WithOnePixelChanged(_tiny);
        using var retrained = Load(changed);
        Assert.False(retrained.FromCache);
        Assert.Equal(first.CachePath, retrained.CachePath);
        using (var again = Load(changed)) Assert.True(again.FromCache);
        // The file now belongs to the changed data: the original is stale in turn.
        using (var original = Load(_tiny)) Assert.False(original.FromCache);

        using var otherRecipe = Load(_tiny, recipe: OneEpoch with { LearningRate = 2e-3 });
        Assert.False(otherRecipe.FromCache);
        Assert.Equal(2e-3, otherRecipe.Recipe.LearningRate);
    }

    [Fact]
    public void ADamagedOrTruncatedFileIsNeverUsedAndIsReplacedByTheSameClassifier()
    {
        using var first = Load(_tiny);
        var path = first.CachePath!;
        var bytes = File.ReadAllBytes(path);

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length - 100] ^= 0x40; // inside the weights
        File.WriteAllBytes(path, flipped);
        using (var afterFlip = Load(_tiny))
        {
            Assert.False(afterFlip.FromCache);
            // Training is deterministic: the replacement is the same classifier, byte for byte.
            Assert.Equal(Weights(first), Weights(afterFlip));
            Assert.Equal(first.TestAccuracy, afterFlip.TestAccuracy);
        }
        // The rewritten file ends in the same weights and hash (its header records the training time, which varies).
        Assert.Equal(bytes[^4096..], File.ReadAllBytes(path)[^4096..]);

        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        using (var afterTruncation = Load(_tiny)) Assert.False(afterTruncation.FromCache);
        File.WriteAllText(path, "not a classifier");
        using (var afterGarbage = Load(_tiny)) Assert.False(afterGarbage.FromCache);
        using (var repaired = Load(_tiny)) Assert.True(repaired.FromCache);
    }

    [Fact]
    public void TheSeedNamesTheFileAndDecidesTheWeightsAndNeitherTrainingNorTheCacheTouchesTorchsGenerator()
    {
        manual_seed(123);
        using var expected = rand(4);
        manual_seed(123);
        using var one = Load(_tiny, seed: 1);
        using var drawn = rand(4);
        Assert.Equal(expected.data<float>().ToArray(), drawn.data<float>().ToArray());
        manual_seed(123);
        using var cached = Load(_tiny, seed: 1);
        Assert.True(cached.FromCache);
        using var drawnAfterTheCache = rand(4);
        Assert.Equal(expected.data<float>().ToArray(), drawnAfterTheCache.data<float>().ToArray());

        using var two = Load(_tiny, seed: 2);
        Assert.EndsWith("-seed2.bin", two.CachePath);
        Assert.NotEqual(Weights(one), Weights(two));
        using var oneAgain = MnistFeatures.Train(_tiny, seed: 1, recipe: OneEpoch);
        Assert.Null(oneAgain.CachePath);
        Assert.Equal(Weights(one), Weights(oneAgain));
    }

    [Fact]
    public void DatasetsThatAreNot28x28GreyOrWhoseLabelsDoNotFitAreRefused()
    {
        using var colour = new ImageDataset("colour", _tiny.ClassNames, new LabelledImages(rand(4, 3, 28, 28), zeros(new long[] { 4 }, ScalarType.Int64)),
            new LabelledImages(rand(2, 3, 28, 28), zeros(new long[] { 2 }, ScalarType.Int64)), "test");
        Assert.Contains("training split) takes images with 1 channel(s); got 3", Assert.Throws<ArgumentException>(() => Load(colour)).Message);
        using var badLabels = new ImageDataset("bad-labels", ["a", "b"], new LabelledImages(rand(4, 1, 28, 28), tensor(new long[] { 0, 1, 2, 1 })),
            new LabelledImages(rand(2, 1, 28, 28), zeros(new long[] { 2 }, ScalarType.Int64)), "test");
        Assert.Contains("label 2 is outside 0..1", Assert.Throws<InvalidOperationException>(() => Load(badLabels)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Load(_tiny, recipe: OneEpoch with { Epochs = 0 }));
        Assert.False(Directory.Exists(Path.Combine(_cache, "classifiers")));
    }
}
