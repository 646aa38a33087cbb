using GanKit.Metrics;

namespace GanKit.Tests.Metrics;

/// <summary>The block products behind FID's covariances and root and KID's kernel sums equal plain products, over several blocks.</summary>
public sealed class MatricesTests
{
    private static double RelativeError(Tensor expected, Tensor actual) =>
        (actual - expected).abs().max().item<double>() / expected.abs().max().item<double>();

    [Theory]
    [InlineData(100, 1)]
    [InlineData(700, 2)]
    [InlineData(2048, 8)]
    [InlineData(5000, 8)]
    public void BlocksCoverTheSizeInOrder(long size, int count)
    {
        var blocks = Matrices.SymmetricBlocks(size);
        Assert.Equal(count, blocks.Length);
        Assert.Equal(0, blocks[0].Start);
        for (int i = 1; i < blocks.Length; i++) Assert.Equal(blocks[i - 1].Start + blocks[i - 1].Length, blocks[i].Start);
        Assert.Equal(size, blocks[^1].Start + blocks[^1].Length);
    }

    [Fact]
    public void GramEqualsTheFullProduct()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var a = randn(300, 700, ScalarType.Float64);
        Assert.True(RelativeError(a.t().mm(a), Matrices.Gram(a)) < 1e-14);
    }

    [Fact]
    public void TriangularProductsEqualTheFullOnes()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var a = randn(900, 700, ScalarType.Float64);
        var covariance = a.t().mm(a) / 899;
        var (lower, info) = linalg.cholesky_ex(covariance);
        Assert.Equal(0, info.item<int>());
        var rotated = covariance.mm(lower);
        Assert.True(RelativeError(rotated, Matrices.TimesLowerTriangular(covariance, lower)) < 1e-13);
        Assert.True(RelativeError(lower.t().mm(rotated), Matrices.SymmetricProduct(lower, rotated, leftIsLowerTriangular: true)) < 1e-12);
    }
}
