using TorchSharp.Modules;

namespace GanKit.Torch.Tests.Optim;

/// <summary>
/// Large parameter groups are updated in several multi-tensor chunks: the result must equal updating
/// each parameter with an optimiser of its own.
/// </summary>
public class ChunkedUpdateTests
{
    private static readonly long[] Sizes = { 40000, 7, 30000, 50000, 3 };

    public static TheoryData<string> Optimisers() => new() { "sgd", "adam", "adamw", "rmsprop" };

    private static torch.optim.Optimizer Make(string name, IEnumerable<Parameter> ps) => name switch {
        "sgd" => torch.optim.SGD(ps, 0.1, momentum: 0.9, nesterov: true, weight_decay: 0.01),
        "adam" => torch.optim.Adam(ps, lr: 0.01, amsgrad: true, weight_decay: 0.1),
        "adamw" => torch.optim.AdamW(ps, lr: 0.01, weight_decay: 0.1),
        _ => torch.optim.RMSProp(ps, lr: 0.01, momentum: 0.5, centered: true),
    };

    [Theory]
    [MemberData(nameof(Optimisers))]
    public void ChunksGiveTheSameNumbersAsSeparateOptimisers(string name)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var inits = Sizes.Select(n => torch.randn(n)).ToArray();
        var grads = Enumerable.Range(0, 3).Select(_ => Sizes.Select(n => torch.randn(n)).ToArray()).ToArray();
        var together = inits.Select(t => new Parameter(t.clone())).ToArray();
        var apart = inits.Select(t => new Parameter(t.clone())).ToArray();
        using var joint = Make(name, together);
        var single = apart.Select(p => Make(name, [p])).ToArray();
        foreach (var step in grads) {
            for (int k = 0; k < Sizes.Length; k++) {
                together[k].grad = step[k].clone();
                apart[k].grad = step[k].clone();
            }
            joint.step();
            foreach (var opt in single) opt.step();
        }
        for (int k = 0; k < Sizes.Length; k++)
            Assert.Equal(apart[k].data<float>().ToArray(), together[k].data<float>().ToArray());
        foreach (var opt in single) opt.Dispose();
    }
}
