using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>d2l's generator for the 2-D Gaussian: one affine map z·Wᵀ + b, 6 parameters. Used in notebook 01.</summary>
public sealed class GaussianGenerator : Module<Tensor, Tensor>
{
    private readonly Linear affine; // (B, latent) -> (B, 2)

    public GaussianGenerator(long latentDim = 2, long dataDim = 2) : base(nameof(GaussianGenerator))
    {
        affine = Linear(latentDim, dataDim);
        RegisterComponents();
    }

    public Linear Affine => affine;

    public override Tensor forward(Tensor z) => affine.forward(z);
}
