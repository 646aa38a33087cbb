using GanKit.Data;

namespace GanKit.Tests.Data;

public class TutorialDataTests
{
    [Fact]
    public void GaussianCovarianceIsAtA()
    {
        using var covariance = GaussianData.Covariance();
        var expected = new[] { 1.01f, 1.95f, 1.95f, 4.25f };
        var actual = covariance.data<float>().ToArray();
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 5);
    }

    [Fact]
    public void GaussianSampleIsRandnMappedByAAndB()
    {
        manual_seed(11);
        using var sample = GaussianData.Sample(5);
        manual_seed(11);
        using var x = randn(5, 2);
        var xs = x.data<float>().ToArray();
        var ys = sample.data<float>().ToArray();
        Assert.Equal(new long[] { 5, 2 }, sample.shape);
        for (var row = 0; row < 5; row++)
        {
            // Row-vector convention: y = x·A + b with A = [[1, 2], [−0.1, 0.5]], b = [1, 2].
            Assert.Equal(xs[2 * row] * 1f + xs[2 * row + 1] * -0.1f + 1f, ys[2 * row], 5);
            Assert.Equal(xs[2 * row] * 2f + xs[2 * row + 1] * 0.5f + 2f, ys[2 * row + 1], 5);
        }
    }

    [Fact]
    public void PointInputsAreUniformOnMinusOneToOne()
    {
        manual_seed(5);
        using var inputs = PointData.Inputs(10_000, 1);
        var values = inputs.data<float>().ToArray();
        Assert.Equal(new long[] { 10_000, 1 }, inputs.shape);
        Assert.All(values, v => Assert.InRange(v, -1f, 1f));
        Assert.InRange(values.Average(), -0.03, 0.03); // the mean's std is 1/√(3·10⁴) ≈ 0.006
        Assert.InRange(values.Min(), -1f, -0.99f);
        using var real = PointData.RealLike(inputs);
        Assert.All(real.data<float>().ToArray(), v => Assert.Equal(1f, v));
    }
}
