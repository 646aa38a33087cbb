using System.Runtime.InteropServices;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace GanKit.Torch.Tests.NN;

[Collection(SeededRandomStream.Name)]
public class StateDictTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gankit-nn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    private static Linear KnownLinear() => Linear(
        new Parameter(tensor(new float[] { 0.5f, -1, 2, 0.25f, 3, -0.125f }, [2, 3])),
        new Parameter(tensor(new float[] { 1.5f, -2.5f })));

    [Fact]
    public void SaveWritesTorchSharpsFormatByteForByte()
    {
        // nn_linear_state.dat was written by nn_make_goldens.py straight from TorchSharp's format
        // (LEB128 count; per entry a .NET string, LEB128 dtype, rank and sizes, raw float32 data).
        using var lin = KnownLinear();
        var path = Path.Combine(_dir, "lin.dat");
        lin.save(path);
        Assert.Equal(File.ReadAllBytes(GoldenPath("nn_linear_state.dat")), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir)); // the temporary file is gone
    }

    [Fact]
    public void LoadReadsTorchSharpsFormat()
    {
        using var lin = Linear(3, 2);
        lin.load(GoldenPath("nn_linear_state.dat"));
        Assert.Equal(new float[] { 0.5f, -1, 2, 0.25f, 3, -0.125f }, lin.weight.data<float>().ToArray());
        Assert.Equal(new float[] { 1.5f, -2.5f }, lin.bias!.data<float>().ToArray());
    }

    [Fact]
    public void SaveAndLoadRoundTripAWholeNetworkWithBuffers()
    {
        manual_seed(7);
        using var a = Sequential(("conv", Conv2d(1, 2, 3)), ("bn", BatchNorm2d(2)), ("flat", Flatten()), ("fc", Linear(8, 1)));
        using (var x = randn(4, 1, 4, 4))
        using (var y = a.call(x)) { } // moves the running statistics away from their defaults
        var path = Path.Combine(_dir, "net.dat");
        a.save(path);
        a.save(path); // overwriting works too

        manual_seed(8);
        using var b = Sequential(("conv", Conv2d(1, 2, 3)), ("bn", BatchNorm2d(2)), ("flat", Flatten()), ("fc", Linear(8, 1)));
        var loaded = new Dictionary<string, bool>();
        b.load(path, loadedParameters: loaded);
        Assert.Equal(a.state_dict().Keys, loaded.Keys);
        foreach (var (key, value) in a.state_dict())
            Assert.Equal(NNAssert.Values(value), NNAssert.Values(b.state_dict()[key]));
        Assert.Equal(1L, b.get_buffer("bn.num_batches_tracked")!.item<long>());
    }

    /// <summary>A module of our own: TorchSharp's Sequential lists its layers' buffers, not its own.</summary>
    private sealed class WithBuffers : Module<Tensor, Tensor>
    {
        private readonly Linear fc = Linear(1, 1);

        public WithBuffers() : base(nameof(WithBuffers))
        {
            RegisterComponents();
            register_buffer("scratch", zeros(2), persistent: false);
            register_buffer("kept", ones(2));
        }

        public override Tensor forward(Tensor input) => fc.call(input);
    }

    [Fact]
    public void NonPersistentBuffersStayOutOfTheStateDict()
    {
        using var net = new WithBuffers();
        Assert.Equal(new[] { "fc.weight", "fc.bias", "kept" }, net.state_dict().Keys.ToArray());
        Assert.Equal(new[] { "kept" }, net.named_buffers(true, false).Select(b => b.name).ToArray());
    }

    [TorchSharpDiffersFact("named_buffers() leaves out non-persistent buffers even with include_nonpersistent: true (it "
        + "skips every buffer whose persistent flag is false); PyTorch's named_buffers() lists them")]
    public void NamedBuffersListTheNonPersistentOnesToo()
    {
        using var net = new WithBuffers();
        Assert.Equal(new[] { "scratch", "kept" }, net.named_buffers().Select(b => b.name).ToArray());
    }

    [Fact]
    public void LoadStateDictCopiesValuesIntoTheSameTensors()
    {
        using var src = KnownLinear();
        using var dst = Linear(3, 2);
        var weight = dst.weight;
        var (missing, unexpected) = dst.load_state_dict(src.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        Assert.Same(weight, dst.weight);
        Assert.Equal(src.weight.data<float>().ToArray(), dst.weight.data<float>().ToArray());
    }

    [Fact]
    public void MismatchedStateDictsAreRefusedClearly()
    {
        using var dst = Linear(3, 2);
        using var other = Linear(3, 2, hasBias: false);
        var e = Assert.Throws<InvalidOperationException>(() => dst.load_state_dict(other.state_dict()));
        Assert.Contains("state_dict is not identical", e.Message);
        var (missing, _) = dst.load_state_dict(other.state_dict(), strict: false);
        Assert.Equal(new[] { "bias" }, missing);

        using var wide = Linear(4, 2);
        var before = NNAssert.Values(dst.bias!);
        // TorchSharp's error is libtorch's, from copying the weight; ours names it too, and is checked before any copy.
        Assert.Throws<ExternalException>(() => dst.load_state_dict(wide.state_dict()));
        Assert.Equal(before, NNAssert.Values(dst.bias!)); // nothing was copied
    }

    [Fact]
    public void LoadingAMismatchedFileIsRefusedClearly()
    {
        var golden = GoldenPath("nn_linear_state.dat");
        using var wide = Linear(4, 2);
        Assert.Contains("shape", Assert.Throws<ArgumentException>(() => wide.load(golden)).Message);
        using var noBias = Linear(3, 2, hasBias: false);
        Assert.Contains("sizes", Assert.Throws<ArgumentException>(() => noBias.load(golden)).Message);
        using var dbl = Linear(3, 2).@double();
        Assert.Contains("types", Assert.Throws<ArgumentException>(() => dbl.load(golden)).Message);
        using var renamed = Sequential(("l", Linear(3, 2)));
        Assert.Contains("'weight'", Assert.Throws<ArgumentException>(() => renamed.load(golden)).Message);
    }

    [Fact]
    public void MissingOrCorruptFilesGiveClearExceptions()
    {
        using var lin = Linear(3, 2);
        Assert.Throws<FileNotFoundException>(() => lin.load(Path.Combine(_dir, "nothing.dat")));

        var bytes = File.ReadAllBytes(GoldenPath("nn_linear_state.dat"));
        var truncated = Path.Combine(_dir, "truncated.dat");
        File.WriteAllBytes(truncated, bytes[..30]);
        Assert.Throws<EndOfStreamException>(() => lin.load(truncated));

        // Element type code 127 is no dtype, so not the weight's.
        var garbage = Path.Combine(_dir, "garbage.dat");
        File.WriteAllBytes(garbage, [0x02, 0x06, (byte)'w', (byte)'e', (byte)'i', (byte)'g', (byte)'h', (byte)'t', 0x7f, 0x01]);
        Assert.Contains("Mismatched tensor data types", Assert.Throws<ArgumentException>(() => lin.load(garbage)).Message);

        var empty = Path.Combine(_dir, "empty.dat");
        File.WriteAllBytes(empty, []);
        Assert.Throws<EndOfStreamException>(() => lin.load(empty));
    }
}
