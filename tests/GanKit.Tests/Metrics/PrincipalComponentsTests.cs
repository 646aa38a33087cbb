using GanKit.Metrics;

namespace GanKit.Tests.Metrics;

public sealed class PrincipalComponentsTests
{
    [Fact]
    public void TheFirstDirectionIsTheOneOfLargestVarianceAndProjectionsAreCentred()
    {
        torch.manual_seed(5);
        // Variance 9 along (1, 1)/√2, variance 1 along (1, −1)/√2, nothing in the third coordinate.
        var a = randn(4000, 1, dtype: ScalarType.Float64) * 3;
        var b = randn(4000, 1, dtype: ScalarType.Float64);
        var s = Math.Sqrt(0.5);
        var features = cat(new List<Tensor> { (a + b) * s + 5, (a - b) * s - 2, zeros(4000, 1, dtype: ScalarType.Float64) }, 1);

        using var pca = PrincipalComponents.Fit(features);
        var first = pca.Components[.., 0].data<double>().ToArray();
        // 4,000 samples: the fitted direction is within about a degree of the true one.
        Assert.InRange(Math.Abs(first[0]), s - 0.02, s + 0.02);
        Assert.InRange(Math.Abs(first[1]), s - 0.02, s + 0.02);
        Assert.Equal(Math.Sign(first[0]), Math.Sign(first[1]));
        Assert.InRange(pca.Variances[0], 8.5, 9.5);
        Assert.InRange(pca.Variances[1], 0.9, 1.1);
        var projected = pca.Project(features);
        Assert.Equal([4000L, 2], projected.shape);
        Assert.Equal(0.0, projected.mean([0]).abs().max().item<double>(), 9);
    }

    [Fact]
    public void OtherFeatureSizesAreRefused()
    {
        using var pca = PrincipalComponents.Fit(randn(10, 3));
        Assert.Contains("[N, 3]", Assert.Throws<ArgumentException>(() => pca.Project(randn(4, 2))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponents.Fit(randn(10, 3), 4));
    }
}
