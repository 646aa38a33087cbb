using GanKit.Metrics;

namespace GanKit.Tests.Metrics;

public sealed class BrokenGeneratorsTests
{
    private static (Tensor Images, Tensor Labels) Digits()
    {
        torch.manual_seed(3);
        var labels = tensor(new long[] { 0, 1, 2, 1, 0, 1, 2, 2, 1, 0 });
        var images = labels.to_type(ScalarType.Float32).reshape(10, 1, 1, 1).expand(10, 1, 5, 5) / 2f;
        return (images.contiguous(), labels);
    }

    [Fact]
    public void OneClassReturnsOnlyImagesOfThatClassAndRepeatsWhenTheClassIsSmall()
    {
        var (images, labels) = Digits();
        var few = BrokenGenerators.OneClass(images, labels, 1, 3);
        Assert.Equal([3L, 1, 5, 5], few.shape);
        Assert.All(few.flatten().data<float>().ToArray(), v => Assert.Equal(0.5f, v));
        var many = BrokenGenerators.OneClass(images, labels, 2, 7);
        Assert.Equal(7, many.shape[0]);
        Assert.All(many.flatten().data<float>().ToArray(), v => Assert.Equal(1f, v));
        Assert.Contains("no image has label 7", Assert.Throws<ArgumentException>(() => BrokenGenerators.OneClass(images, labels, 7, 2)).Message);
    }

    [Fact]
    public void CopiesAreDistinctTrainingImages()
    {
        var images = arange(20, dtype: ScalarType.Float32).reshape(20, 1, 1, 1);
        var copies = BrokenGenerators.Copies(images, 12).flatten().data<float>().ToArray();
        Assert.Equal(12, copies.Distinct().Count());
        Assert.All(copies, v => Assert.InRange(v, 0, 19));
        Assert.Throws<ArgumentOutOfRangeException>(() => BrokenGenerators.Copies(images, 21));
    }

    [Fact]
    public void BlurSpreadsAnImpulseIntoTheNormalisedGaussian()
    {
        var impulse = zeros(1, 1, 15, 15);
        impulse[0, 0, 7, 7] = tensor(1f);
        var blurred = BrokenGenerators.Blurred(impulse, 1.0);
        var kernel = Enumerable.Range(-3, 7).Select(k => Math.Exp(-k * k / 2.0)).ToArray();
        var norm = kernel.Sum();
        Assert.Equal(1.0 / norm / norm, blurred[0, 0, 7, 7].item<float>(), 6);
        Assert.Equal(kernel[4] / norm * kernel[3] / norm, blurred[0, 0, 8, 7].item<float>(), 6);
        Assert.Equal(1.0, blurred.sum().item<float>(), 5);
        Assert.Equal(0f, blurred[0, 0, 0, 0].item<float>());
        Assert.Throws<ArgumentOutOfRangeException>(() => BrokenGenerators.Blurred(impulse, 0));
    }

    [Fact]
    public void NoiseChangesPixelsAndStaysInTheUnitRange()
    {
        torch.manual_seed(4);
        var grey = full([200, 1, 8, 8], 0.5f);
        var noisy = BrokenGenerators.Noisy(grey, 0.2);
        Assert.InRange(noisy.min().item<float>(), 0f, 1f);
        Assert.InRange(noisy.max().item<float>(), 0f, 1f);
        Assert.InRange((noisy - grey).std().item<float>(), 0.18f, 0.22f);
    }

    [Fact]
    public void ImagesThatAreNotABatchAreRefused() =>
        Assert.Contains("[N, C, H, W]", Assert.Throws<ArgumentException>(() => BrokenGenerators.Noisy(zeros(5, 5), 0.1)).Message);
}
