using GanKit.Training.Dcgan;

namespace GanKit.Tests.Models;

/// <summary>The 64×64 DCGAN networks of notebook 04: the tutorials' parameter counts, shapes, ranges and initialisations.</summary>
public class DcganModelTests
{
    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void ParameterCountsAreTheTutorials()
    {
        using var jovianG = DcganOptions.Jovian.CreateGenerator();
        using var jovianD = DcganOptions.Jovian.CreateDiscriminator();
        Assert.Equal(3_806_080, Count(jovianG));
        Assert.Equal(2_765_696, Count(jovianD));
        using var bollyG = DcganOptions.BollyGan.CreateGenerator();
        Assert.Equal(3_281_792, Count(bollyG));
        using var tutorialG = DcganOptions.PyTorchTutorial.CreateGenerator();
        using var tutorialD = DcganOptions.PyTorchTutorial.CreateDiscriminator();
        Assert.Equal(3_576_704, Count(tutorialG));
        Assert.Equal(2_765_568, Count(tutorialD)); // no batch norm after the first convolution
    }

    [Fact]
    public void NoiseBecomesImagesInMinusOneToOneAndImagesBecomeProbabilities()
    {
        manual_seed(3);
        using var g = DcganOptions.Jovian.CreateGenerator();
        using var d = DcganOptions.Jovian.CreateDiscriminator();
        using var z = randn(2, 128, 1, 1);
        using var images = g.forward(z);
        Assert.Equal([2L, 3, 64, 64], images.shape);
        Assert.True(images.abs().max().item<float>() <= 1f);
        using var p = d.forward(images);
        Assert.Equal([2L, 1], p.shape);
        Assert.True(p.min().item<float>() > 0f && p.max().item<float>() < 1f);
        // (B, latent) noise is taken as (B, latent, 1, 1).
        using var flat = g.forward(z.view(2, 128));
        Assert.Equal(images.data<float>().ToArray(), flat.data<float>().ToArray());
    }

    [Fact]
    public void WrongShapesAreRefusedWithTheExpectedShape()
    {
        using var g = DcganOptions.Jovian.CreateGenerator();
        using var d = DcganOptions.Jovian.CreateDiscriminator();
        using var z = randn(2, 100, 1, 1);
        Assert.Contains("(B, 128, 1, 1); got [2, 100, 1, 1]", Assert.Throws<ArgumentException>(() => g.forward(z)).Message);
        using var small = randn(2, 3, 32, 32);
        Assert.Contains("(B, 3, 64, 64); got [2, 3, 32, 32]", Assert.Throws<ArgumentException>(() => d.forward(small)).Message);
    }

    [Fact]
    public void TheTutorialInitialisationDrawsNarrowWeightsAndBatchNormScalesNearOne()
    {
        manual_seed(5);
        using var d = DcganOptions.PyTorchTutorial.CreateDiscriminator();
        var parameters = d.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var conv = parameters["conv2.weight"];
        Assert.InRange(conv.std().item<float>(), 0.019f, 0.021f);
        Assert.InRange(conv.mean().item<float>(), -0.001f, 0.001f);
        var scale = parameters["bn2.weight"];
        Assert.InRange(scale.mean().item<float>(), 0.99f, 1.01f);
        Assert.Equal(0f, parameters["bn2.bias"].abs().max().item<float>());
        // Jovian's template keeps PyTorch's defaults: kaiming-uniform weights are much wider, batch norm scales 1.
        using var jovian = DcganOptions.Jovian.CreateDiscriminator();
        var jovianParameters = jovian.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.True(jovianParameters["conv2.weight"].std().item<float>() > 0.01f);
        Assert.Equal(1f, jovianParameters["bn2.weight"].min().item<float>());
    }
}
