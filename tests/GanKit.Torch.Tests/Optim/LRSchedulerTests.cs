using System.Text.Json;
using TorchSharp.Modules;
using static GanKit.Torch.Tests.Optim.OptimTestKit;

namespace GanKit.Torch.Tests.Optim;

/// <summary>Learning-rate schedules against PyTorch 1.13 (Golden/optim_lr_schedulers.py).</summary>
public class LRSchedulerTests
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "optim_lr_schedulers.json"))).RootElement;

    private static readonly Dictionary<string, Func<torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler>> Schedulers = new() {
        ["StepLR"] = o => torch.optim.lr_scheduler.StepLR(o, 3, 0.5),
        ["ExponentialLR"] = o => torch.optim.lr_scheduler.ExponentialLR(o, 0.9),
        ["LambdaLR"] = o => torch.optim.lr_scheduler.LambdaLR(o, e => 1.0 - e / 10.0),
    };

    public static TheoryData<string> Names() => new(Schedulers.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesPyTorchSchedule(string name) => Check(name, Schedulers[name]);

    [TorchSharpDiffersFact("MultiStepLR applies gamma once at a milestone listed twice (its get_lr uses "
        + "milestones.IndexOf); PyTorch counts repeats (Counter(milestones)): with [2, 5, 5] and gamma 0.3 the rate at "
        + "epoch 5 is 0.1·0.3³ = 0.0027 in PyTorch, 0.009 in TorchSharp")]
    public void MultiStepLRAppliesARepeatedMilestoneAsOftenAsItIsListed() =>
        Check("MultiStepLR", o => torch.optim.lr_scheduler.MultiStepLR(o, [2, 5, 5], 0.3));

    private static void Check(string name, Func<torch.optim.Optimizer, torch.optim.lr_scheduler.LRScheduler> make)
    {
        var expected = Golden.GetProperty("rates").GetProperty(name).EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        using var scope = torch.NewDisposeScope();
        using var opt = torch.optim.SGD([new SGD.ParamGroup { Parameters = [Param(0.0)] }, new SGD.ParamGroup([Param(0.0)], new SGD.Options { LearningRate = 0.02 })], 0.1);
        var scheduler = make(opt);
        Assert.Equal(expected[0], opt.ParamGroups.Select(g => g.LearningRate));
        foreach (var rates in expected.Skip(1)) {
            opt.step();
            scheduler.step();
            Assert.Equal(rates, opt.ParamGroups.Select(g => g.LearningRate));
            Assert.Equal(rates, scheduler.get_last_lr());
        }
    }

    [Fact]
    public void StepWithAnEpochUsesTheClosedForm()
    {
        using var scope = torch.NewDisposeScope();
        using var opt = torch.optim.Adam([Param(0.0)], lr: 0.8);
        var scheduler = torch.optim.lr_scheduler.StepLR(opt, 2, 0.5);
        scheduler.step(5);
        Assert.Equal(0.8 * 0.25, opt.ParamGroups.Single().LearningRate);
        Assert.Equal(0.8, opt.ParamGroups.Single().InitialLearningRate);
    }

    [Fact]
    public void BadStepSizeIsRejectedByTheFirstStep()
    {
        using var scope = torch.NewDisposeScope();
        using var opt = torch.optim.SGD([Param(0.0)], 0.1);
        // PyTorch and TorchSharp divide by zero at the first step; this binding refuses the step size at once.
        var error = Record.Exception(() => torch.optim.lr_scheduler.StepLR(opt, 0).step());
        Assert.True(error is ArgumentOutOfRangeException or DivideByZeroException, $"got {error?.GetType().Name ?? "nothing"}");
    }
}
