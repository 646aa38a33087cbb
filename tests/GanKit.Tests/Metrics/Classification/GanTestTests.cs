using GanKit.Metrics.Classification;
using GanKit.Tests.Metrics.Features;

namespace GanKit.Tests.Metrics.Classification;

/// <summary>GAN-test with the shared classifier: real digits as "generated" images score its test accuracy; noise does not.</summary>
[Collection(TrainedClassifierCollection.Name)]
public sealed class GanTestTests(TrainedClassifierFixture fixture)
{
    [Fact]
    public void RealTestDigitsWithTheirLabelsScoreTheClassifiersTestAccuracy()
    {
        var test = fixture.Data.Test;
        var result = GanTest.Evaluate(fixture.Features, test.Images, test.Labels, batchSize: 128);
        Assert.Equal(fixture.Features.TestAccuracy, result.Accuracy, 12);
        Assert.Equal(fixture.Features.TestAccuracy, result.RealTestAccuracy);
        Assert.Equal(1000, result.Count);
        // 100 images per class: the per-class accuracies average to the whole.
        Assert.Equal(result.Accuracy, result.PerClassAccuracy.Average(), 12);
        Assert.Equal(10, result.ToTable().Rows.Count);
        Assert.Contains("GAN-test accuracy", result.ToString());
    }

    [Fact]
    public void AConditionalGeneratorIsAskedForEachClassAndScoredAgainstIt()
    {
        var asked = new List<long>();
        var pool = DigitData.FromPool(fixture.Data.Test);
        var result = GanTest.Evaluate(fixture.Features, labels =>
        {
            asked.AddRange(labels.data<long>().ToArray());
            return pool(labels);
        }, perClass: 30, batchSize: 16);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(c => Enumerable.Repeat((long)c, 30)), asked);
        Assert.Equal(300, result.Count);
        Assert.InRange(result.Accuracy, 0.8, 1.0);

        manual_seed(7);
        var noise = GanTest.Evaluate(fixture.Features, DigitData.Noise, perClass: 30);
        Assert.InRange(noise.Accuracy, 0.0, 0.3);
    }

    [Fact]
    public void WrongLabelsOrGeneratorOutputsAreRefused()
    {
        using var images = fixture.Data.Test.Images.narrow(0, 0, 4);
        Assert.Contains("one per image", Assert.Throws<ArgumentException>(() => GanTest.Evaluate(fixture.Features, images, zeros(new long[] { 3 }, ScalarType.Int64))).Message);
        Assert.Contains("0 … 9", Assert.Throws<ArgumentException>(() => GanTest.Evaluate(fixture.Features, images, tensor(new long[] { 0, 1, 10, 2 }))).Message);
        Assert.Contains("integer", Assert.Throws<ArgumentException>(() => GanTest.Evaluate(fixture.Features, images, zeros(4))).Message);
        Assert.Contains("one image per label",
            Assert.Throws<ArgumentException>(() => GanTest.Evaluate(fixture.Features, labels => rand(1, 1, 28, 28), perClass: 3)).Message);
        Assert.Contains("the generator's images",
            Assert.Throws<ArgumentException>(() => GanTest.Evaluate(fixture.Features, labels => rand(labels.shape[0], 1, 28, 28).mul(2).sub(1), perClass: 3)).Message);
    }
}
