using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>PointGAN's generator: one neuron y = w·x + b. It succeeds when w → 0 and b → 1. Used in notebook 02.</summary>
public sealed class PointGenerator : Module<Tensor, Tensor>
{
    private readonly Linear neuron; // (B, 1) -> (B, 1)

    public PointGenerator() : base(nameof(PointGenerator))
    {
        neuron = Linear(1, 1);
        RegisterComponents();
    }

    public Linear Neuron => neuron;

    public override Tensor forward(Tensor x) => neuron.forward(x);
}
