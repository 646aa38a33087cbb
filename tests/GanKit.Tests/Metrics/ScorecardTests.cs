using GanKit.Metrics;
using GanKit.Metrics.Features;

namespace GanKit.Tests.Metrics;

public sealed class ScorecardTests
{
    [Fact]
    public void AScoreHoldsWhatEachMetricComputesOnItsOwn()
    {
        torch.manual_seed(6);
        var real = randn(300, 8, dtype: ScalarType.Float64);
        var fake = randn(200, 8, dtype: ScalarType.Float64) * 1.3 + 0.2;
        var probabilities = softmax(randn(200, 10, dtype: ScalarType.Float64), 1);
        var options = new MetricOptions { KidSubsets = 7, KidSubsetSize = 50, Neighbours = 4, IsSplits = 5 };

        var score = Scorecard.Of("shifted", new ExtractedFeatures(real, null), new ExtractedFeatures(fake, probabilities), options);

        Assert.Equal(Fid.Compute(real, fake).Value, score.Fid);
        var kid = Kid.Compute(real, fake, new KidOptions { Subsets = 7, SubsetSize = 50 });
        Assert.Equal((kid.Mean, kid.Std), (score.KidMean, score.KidStd));
        var pr = PrecisionRecall.Compute(real, fake, 4);
        Assert.Equal((pr.Precision, pr.Recall, pr.FScore), (score.Precision, score.Recall, score.FScore));
        Assert.Equal(InceptionScore.FromProbabilities(probabilities, 5).Mean, score.IsMean);
        Assert.Equal(200, score.Count);
        Assert.Contains("shifted: N = 200, FID", score.ToString());
        Assert.Equal(["shifted"], Scorecard.ToTable([score]).Rows.Select(r => r[0]));
    }

    [Fact]
    public void NeighbourhoodsCountWhatPrecisionAndRecallReport()
    {
        torch.manual_seed(7);
        var real = randn(60, 2, dtype: ScalarType.Float64);
        var fake = randn(40, 2, dtype: ScalarType.Float64) * 0.5 + 1;
        var balls = PrecisionRecall.Neighbourhoods(real, fake, 3);
        var pr = PrecisionRecall.Compute(real, fake, 3);

        Assert.Equal(pr.Precision, balls.FakeInsideReal.Count(b => b) / 40.0);
        Assert.Equal(pr.Recall, balls.RealInsideFake.Count(b => b) / 60.0);
        // A radius is the distance to the 3rd nearest other point of the same set.
        var distances = cdist(real, real)[0].data<double>().ToArray().OrderBy(d => d).ToArray();
        Assert.Equal(distances[3], balls.RealRadii[0], 9);
    }
}
