using TorchSharp.Modules;
using static GanKit.Torch.Tests.Optim.OptimTestKit;

namespace GanKit.Torch.Tests.Optim;

/// <summary>An optimiser loaded from another's state_dict continues exactly as the original does.</summary>
public class StateDictTests
{
    public static TheoryData<string> Optimisers() => new() { "sgd", "adam", "adamw", "rmsprop" };

    private static torch.optim.Optimizer Make(string name, Parameter p, double lr) => name switch {
        "sgd" => torch.optim.SGD([p], lr, momentum: 0.9),
        "adam" => torch.optim.Adam([p], lr: lr, amsgrad: true),
        "adamw" => torch.optim.AdamW([p], lr: lr, weight_decay: 0.1),
        _ => torch.optim.RMSProp([p], lr: lr, momentum: 0.5, centered: true),
    };

    [Theory]
    [MemberData(nameof(Optimisers))]
    public void LoadedOptimiserContinuesLikeTheOriginal(string name)
    {
        using var scope = torch.NewDisposeScope();
        var original = Param(1.0, -2.0);
        using var first = Make(name, original, 0.1);
        SetGrad(original, 0.5, 1.5);
        first.step();
        SetGrad(original, -0.25, 2.0);
        first.step();

        var copy = Param(Values(original));
        using var second = Make(name, copy, 0.7);
        ((OptimizerHelper)second).load_state_dict(((OptimizerHelper)first).state_dict());
        Assert.Equal(0.1, second.ParamGroups.Single().LearningRate);

        SetGrad(original, 1.0, -1.0);
        SetGrad(copy, 1.0, -1.0);
        first.step();
        second.step();
        Assert.Equal(Values(original), Values(copy));
    }

    [Fact]
    public void MismatchedLayoutsAreRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var one = torch.optim.Adam([Param(1.0)]);
        using var two = torch.optim.Adam([new Adam.ParamGroup { Parameters = [Param(1.0)] }, new Adam.ParamGroup { Parameters = [Param(2.0)] }]);
        Assert.Contains("different number of parameter groups", Assert.Throws<ArgumentException>(() => one.load_state_dict(two.state_dict())).Message);
    }

    [TorchSharpDiffersFact("loading an SGD state_dict into Adam throws NullReferenceException (its LoadStateDict casts the "
        + "options with 'as' and dereferences null); PyTorch's options are untyped dicts, so there is no such error to give")]
    public void AnotherOptimisersStateIsRejected()
    {
        using var scope = torch.NewDisposeScope();
        using var one = torch.optim.Adam([Param(1.0)]);
        using var sgd = torch.optim.SGD([Param(1.0)], 0.1);
        Assert.Contains("Adam+Options", Assert.Throws<ArgumentException>(() => one.load_state_dict(sgd.state_dict())).Message);
    }
}
