using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace GanKit.Torch.Tests.NN;

public class ModuleTests
{
    /// <summary>A custom module as users write them: fields named as TorchSharp names them.</summary>
    private sealed class Net : Module<Tensor, Tensor>
    {
        private readonly Linear fc1;
        private readonly BatchNorm1d _norm;
        private readonly Parameter scale;
        private readonly Tensor offset;

        public Net() : base(nameof(Net))
        {
            fc1 = Linear(3, 4);
            _norm = BatchNorm1d(4);
            scale = new Parameter(ones(4));
            offset = zeros(4);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var h = fc1.call(input);
            using var n = _norm.call(h);
            using var s = n * scale;
            return s + offset;
        }
    }

    [Fact]
    public void RegisterComponentsNamesByFieldNameAsTorchSharp()
    {
        using var net = new Net();
        Assert.Equal(new[] { "scale", "fc1.weight", "fc1.bias", "_norm.weight", "_norm.bias" }, net.named_parameters().Select(p => p.name).ToArray());
        Assert.Equal(new[] { "offset", "_norm.running_mean", "_norm.running_var", "_norm.num_batches_tracked" }, net.named_buffers().Select(b => b.name).ToArray());
        Assert.Equal(new[] { "fc1", "_norm" }, net.named_children().Select(c => c.name).ToArray());
        Assert.Equal(new[] { "scale", "fc1.weight", "fc1.bias", "_norm.weight", "_norm.bias", "offset", "_norm.running_mean", "_norm.running_var", "_norm.num_batches_tracked" },
            net.state_dict().Keys.ToArray());
        Assert.Equal(5, net.parameters().Count());
        Assert.Equal(3 * 4 + 4 + 4 + 4 + 4, net.parameters().Sum(p => p.numel()));
        Assert.Same(net.get_parameter("fc1.weight"), ((Linear)net.children().First()).weight);
        Assert.True(net.has_buffer("_norm.running_var"));
        Assert.False(net.has_parameter("fc1.nothing"));
    }

    [Fact]
    public void SequentialNamesChildrenByPositionOrByTheNamesGiven()
    {
        using var numbered = Sequential(Linear(2, 3), ReLU(), Linear(3, 1));
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, numbered.state_dict().Keys.ToArray());
        Assert.Equal(3, numbered.Count);
        Assert.IsType<ReLU>(numbered[1]);

        using var named = Sequential(("enc", Linear(2, 3)), ("act", Tanh()), ("dec", Linear(3, 2)));
        named.append("out", Sigmoid());
        Assert.Equal(new[] { "enc.weight", "enc.bias", "dec.weight", "dec.bias" }, named.state_dict().Keys.ToArray());
        Assert.Equal(new[] { "enc", "act", "dec", "out" }, named.named_children().Select(c => c.name).ToArray());

