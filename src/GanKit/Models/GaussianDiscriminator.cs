using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// d2l's discriminator for the 2-D Gaussian: 2→5→3→1 with tanh, ending in a logit (no sigmoid;
/// pair it with BCE on logits), 37 parameters. Used in notebook 01.
/// </summary>
public sealed class GaussianDiscriminator : Module<Tensor, Tensor>
{
    private readonly Linear hidden1; // (B, 2) -> (B, 5), then tanh
    private readonly Linear hidden2; // (B, 5) -> (B, 3), then tanh
    private readonly Linear output;  // (B, 3) -> (B, 1): the logit

    public GaussianDiscriminator(long dataDim = 2, long width1 = 5, long width2 = 3) : base(nameof(GaussianDiscriminator))
    {
        hidden1 = Linear(dataDim, width1);
        hidden2 = Linear(width1, width2);
        output = Linear(width2, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h1 = hidden1.forward(x).tanh();
        var h2 = hidden2.forward(h1).tanh();
        return output.forward(h2).MoveToOuterDisposeScope();
    }
}
