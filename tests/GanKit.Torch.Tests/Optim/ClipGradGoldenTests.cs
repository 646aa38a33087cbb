using System.Text.Json;
using TorchSharp.Modules;

namespace GanKit.Torch.Tests.Optim;

/// <summary>clip_grad_norm_ on float32 gradients against PyTorch 1.13 (Golden/optim_clip_grad.py).</summary>
public class ClipGradGoldenTests
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "optim_clip_grad.json"))).RootElement;

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Golden.GetProperty("cases").GetArrayLength()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(int index)
    {
        var c = Golden.GetProperty("cases")[index];
        var norm_type = c.GetProperty("norm_type") is { ValueKind: JsonValueKind.String } ? double.PositiveInfinity : c.GetProperty("norm_type").GetDouble();
        using var scope = torch.NewDisposeScope();
        var ps = Golden.GetProperty("grads").EnumerateArray().Select(g => {
            var values = g.EnumerateArray().Select(v => v.GetSingle()).ToArray();
            var p = new Parameter(torch.zeros(values.Length));
            p.grad = tensor(values);
            return p;
        }).ToArray();
        double total = torch.nn.utils.clip_grad_norm_(ps, c.GetProperty("max_norm").GetDouble(), norm_type);
        Assert.Equal(c.GetProperty("total_norm").GetDouble(), total);
        var expected = c.GetProperty("grads").EnumerateArray().Select(g => g.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        for (int k = 0; k < ps.Length; k++) Assert.Equal(expected[k], ps[k].grad!.data<float>().ToArray());
    }
}
