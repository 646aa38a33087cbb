using GanKit.Metrics.Classification;
using GanKit.Tests.Metrics.Features;

namespace GanKit.Tests.Metrics.Classification;

/// <summary>
/// GAN-train with the shared classifier's data (150 training digits per class): a "generator" that hands back the
/// real training digits trains as good a classifier as the real data; one that returns noise trains a useless one.
/// </summary>
[Collection(TrainedClassifierCollection.Name)]
public sealed class GanTrainTests(TrainedClassifierFixture fixture)
{
    [Fact]
    public void RealTrainingDigitsTrainAClassifierAsGoodAsTheRealOne()
    {
        var result = GanTrain.Evaluate(DigitData.FromPool(fixture.Data.Train), fixture.Features, fixture.Data);
        Assert.Equal(150, result.GeneratedPerClass);
        Assert.Equal(1500, result.RealTrainingImages);
        Assert.Equal(fixture.Features.TestAccuracy, result.RealAccuracy);
        Assert.InRange(result.Accuracy, result.RealAccuracy - 0.05, Math.Min(1, result.RealAccuracy + 0.05));
        Assert.Contains("GAN-train accuracy", result.ToString());
    }

    [Fact]
    public void NoiseTrainsAClassifierNoBetterThanChance()
    {
        manual_seed(11);
        var result = GanTrain.Evaluate(DigitData.Noise, fixture.Features, fixture.Data, perClass: 60);
        Assert.Equal(60, result.GeneratedPerClass);
        Assert.InRange(result.Accuracy, 0.0, 0.25);
    }

    [Fact]
    public void TheRealClassifierMustBeTheDatasetsOwn()
    {
        using var other = DigitData.Subset("another-dataset", trainPerClass: 2, testPerClass: 1);
        Assert.Contains("not on another-dataset",
            Assert.Throws<ArgumentException>(() => GanTrain.Evaluate(DigitData.Noise, fixture.Features, other)).Message);
    }
}
