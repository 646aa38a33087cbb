using TorchSharp.Modules;

namespace GanKit.Torch.Tests.Optim;

/// <summary>
/// save_state_dict / load_state_dict in TorchSharp's byte format: a resumed optimiser continues exactly
/// as one that was never saved, and our bytes equal files written field by field from TorchSharp's
/// format (Golden/optim_state_files.py).
/// </summary>
public sealed class OptimizerStateFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-optstate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Configurations() => new() {
        "sgd", "sgd_momentum", "adam", "adam_amsgrad", "adamw_amsgrad", "rmsprop", "rmsprop_centered_momentum",
    };

    /// <summary>Two groups (float32 matrix and vector), so options and states of several entries are written.</summary>
    internal static OptimizerHelper Make(string configuration, Parameter w, Parameter b, double lr) => configuration switch {
        "sgd" => torch.optim.SGD([w, b], lr),
        "sgd_momentum" => torch.optim.SGD([new SGD.ParamGroup([w], lr, momentum: 0.9, dampening: 0.1), new SGD.ParamGroup([b], lr / 2, momentum: 0.5, nesterov: true)], lr),
        "adam" => torch.optim.Adam([new Adam.ParamGroup([w], lr), new Adam.ParamGroup([b], lr / 2, weight_decay: 0.1)]),
        "adam_amsgrad" => torch.optim.Adam([w, b], lr, beta1: 0.8, amsgrad: true),
        "adamw_amsgrad" => torch.optim.AdamW([w, b], lr, weight_decay: 0.1, amsgrad: true),
        "rmsprop" => torch.optim.RMSProp([w, b], lr),
        "rmsprop_centered_momentum" => torch.optim.RMSProp([w, b], lr, alpha: 0.9, momentum: 0.5, centered: true, weight_decay: 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration)),
    };

    /// <summary>Gradients of a fixed quadratic at the current weights, so every run sees the same sequence.</summary>
    private static void SetQuadraticGradients(Parameter w, Parameter b, int step)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        w.grad = (w * (1.0 + step) - 0.5).DetachFromDisposeScope();
        b.grad = (b.pow(3) + 0.25 * step).DetachFromDisposeScope();
    }

    private static (Parameter w, Parameter b) Parameters(float[] w, float[] b) =>
        (new Parameter(torch.tensor(w, [2, 3])), new Parameter(torch.tensor(b)));

    private static readonly float[] W0 = [0.5f, -1.25f, 2f, 0.3f, 0.7f, -0.4f];
    private static readonly float[] B0 = [0.1f, -0.2f, 0.3f];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void AResumedOptimiserContinuesExactlyLikeOneNeverSaved(string configuration)
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(_folder, $"{configuration}.bin");

        var (w, b) = Parameters(W0, B0);
        using var straight = Make(configuration, w, b, 0.05);
        for (int step = 0; step < 3; step++) {
            SetQuadraticGradients(w, b, step);
            straight.step();
        }
        straight.save_state_dict(path);
        var savedW = w.data<float>().ToArray();
        var savedB = b.data<float>().ToArray();
        for (int step = 3; step < 6; step++) {
            SetQuadraticGradients(w, b, step);
            straight.step();
        }

        // A fresh optimiser with other hyperparameters, on a copy of the weights at the save.
        var (w2, b2) = Parameters(savedW, savedB);
        using var resumed = Make(configuration, w2, b2, 0.9);
        resumed.load_state_dict(path);
        Assert.Equal(straight.ParamGroups.Select(g => g.InitialLearningRate), resumed.ParamGroups.Select(g => g.InitialLearningRate));
        for (int step = 3; step < 6; step++) {
            SetQuadraticGradients(w2, b2, step);
            resumed.step();
        }
        Assert.Equal(w.data<float>().ToArray(), w2.data<float>().ToArray());
        Assert.Equal(b.data<float>().ToArray(), b2.data<float>().ToArray());
        Assert.Equal(Bytes(straight), Bytes(resumed));
    }

    [Fact]
    public void SavingOverAFileReplacesItAndLeavesNoTemporaryFile()
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(_folder, "adam.bin");
        var (w, b) = Parameters(W0, B0);
        using var adam = Make("adam", w, b, 0.05);
        File.WriteAllText(path, "an older, longer file that the state must replace entirely");
        adam.save_state_dict(path);
        Assert.Equal(Bytes(adam), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [TorchSharpDiffersFact("its save_state_dict(path) writes into the file itself, as PyTorch's torch.save does, so a "
        + "save that fails half way leaves half a file; this binding writes a temporary file and replaces the old one")]
    public void ASaveThatFailsMidWriteKeepsThePreviousFile()
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(_folder, "adam.bin");
        var (w, b) = Parameters(W0, B0);
        using var adam = Make("adam", w, b, 0.05);
        adam.save_state_dict(path);
        var before = File.ReadAllBytes(path);
        // The second parameter's moments are gone: the save fails after the first state is written.
        ((Adam.State)adam.state_dict().State[1]).exp_avg.Dispose();
        Assert.ThrowsAny<Exception>(() => adam.save_state_dict(path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void AdamBytesMatchTorchSharpsFormatFieldByField()
    {
        using var scope = torch.NewDisposeScope();
        var w = new Parameter(torch.zeros(2, 2));
        var b = new Parameter(torch.zeros(2));
        using var adam = torch.optim.Adam([w, b], lr: 0.01, beta1: 0.8, beta2: 0.9, eps: 1e-6, weight_decay: 0.5, amsgrad: true);
        adam.ParamGroups.Single().LearningRate = 0.005;
        var states = adam.state_dict().State.Cast<Adam.State>().ToArray();
        SetAdam(states[0], 3, [0.5f, -1f, 1.5f, 2f], [0.25f, 1f, 2.25f, 4f], [0.5f, 1f, 2.5f, 4f]);
        SetAdam(states[1], 5, [-0.125f, 0.0625f], [0.015625f, 0.00390625f], [0.03125f, 0.0078125f]);
        var golden = Golden("optim_state_adam.dat");
        Assert.Equal(golden, Bytes(adam));

        // Loading the golden into an optimiser with other settings and fresh state gives the same values back.
        var w2 = new Parameter(torch.ones(2, 2));
        var b2 = new Parameter(torch.ones(2));
        using var other = torch.optim.Adam([w2, b2], lr: 0.3);
        other.load_state_dict(new BinaryReader(new MemoryStream(golden)));
        var options = (Adam.Options)other.ParamGroups.Cast<ParamGroup>().Single().Options!;
        Assert.Equal((0.01, 0.005, 0.8, 0.9, 1e-6, 0.5, true, false),
            (options.InitialLearningRate, options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.weight_decay!.Value, options.amsgrad!.Value, options.maximize!.Value));
        var loaded = (Adam.State)other.state_dict().State[1];
        Assert.Equal(5, loaded.step);
        Assert.Equal([0.03125f, 0.0078125f], loaded.max_exp_avg_sq!.data<float>().ToArray());
        Assert.Equal(golden, Bytes(other));
    }

    private static void SetAdam(Adam.State state, long step, float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq)
    {
        state.step = step;
        Fill(state.exp_avg, expAvg);
        Fill(state.exp_avg_sq, expAvgSq);
        Fill(state.max_exp_avg_sq!, maxExpAvgSq);
    }

    [Fact]
    public void SgdBytesMatchTorchSharpsFormatFieldByField()
    {
        using var scope = torch.NewDisposeScope();
        var p0 = new Parameter(torch.zeros(130, ScalarType.Float64));
        var p1 = new Parameter(torch.zeros(3, ScalarType.Float64));
        using var sgd = torch.optim.SGD([
            new SGD.ParamGroup([p0], 0.1, momentum: 0.9, dampening: 0.1, weight_decay: 0.01, maximize: true),
            new SGD.ParamGroup([p1], 0.2, momentum: 0.5)], 0.1);
        // A 130-long buffer: its size takes two LEB128 bytes. p1 has taken no step, so it has no buffer.
        var buffer = Enumerable.Range(0, 130).Select(k => k / 2.0).ToArray();
        ((SGD.State)sgd.state_dict().State[0]).momentum_buffer = torch.tensor(buffer).DetachFromDisposeScope();
        var golden = Golden("optim_state_sgd.dat");
        Assert.Equal(golden, Bytes(sgd));

        var q0 = new Parameter(torch.ones(130, ScalarType.Float64));
        var q1 = new Parameter(torch.ones(3, ScalarType.Float64));
        using var other = torch.optim.SGD([new SGD.ParamGroup([q0], 0.5), new SGD.ParamGroup([q1], 0.5)], 0.5, momentum: 0.1);
        // Give q1 a buffer the file says it does not have: loading must drop it.
        ((SGD.State)other.state_dict().State[1]).momentum_buffer = torch.ones(3, ScalarType.Float64).DetachFromDisposeScope();
        other.load_state_dict(new BinaryReader(new MemoryStream(golden)));
        var states = other.state_dict().State.Cast<SGD.State>().ToArray();
        Assert.Equal(buffer, states[0].momentum_buffer!.data<double>().ToArray());
        Assert.Null(states[1].momentum_buffer);
        Assert.Equal([0.1, 0.2], other.ParamGroups.Select(g => g.LearningRate));
        Assert.Equal(golden, Bytes(other));
    }

    [Fact]
    public void RmsPropBytesMatchTorchSharpsFormatFieldByField()
    {
        using var scope = torch.NewDisposeScope();
        var p = new Parameter(torch.zeros(2));
        using var rmsprop = torch.optim.RMSProp([p], lr: 0.01, alpha: 0.9, centered: true);
        var state = (RMSProp.State)rmsprop.state_dict().State.Single();
        state.step = 2;
        Fill(state.square_avg, [0.75f, 0.5f]);
        Fill(state.grad_avg!, [-0.5f, 0.25f]);
        var golden = Golden("optim_state_rmsprop.dat");
        Assert.Equal(golden, Bytes(rmsprop));

        var q = new Parameter(torch.ones(2));
        using var other = torch.optim.RMSProp([q], lr: 0.5, momentum: 0.9);
        other.load_state_dict(new BinaryReader(new MemoryStream(golden)));
        var loaded = (RMSProp.State)other.state_dict().State.Single();
        Assert.Equal([0f, 0f], loaded.momentum_buffer!.data<float>().ToArray());
        Assert.Equal([-0.5f, 0.25f], loaded.grad_avg!.data<float>().ToArray());
        Assert.Equal(golden, Bytes(other));
    }

    internal static byte[] Bytes(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) optimizer.save_state_dict(writer);
        return stream.ToArray();
    }

    private static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", name));

    private static void Fill(Tensor target, float[] values)
    {
        using var source = torch.tensor(values, target.shape);
        target.copy_(source);
    }
}
