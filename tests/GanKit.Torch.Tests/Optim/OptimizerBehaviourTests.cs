using TorchSharp.Modules;
using static GanKit.Torch.Tests.Optim.OptimTestKit;

namespace GanKit.Torch.Tests.Optim;

/// <summary>Parameter groups, learning-rate access, zero_grad, closures, scopes and bad input.</summary>
public class OptimizerBehaviourTests
{
    [Fact]
    public void ParamGroupsUseTheirOwnLearningRateAndInheritTheRest()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(1.0);
        var b = Param(1.0);
        using var opt = torch.optim.SGD([
            new SGD.ParamGroup { Parameters = [a] },
            new SGD.ParamGroup([b], new SGD.Options { LearningRate = 0.5 })], 0.1, momentum: 0.9);
        var groups = opt.ParamGroups.ToArray();
        Assert.Equal([0.1, 0.5], groups.Select(g => g.LearningRate));
        Assert.Equal(0.9, ((SGD.ParamGroup)groups[1]).Momentum);
        SetGrad(a, 2.0);
        SetGrad(b, 2.0);
        opt.step();
        AssertClose([1.0 - 0.1 * 2.0], a);
        AssertClose([1.0 - 0.5 * 2.0], b);
    }

    [Fact]
    public void SettingTheLearningRateChangesTheNextStep()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(1.0);
        using var opt = torch.optim.SGD([p], 0.1);
        var group = opt.ParamGroups.First();
        group.LearningRate = 0.25;
        Assert.Equal(0.1, group.InitialLearningRate);
        SetGrad(p, 2.0);
        opt.step();
        AssertClose([0.5], p);
    }

    [Fact]
    public void AddParamGroupAddsParametersWithDefaults()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(1.0);
        var b = Param(3.0);
        using var opt = torch.optim.Adam([a], lr: 0.1);
        opt.add_param_group(new Adam.ParamGroup { Parameters = [b] });
        Assert.Equal([a, b], opt.parameters());
        Assert.Equal((0.9, 0.999), ((Adam.ParamGroup)opt.ParamGroups.Last()).Betas);
        SetGrad(b, -1.0);
        opt.step();
        AssertClose([3.1], b, 1e-7);
        AssertClose([1.0], a);
    }

    [Fact]
    public void ZeroGradZeroesEveryGradientInPlace()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(1.0, 2.0);
        var b = Param(3.0);
        var unused = Param(4.0);
        using var opt = torch.optim.Adam([a, b, unused]);
        SetGrad(a, 5.0, 6.0);
        SetGrad(b, 7.0);
        opt.zero_grad();
        AssertClose([0.0, 0.0], a.grad!);
        AssertClose([0.0], b.grad!);
        Assert.Null(unused.grad);
    }

    [Fact]
    public void ParametersWithoutGradientsAreLeftAlone()
    {
        using var scope = torch.NewDisposeScope();
        var a = Param(1.0);
        var frozen = Param(2.0);
        using var opt = torch.optim.RMSProp([a, frozen], lr: 0.1, momentum: 0.5, centered: true);
        SetGrad(a, 1.0);
        opt.step();
        AssertClose([2.0], frozen);
        Assert.NotEqual(1.0, Values(a)[0]);
    }

    [Fact]
    public void StepRunsTheClosureWithGradientsAndReturnsItsLoss()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(3.0);
        using var opt = torch.optim.SGD([p], 0.1);
        var loss = opt.step(() => {
            opt.zero_grad();
            var l = (p * p).sum();
            l.backward();
            return l;
        });
        Assert.Equal(9.0, loss!.item<double>());
        AssertClose([3.0 - 0.1 * 6.0], p);
        Assert.Null(opt.step());
    }

    [Fact]
    public void StateOutlivesTheScopeItWasMadeInAndStepsLeakNoTensors()
    {
        using var outer = torch.NewDisposeScope();
        var p = Param(1.0, -1.0);
        Adam opt;
        using (torch.NewDisposeScope()) {
            opt = torch.optim.Adam([p], lr: 0.1, eps: 0, amsgrad: true);
        }
        using (opt) {
            SetGrad(p, 1.0, 1.0);
            int before = outer.DisposablesCount;
            opt.step();
            opt.step();
            Assert.Equal(before, outer.DisposablesCount);
        }
        // A constant gradient moves Adam by lr per step, which needs the moments of step one in step two.
        AssertClose([0.8, -1.2], p);
    }

    [TorchSharpDiffersFact("its zero_grad() calls grad.zero_(), which returns a new Tensor object (see "
        + "InPlaceTests.ZeroReturnsTheTensorItZeroed) left in the caller's dispose scope, one per parameter and call")]
    public void ZeroGradLeavesNothingInTheScope()
    {
        using var outer = torch.NewDisposeScope();
        var p = Param(1.0, -1.0);
        using var opt = torch.optim.Adam([p], lr: 0.1);
        SetGrad(p, 1.0, 1.0);
        int before = outer.DisposablesCount;
        opt.zero_grad();
        Assert.Equal(before, outer.DisposablesCount);
    }

    /// <summary>
    /// What both backends' messages start with (ours are PyTorch's, "Invalid beta parameter at index 0: 1"; TorchSharp's
    /// are shorter, "Invalid beta1: 1") and the bad value they end with.
    /// </summary>
    public static TheoryData<string, string, Action<Parameter>> BadInputs() => new() {
        { "Invalid learning rate: ", "-0.1", p => torch.optim.SGD([p], -0.1) },
        { "Invalid momentum value: ", "-1", p => torch.optim.SGD([p], 0.1, momentum: -1) },
        { "Nesterov momentum requires a momentum and zero dampening", "dampening", p => torch.optim.SGD([p], 0.1, nesterov: true) },
        { "Invalid learning rate: ", "-1", p => torch.optim.Adam([p], lr: -1) },
        { "Invalid beta", ": 1", p => torch.optim.Adam([p], beta1: 1.0) },
        { "Invalid beta", ": -0.5", p => torch.optim.AdamW([p], beta2: -0.5) },
        { "Invalid ", ": -1E-08", p => torch.optim.Adam([p], eps: -1e-8) },
        { "Invalid weight_decay value: ", "-0.1", p => torch.optim.AdamW([p], weight_decay: -0.1) },
        { "Invalid alpha", ": -0.9", p => torch.optim.RMSProp([p], alpha: -0.9) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadHyperparametersThrowArgumentException(string start, string end, Action<Parameter> make)
    {
        using var scope = torch.NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => make(Param(1.0)));
        Assert.StartsWith(start, ex.Message);
        Assert.EndsWith(end, ex.Message.Split(" (Parameter")[0]);
    }

    [TorchSharpDiffersFact("its optimizers take an empty parameter list without error (a module whose fields were never "
        + "registered gives one); PyTorch raises ValueError 'optimizer got an empty parameter list'")]
    public void AnEmptyParameterListIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => torch.optim.Adam(Array.Empty<Parameter>()));
        Assert.StartsWith("optimizer got an empty parameter list", ex.Message);
    }

    [TorchSharpDiffersFact("its optimizers take a parameter in two groups and then update it twice per step; PyTorch "
        + "raises ValueError 'some parameters appear in more than one parameter group'")]
    public void AParameterInTwoGroupsIsRefused()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(1.0);
        var ex = Assert.Throws<ArgumentException>(() => torch.optim.SGD([new SGD.ParamGroup([p], 0.1), new SGD.ParamGroup([p], 0.1)], 0.1));
        Assert.StartsWith("some parameters appear more than once in the parameter groups", ex.Message);
    }

    [TorchSharpDiffersFact("add_param_group with another optimizer's options throws NullReferenceException (its "
        + "add_param_group casts the options with 'as' and dereferences null); PyTorch's options are untyped dicts")]
    public void AnotherOptimisersOptionsAreRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var opt = torch.optim.Adam([Param(1.0)]);
        var group = new ParamGroup<SGD.Options>([Param(2.0)], new SGD.Options());
        var ex = Assert.Throws<ArgumentException>(() => opt.add_param_group(group));
        Assert.Contains("Adam needs", ex.Message);
    }
}
