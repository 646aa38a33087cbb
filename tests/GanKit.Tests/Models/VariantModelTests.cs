using GanKit.Models;

namespace GanKit.Tests.Models;

/// <summary>Notebook 06's networks: parameter counts equal to the same layers in PyTorch, shapes, ranges, clear errors.</summary>
public class VariantModelTests
{
    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void ParameterCountsAreThoseOfTheSameLayersInPyTorch()
    {
        // Counted with torch.nn (PyTorch 1.13) on the same layer lists.
        using var g = new MlpGenerator();
        using var cg = new MlpGenerator(100, 10);
        using var d = new MlpDiscriminator();
        using var cd = new MlpDiscriminator(10);
        using var ig = new InfoGanGenerator();
        using var id = new InfoGanDiscriminator();
        Assert.Equal(1_489_424, Count(g));
        Assert.Equal(1_491_984, Count(cg));
        Assert.Equal(533_505, Count(d));
        Assert.Equal(538_625, Count(cd));
        Assert.Equal(6_652_481, Count(ig));
        Assert.Equal(6_692_173, Count(id));
    }

    [Fact]
    public void TheMlpsMapNoiseToImagesInMinusOneToOneAndImagesToOneScore()
    {
        manual_seed(5);
        using var g = new MlpGenerator(8, 3);
        using var d = new MlpDiscriminator(3);
        using var images = g.forward(randn(4, 11));
        Assert.Equal([4L, 1, 28, 28], images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
        using var scores = d.forward(cat([images.flatten(1), zeros(4, 3)], 1));
        Assert.Equal([4L, 1], scores.shape);
        using var plain = new MlpDiscriminator();
        using var fromImages = plain.forward(images);   // images are flattened
        Assert.Equal([4L, 1], fromImages.shape);
    }

    [Fact]
    public void InfoGansNetworksDrawDigitsInZeroToOneAndReadBackTheCodes()
    {
        manual_seed(6);
        using var g = new InfoGanGenerator();
        using var d = new InfoGanDiscriminator();
        using var images = g.forward(rand(3, 74));
        Assert.Equal([3L, 1, 28, 28], images.shape);
        Assert.True(images.min().item<float>() >= 0f && images.max().item<float>() <= 1f);
        var (logit, categories, means) = d.WithCodes(images);
        using (logit) using (categories) using (means)
        {
            Assert.Equal([3L, 1], logit.shape);
            Assert.Equal([3L, 10], categories.shape);
            Assert.Equal([3L, 2], means.shape);
            d.eval();   // the same trunk gives the same logit alone
            using var again = d.WithCodes(images).Logit;
            using var alone = d.forward(images);
            Assert.Equal(again.data<float>().ToArray(), alone.data<float>().ToArray());
        }
    }

    [Fact]
    public void WrongShapesSayWhatTheNetworksTake()
    {
        using var g = new MlpGenerator(100, 10);
        var e = Assert.Throws<ArgumentException>(() => g.forward(randn(2, 100)));
        Assert.Contains("(B, 110)", e.Message);
        using var d = new MlpDiscriminator(10);
        Assert.Contains("(B, 794)", Assert.Throws<ArgumentException>(() => d.forward(rand(2, 1, 28, 28))).Message);
        using var ig = new InfoGanGenerator();
        Assert.Contains("(B, 74)", Assert.Throws<ArgumentException>(() => ig.forward(rand(2, 62))).Message);
        using var id = new InfoGanDiscriminator();
        Assert.Contains("(B, 1, 28, 28)", Assert.Throws<ArgumentException>(() => id.forward(rand(2, 3, 28, 28))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InfoGanDiscriminator(categories: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpGenerator(0));
    }
}
