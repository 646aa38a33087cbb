using GanKit.Training;
using GanKit.Training.PointGan;

namespace GanKit.Tests.Training;

/// <summary>The settings GanOptions and PointGanOptions share, validated and turned into optimizers in one place.</summary>
public class AdversarialOptionsTests
{
    public static TheoryData<AdversarialOptions> Defaults => new() { new GanOptions(), new PointGanOptions() };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void BothTrainersRejectTheSameSharedSettings(AdversarialOptions options)
    {
        options.Validate();
        Assert.Equal("RealTarget", Assert.Throws<ArgumentOutOfRangeException>(() => (options with { RealTarget = 1.5 }).Validate()).ParamName);
        Assert.Equal("FakeTarget", Assert.Throws<ArgumentOutOfRangeException>(() => (options with { FakeTarget = -0.1 }).Validate()).ParamName);
        Assert.Contains("learning rates", Assert.Throws<ArgumentOutOfRangeException>(() => (options with { LearningRateG = 0 }).Validate()).Message);
    }

    [Fact]
    public void EachNetworkGetsItsOwnRateAndDecayWithTheSharedKindAndBetas()
    {
        var options = new PointGanOptions { Optimizer = OptimizerKind.Sgd, WeightDecayD = 0.1, Beta1 = 0.5 };
        Assert.Equal(new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.01, Beta1 = 0.5, WeightDecay = 0.1 }, options.OptimizerSettingsD);
        Assert.Equal(new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.01, Beta1 = 0.5 }, options.OptimizerSettingsG);
        // Each record keeps its own defaults: PointGAN's stated 0.01, GanOptions' 2e-4 (d2l's preset overrides both).
        Assert.Equal((2e-4, 2e-4), (new GanOptions().LearningRateD, new GanOptions().LearningRateG));
        Assert.Equal((0.05, 0.005), (GanOptions.D2lGaussian.LearningRateD, GanOptions.D2lGaussian.LearningRateG));
        Assert.Equal(0.01, (new PointGanOptions() with { Steps = 5 }).OptimizerSettingsG.LearningRate);
    }
}
