using TorchSharp.Modules;
using static GanKit.Torch.Tests.Optim.OptimizerStateFileTests;

namespace GanKit.Torch.Tests.Optim;

/// <summary>A state file that does not fit the optimiser gives a clear error and changes nothing.</summary>
public sealed class OptimizerStateFileErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-optstate-bad-").FullName;
    private readonly DisposeScope _scope = torch.NewDisposeScope();

    public void Dispose()
    {
        _scope.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>An optimiser that has stepped twice, so every state tensor holds non-zero values.</summary>
    private static OptimizerHelper Stepped(string configuration, long biasLength = 3)
    {
        var w = new Parameter(torch.linspace(-1, 1, 6).reshape(2, 3));
        var b = new Parameter(torch.linspace(0, 1, biasLength));
        var optimizer = Make(configuration, w, b, 0.05);
        for (int step = 1; step <= 2; step++) {
            w.grad = (w * step).detach();
            b.grad = (b - step).detach();
            optimizer.step();
        }
        return optimizer;
    }

    private string Saved(OptimizerHelper optimizer)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.bin");
        optimizer.save_state_dict(path);
        return path;
    }

    [Fact]
    public void AnotherOptimisersFileIsRejected()
    {
        using var adam = Stepped("adam_amsgrad");
        using var adamw = Stepped("adamw_amsgrad");
        var before = Bytes(adam);
        var error = Assert.Throws<InvalidDataException>(() => adam.load_state_dict(Saved(adamw)));
        Assert.Contains("expected 'Adam', but found 'AdamW'", error.Message);
        Assert.Equal(before, Bytes(adam));
    }

    [Fact]
    public void ADifferentNumberOfParametersOrGroupsIsRejected()
    {
        using var two = Stepped("adam");
        var w = new Parameter(torch.zeros(2, 3));
        using var one = torch.optim.Adam([w]);
        var before = Bytes(one);
        Assert.Contains("different number of parameter groups", Assert.Throws<ArgumentException>(() => one.load_state_dict(Saved(two))).Message);
        using var oneGroupTwoParameters = Stepped("adam_amsgrad");
        Assert.Contains("different number of states", Assert.Throws<ArgumentException>(() => one.load_state_dict(Saved(oneGroupTwoParameters))).Message);
        Assert.Equal(before, Bytes(one));
    }

    private const string NoRollback = "its load_state_dict writes each value as it reads it and restores nothing when a "
        + "later one fails, so a bad file leaves the optimizer half loaded; PyTorch checks the layout before changing "
        + "anything and this binding restores the previous state";

    [Theory]
    [InlineData("adam_amsgrad")]
    [InlineData("sgd_momentum")]
    [InlineData("rmsprop_centered_momentum")]
    public void AShapeMismatchInTheLastParameterIsRejected(string configuration)
    {
        using var source = Stepped(configuration, biasLength: 4);
        using var target = Stepped(configuration);
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => target.load_state_dict(Saved(source))).Message);
    }

    [TorchSharpDiffersTheory(NoRollback)]
    [InlineData("adam_amsgrad")]
    [InlineData("sgd_momentum")]
    [InlineData("rmsprop_centered_momentum")]
    public void AShapeMismatchInTheLastParameterLeavesEveryStateUnchanged(string configuration)
    {
        // The first parameter's state loads before the second's shape fails: it must be rolled back.
        using var source = Stepped(configuration, biasLength: 4);
        using var target = Stepped(configuration);
        SetLearningRates(target, 0.123);
        var before = Bytes(target);
        var error = Assert.Throws<ArgumentException>(() => target.load_state_dict(Saved(source)));
        Assert.Contains("[4]", error.Message);
        Assert.Equal(before, Bytes(target));
    }

    [Theory]
    [InlineData("adam_amsgrad")]
    [InlineData("sgd_momentum")]
    [InlineData("rmsprop_centered_momentum")]
    public void ATruncatedFileIsRejectedWhereverItEnds(string configuration) => LoadTruncated(configuration, rollsBack: false);

    [TorchSharpDiffersTheory(NoRollback)]
    [InlineData("adam_amsgrad")]
    [InlineData("sgd_momentum")]
    [InlineData("rmsprop_centered_momentum")]
    public void ATruncatedFileLeavesEveryStateUnchanged(string configuration) => LoadTruncated(configuration, rollsBack: true);

    private void LoadTruncated(string configuration, bool rollsBack)
    {
        using var source = Stepped(configuration);
        using var target = Stepped(configuration);
        SetLearningRates(target, 0.123);
        var before = Bytes(target);
        var whole = Bytes(source);
        var path = Path.Combine(_folder, "truncated.bin");
        foreach (var length in new[] { 0, 1, 5, whole.Length / 3, whole.Length / 2, whole.Length - 1 }) {
            File.WriteAllBytes(path, whole[..length]);
            Assert.Throws<EndOfStreamException>(() => target.load_state_dict(path));
            if (rollsBack) Assert.Equal(before, Bytes(target));
        }
        File.WriteAllBytes(path, whole);
        target.load_state_dict(path);
        Assert.Equal(whole, Bytes(target));
    }

    [Fact]
    public void AMissingFileSaysWhere()
    {
        using var adam = Stepped("adam");
        var path = Path.Combine(_folder, "nowhere.bin");
        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => adam.load_state_dict(path)).Message);
    }

    private static void SetLearningRates(OptimizerHelper optimizer, double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}
