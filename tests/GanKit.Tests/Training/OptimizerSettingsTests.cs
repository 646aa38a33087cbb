using GanKit.Training;
using TorchSharp.Modules;

namespace GanKit.Tests.Training;

public class OptimizerSettingsTests
{
    [Fact]
    public void CreateBuildsTheNamedOptimizer()
    {
        using var p = nn.Parameter(zeros(3));
        using var adam = new OptimizerSettings { Kind = OptimizerKind.Adam }.Create([p]);
        using var rms = OptimizerSettings.KerasRmsProp(1e-3).Create([p]);
        using var sgd = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.5 }.Create([p]);
        Assert.IsType<Adam>(adam);
        Assert.IsType<RMSProp>(rms);
        Assert.IsType<SGD>(sgd);
        Assert.Equal(0.5, sgd.ParamGroups.Single().LearningRate);
        Assert.Equal((0.9, 1e-7), (OptimizerSettings.KerasRmsProp(1e-3).Alpha, OptimizerSettings.KerasRmsProp(1e-3).Epsilon));
        Assert.Equal((0.9, 0.999, 1e-7), (OptimizerSettings.KerasAdam(1e-3).Beta1, OptimizerSettings.KerasAdam(1e-3).Beta2, OptimizerSettings.KerasAdam(1e-3).Epsilon));
    }

    [Fact]
    public void KerasStepClampsEachGradientThenUsesTheDecayedRate()
    {
        using var scope = NewDisposeScope();
        var p = nn.Parameter(zeros(3));
        p.grad = tensor(new float[] { 5, -0.25f, -3 });
        var settings = new OptimizerSettings { Kind = OptimizerKind.Sgd, LearningRate = 0.1, ClipValue = 1.0, Decay = 0.5 };
        using var sgd = settings.Create([p]);
        settings.Step(sgd, updates: 2); // lr / (1 + 0.5·2) = 0.05
        Assert.Equal(0.05, sgd.ParamGroups.Single().LearningRate, 15);
        Assert.Equal(new[] { -0.05f, 0.0125f, 0.05f }, p.data<float>().ToArray());
        Assert.Equal(new[] { 1f, -0.25f, -1f }, p.grad!.data<float>().ToArray()); // clipped in place, as Keras's clipvalue
        Assert.Equal(0.1, settings.LearningRateAt(0)); // Keras's first update uses the undecayed rate
        Assert.Equal(0.025, settings.LearningRateAt(6), 15);
    }

    [Fact]
    public void ValidationNamesTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizerSettings { LearningRate = 0 }.Validate("OptimizerD"));
        Assert.Equal("OptimizerD", error.ParamName);
        Assert.Contains("OptimizerD.LearningRate", error.Message);
        Assert.Contains("ClipValue", Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizerSettings { ClipValue = -1 }.Validate("G")).Message);
        Assert.Contains("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizerSettings { Alpha = 1 }.Validate("G")).Message);
    }
}
