using GanKit.Metrics.Classification;
using GanKit.Tests.Metrics.Features;

namespace GanKit.Tests.Metrics.Classification;

/// <summary>Predicted-class shares and the confident share, for real digits (even) and a collapsed "generator".</summary>
[Collection(TrainedClassifierCollection.Name)]
public sealed class ClassCoverageTests(TrainedClassifierFixture fixture)
{
    [Fact]
    public void RealTestDigitsCoverEveryClassAboutEvenly()
    {
        var coverage = ClassCoverage.Of(fixture.Features, fixture.Data.Test.Images);
        Assert.Equal(1000, coverage.Total);
        Assert.Equal(1000, coverage.Counts.Sum());
        Assert.All(coverage.Shares, share => Assert.InRange(share, 0.05, 0.15));
        Assert.InRange(coverage.DistanceFromUniform, 0.0, 0.1);
        Assert.InRange(coverage.ConfidentShare, 0.5, 1.0);
        Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(coverage.ConfidentCounts[c], 0, coverage.Counts[c]));
        Assert.Equal(ClassCoverage.DefaultConfidence, coverage.Confidence);
        Assert.Equal(10, coverage.ToTable().Rows.Count);
        Assert.StartsWith("Predicted classes of 1,000 images", coverage.ToString());
    }

    [Fact]
    public void ACollapsedGeneratorFallsInOneClassAndTheThresholdDecidesWhatIsConfident()
    {
        // 200 copies of one test "1".
        using var one = fixture.Data.Test.Images.narrow(0, 100, 1);
        using var collapsed = one.expand(200, 1, 28, 28).contiguous();
        var coverage = ClassCoverage.Of(fixture.Features, collapsed, confidence: 0.0);
        Assert.Equal(1.0, coverage.Shares.Max());
        Assert.Equal(0.9, coverage.DistanceFromUniform, 12);
        Assert.Equal(1.0, coverage.ConfidentShare);
        // Confident means a top probability at or above the threshold.
        using var prediction = fixture.Features.Predict(one);
        var top = prediction.Probabilities.max().item<double>();
        Assert.Equal(1.0, ClassCoverage.Of(fixture.Features, collapsed, confidence: top).ConfidentShare);
        var above = ClassCoverage.Of(fixture.Features, collapsed, confidence: Math.BitIncrement(top));
        Assert.Equal(0.0, above.ConfidentShare);
        Assert.Equal(coverage.Counts, above.Counts);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassCoverage.Of(fixture.Features, collapsed, confidence: 1.5));
    }
}
