using System.Runtime.InteropServices;
using System.Text.Json;

namespace GanKit.Torch.Tests.JIT;

/// <summary>torch.jit.load of a module scripted and saved by PyTorch (Golden/make_script_module.py).</summary>
public class ScriptModuleTests
{
    private static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Fact]
    public void LoadedScriptComputesWhatPyTorchComputed()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Golden("tiny_script.json")));
        var input = expected.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var output = expected.RootElement.GetProperty("output").EnumerateArray().Select(e => e.GetSingle()).ToArray();

        using var module = torch.jit.load<Tensor, Tensor>(Golden("tiny_script.pt"));
        using var x = torch.tensor(input, new long[] { 2, 3 });
        using var y = module.call(x);

        Assert.Equal(new long[] { 2, 2 }, y.shape);
        var actual = y.data<float>().ToArray();
        for (int k = 0; k < output.Length; k++) Assert.Equal(output[k], actual[k], 6);
    }

    [Fact]
    public void ParametersAreListedByTheirScriptNames()
    {
        using var module = torch.jit.load(Golden("tiny_script.pt"));
        var names = module.named_parameters().Select(p => p.name).ToArray();
        Assert.Equal(new[] { "fc.weight", "fc.bias" }, names);
        Assert.Equal(new long[] { 2, 3 }, module.named_parameters().First().parameter.shape);
    }

    [Fact]
    public void MissingAndCorruptFilesGiveClearErrors()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => torch.jit.load("no/such/inception.pt"));
        Assert.Contains("inception.pt", missing.Message);

        var corrupt = Path.GetTempFileName();
        File.WriteAllText(corrupt, "this is not a TorchScript archive");
        try {
            var error = Assert.Throws<ExternalException>(() => torch.jit.load(corrupt));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        } finally {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public void AskingForCudaWithoutItSaysSo()
    {
        if (torch.cuda.is_available()) return;
        var error = Assert.Throws<InvalidOperationException>(() => torch.jit.load(Golden("tiny_script.pt"), DeviceType.CUDA));
        Assert.Contains("CUDA", error.Message);
    }
}
