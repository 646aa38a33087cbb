using GanKit.Training;
using GanKit.Training.Variants;

namespace GanKit.Tests.Training.Variants;

public class WassersteinGanTests
{
    [Fact]
    public void TheOfficialWganScheduleGivesTheCriticAHundredStepsEarlyAndEvery500th()
    {
        var wgan = WassersteinOptions.Wgan;
        Assert.Equal(100, wgan.CriticStepsBefore(0));
        Assert.Equal(100, wgan.CriticStepsBefore(24));
        Assert.Equal(5, wgan.CriticStepsBefore(25));
        Assert.Equal(5, wgan.CriticStepsBefore(499));
        Assert.Equal(100, wgan.CriticStepsBefore(500));
        Assert.Equal(5, wgan.CriticStepsBefore(501));
        Assert.All(new long[] { 0, 24, 500 }, step => Assert.Equal(5, WassersteinOptions.WganGp.CriticStepsBefore(step)));
    }

    [Fact]
    public void EachCriticStepTakesItsOwnRealBatchAndWganClipsEveryWeight()
    {
        using var data = VariantTestData.Digits(8);
        manual_seed(1);
        using var gan = new WassersteinGan(WassersteinOptions.Wgan with { WarmupCriticSteps = 7, WarmupGeneratorSteps = 1 });
        var stream = new BatchStream(data, 4);
        var first = gan.Step(stream);
        Assert.Equal(7, stream.BatchCount);           // the warm-up's critic steps
        gan.Step(stream);
        Assert.Equal(12, stream.BatchCount);          // then 5
        Assert.Equal(6, stream.EpochCount);
        Assert.Equal(["W estimate", "loss G"], gan.SeriesNames);
        Assert.Equal(2, first.Length);
        Assert.All(first, v => Assert.True(double.IsFinite(v)));
        foreach (var p in gan.Discriminator.parameters())
            Assert.True(p.abs().max().item<float>() <= 0.01f, "a critic weight outside ±0.01 after a WGAN step");
    }

    [Fact]
    public void WganGpReportsItsPenaltyAndLeavesTheWeightsUnclipped()
    {
        using var data = VariantTestData.Digits(8);
        manual_seed(2);
        using var gan = new WassersteinGan(WassersteinOptions.WganGp);
        Assert.Equal("WGAN-GP", gan.Name);
        var stream = new BatchStream(data, 4);
        var values = gan.Step(stream);
        Assert.Equal(5, stream.BatchCount);
        Assert.Equal(["W estimate", "penalty", "loss G"], gan.SeriesNames);
        Assert.True(values[1] > 0 && double.IsFinite(values[1]), $"penalty {values[1]}");
        Assert.Contains(gan.Discriminator.parameters(), p => p.abs().max().item<float>() > 0.01f);
    }

    [Fact]
    public void TheRecipeSaysWhichPaperSettingsRun()
    {
        using var wgan = new WassersteinGan(WassersteinOptions.Wgan);
        using var gp = new WassersteinGan(WassersteinOptions.WganGp);
        Assert.Equal("WGAN", wgan.Name);
        Assert.Contains("weights clipped to ±0.01", wgan.Recipe);
        Assert.Contains("RMSprop 5e-05", wgan.Recipe);
        Assert.Contains("100 for the first 25 G updates and every 500th", wgan.Recipe);
        Assert.Contains("gradient penalty λ = 10", gp.Recipe);
        Assert.Contains("Adam 0.0001 β = (0.5, 0.9)", gp.Recipe);
    }

    [Fact]
    public void ItIsUnconditionalAndDrawsDigitsInZeroToOne()
    {
        manual_seed(3);
        using var gan = new WassersteinGan(WassersteinOptions.WganGp);
        using var images = gan.Generate(3);
        Assert.Equal([3L, 1, 28, 28], images.shape);
        Assert.True(images.min().item<float>() >= 0f && images.max().item<float>() <= 1f);
        Assert.Equal(0, gan.ClassCount);
        Assert.Throws<NotSupportedException>(() => gan.GenerateClasses(tensor(new long[] { 1 })));
    }

    [Fact]
    public void BadSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WassersteinGan(WassersteinOptions.Wgan with { Clip = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WassersteinGan(WassersteinOptions.WganGp with { PenaltyWeight = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WassersteinGan(WassersteinOptions.WganGp with { CriticSteps = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WassersteinGan(WassersteinOptions.Wgan with { OptimizerD = new() { Kind = OptimizerKind.RmsProp, LearningRate = 0 } }));
    }
}
