using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>PointGAN's discriminator: Linear(1, 2), tanh, Linear(2, 1), sigmoid; 7 parameters, outputs probabilities. Used in notebook 02.</summary>
public sealed class PointDiscriminator : Module<Tensor, Tensor>
{
    private readonly Linear hidden; // (B, 1) -> (B, 2), then tanh
    private readonly Linear output; // (B, 2) -> (B, 1), then sigmoid: P(real)

    public PointDiscriminator() : base(nameof(PointDiscriminator))
    {
        hidden = Linear(1, 2);
        output = Linear(2, 1);
        RegisterComponents();
    }

    public Linear Hidden => hidden;
    public Linear Output => output;

    public override Tensor forward(Tensor y)
    {
        using var scope = NewDisposeScope();
        return output.forward(hidden.forward(y).tanh()).sigmoid().MoveToOuterDisposeScope();
    }
}