        using var nested = Sequential(("body", (Module<Tensor, Tensor>)Sequential(Linear(2, 2), BatchNorm1d(2))), ("head", Linear(2, 1)));
        Assert.Equal(new[] { "body", "head", "body.0", "body.1" }, nested.named_modules().Select(m => m.name).ToArray());
        Assert.Contains("body.1.running_mean", nested.state_dict().Keys);
    }

    [Fact]
    public void SequentialComposesItsModules()
    {
        using var lin = Linear(tensor(new float[] { 1, -2, 0.5f, 3 }, [2, 2]).AsParam(), tensor(new float[] { 0.5f, -1 }).AsParam());
        using var seq = Sequential(lin, ReLU());
        using var x = tensor(new float[] { 1, 2 }, [1, 2]);
        using var y = seq.call(x);
        // [1·1 − 2·2 + 0.5, 0.5·1 + 3·2 − 1] = [−2.5, 5.5] → ReLU → [0, 5.5]
        Assert.Equal(new float[] { 0, 5.5f }, y.data<float>().ToArray());
        using var empty = Sequential();
        using var same = empty.call(x);
        Assert.Equal(x.data<float>().ToArray(), same.data<float>().ToArray());
    }

    [Fact]
    public void TrainAndEvalReachEverySubmodule()
    {
        using var net = Sequential(Linear(2, 2), Sequential(Dropout(), BatchNorm1d(2)));
        Assert.True(net.training);
        net.eval();
        Assert.All(net.modules(), m => Assert.False(m.training));
        Assert.False(net.training);
        net.train();
        Assert.All(net.modules(), m => Assert.True(m.training));
    }

    [Fact]
    public void ToDoubleConvertsParametersAndFloatingPointBuffers()
    {
        using var net = new Net();
        var same = net.to(ScalarType.Float64);
        Assert.Same(net, same);
        var weight = net.get_parameter("fc1.weight")!;
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.True(weight.requires_grad && weight.is_leaf);
        Assert.Equal(ScalarType.Float64, net.get_buffer("_norm.running_mean")!.dtype);
        Assert.Equal(ScalarType.Int64, net.get_buffer("_norm.num_batches_tracked")!.dtype); // integers keep their type
        using (var x = ones(2, 3, ScalarType.Float64))
        using (var y = net.call(x)) Assert.Equal(ScalarType.Float64, y.dtype);

        net.@float().cpu();
        Assert.Equal(ScalarType.Float32, net.get_parameter("fc1.weight")!.dtype);
        Assert.Throws<ArgumentException>(() => net.to(ScalarType.Int32));
    }

    [TorchSharpDiffersFact("Module.to(dtype) registers new Parameter objects and disposes the old ones, so a reference "
        + "taken before (an optimizer's) is dead; PyTorch's Module.to converts param.data in place and keeps the objects")]
    public void ToDoubleConvertsInPlaceKeepingParameterObjects()
    {
        using var net = new Net();
        var weight = net.get_parameter("fc1.weight")!;
        using (var x = ones(2, 3))
        using (var y = net.call(x))
        using (var s = y.sum()) s.backward();
        Assert.NotNull(weight.grad);

        net.to(ScalarType.Float64);
        Assert.Same(weight, net.get_parameter("fc1.weight"));
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.True(weight.requires_grad && weight.is_leaf);
        using (var g = weight.grad!) Assert.Equal(ScalarType.Float64, g.dtype);
        net.@float();
        Assert.Equal(ScalarType.Float32, weight.dtype);
    }

    [Fact]
    public void MovingToCudaWithoutCudaSaysSo()
    {
        if (cuda.is_available()) return;
        using var lin = Linear(2, 2);
        var e = Assert.Throws<InvalidOperationException>(() => lin.cuda());
        Assert.Contains("CUDA", e.Message);
    }

    [Fact]
    public void ZeroGradClearsOrZeroesGradients()
    {
        using var lin = Linear(3, 2);
        using (var x = ones(4, 3))
        using (var y = lin.call(x))
        using (var s = y.sum()) s.backward();
        lin.zero_grad(set_to_none: false);
        using (var g = lin.weight.grad!) Assert.All(g.data<float>().ToArray(), v => Assert.Equal(0f, v));
        lin.zero_grad();
        Assert.Null(lin.weight.grad);
    }

    [Fact]
    public void RegistrationRejectsDuplicatesAndBadNames()
    {
        // On a module of our own: TorchSharp's Sequential keeps its layers apart from the registered submodules.
        using var net = new Net();
        using var other = Linear(1, 1);
        Assert.Throws<InvalidOperationException>(() => net.register_module("fc1", other));
        Assert.Throws<ArgumentException>(() => net.register_module("a.b", other));
        Assert.Throws<InvalidOperationException>(() => ReLU().register_parameter("w", new Parameter(ones(1))));
    }

    [Fact]
    public void HooksSeeAndMayReplaceInputsAndResults()
    {
        using var relu = ReLU();
        var calls = new List<string>();
        var pre = relu.register_forward_pre_hook((m, x) => { calls.Add("pre"); return x * -1; });
        relu.register_forward_hook((m, x, y) => { calls.Add("post"); return null!; });
        using var input = tensor(new float[] { 1, -2 });
        using (var y = relu.call(input)) Assert.Equal(new float[] { 0, 2 }, y.data<float>().ToArray());
        Assert.Equal(new[] { "pre", "post" }, calls);
        pre.remove();
        using (var y = relu.call(input)) Assert.Equal(new float[] { 1, 0 }, y.data<float>().ToArray());
    }

    [Fact]
    public void DisposeFreesParametersOfTheWholeTree()
    {
        var seq = Sequential(Linear(2, 2), Sequential(Linear(2, 2)));
        var ps = seq.parameters().ToList();
        seq.Dispose();
        Assert.All(ps, p => Assert.True(p.IsInvalid));
    }
}

internal static class ParameterTestExtensions
{
    public static Parameter AsParam(this Tensor t) => new(t);
}

public class TwoInputModuleTests
{
    private sealed class Scaled : nn.Module<Tensor, Tensor, Tensor>
    {
        public Scaled() : base(nameof(Scaled)) { }

        public override Tensor forward(Tensor input1, Tensor input2) => input1 * input2;
    }

    [Fact]
    public void CallRunsHooksThatMayReplaceBothInputs()
    {
        using var m = new Scaled();
        using var a = tensor(new float[] { 1, 2 });
        using var b = tensor(new float[] { 3, 4 });
        using var ten = tensor(10f);
        m.register_forward_pre_hook((mod, x, y) => (y, x * ten));
        using var r = m.call(a, b);
        Assert.Equal(new float[] { 30, 80 }, r.data<float>().ToArray());
        Assert.Same(m, m.to(CPU).cpu().to("cpu"));
    }
}
