using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// Weight initialisation as the tutorials do it. Modules start with PyTorch's defaults
/// (kaiming-uniform weights, uniform ±1/√fan_in biases); these helpers replace them.
/// </summary>
public static class Initialization
{
    /// <summary>d2l and DCGAN's N(0, 0.02) default spread.</summary>
    public const double TutorialStd = 0.02;

    /// <summary>
    /// Draws every weight from N(0, <paramref name="std"/>). Biases become 0 (d2l's MXNet original)
    /// or, with <paramref name="biasesToo"/>, are drawn like the weights (d2l's PyTorch tab).
    /// Parameters are visited in <c>parameters()</c> order, so draws match PyTorch's loop over the same module.
    /// </summary>
    public static T Normal<T>(T module, double std = TutorialStd, bool biasesToo = false) where T : Module
    {
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (biasesToo || !IsBias(name)) init.normal_(parameter, 0, std);
            else init.zeros_(parameter);
        }
        return module;
    }

    /// <summary>
    /// Keras's defaults for Dense and Conv2D layers: glorot-uniform kernels (PyTorch's xavier_uniform_,
    /// with the same fans) and zero biases. Other modules (batch norm: γ = 1, β = 0 in both) keep theirs.
    /// Layers are visited in PyTorch's <c>modules()</c> order, so draws match a PyTorch loop over the same module.
    /// </summary>
    public static T KerasDefaults<T>(T module) where T : Module
    {
        foreach (var (_, layer) in ModuleTree.PreOrder(module))
        {
            var (weight, bias) = layer switch
            {
                Linear linear => (linear.weight, linear.bias),
                Conv2d conv => (conv.weight, conv.bias),
                _ => (null, null),
            };
            if (weight is null) continue;
            init.xavier_uniform_(weight);
            if (bias is not null) init.zeros_(bias);
        }
        return module;
    }

    /// <summary>
    /// The PyTorch DCGAN tutorial's <c>weights_init</c>: convolution and transposed-convolution weights from
    /// N(0, 0.02), batch-norm scales from N(1, 0.02) and shifts 0. Layers are visited in order, as PyTorch's
    /// <c>apply</c> reaches the leaves of the same module, so draws match it.
    /// </summary>
    public static T Dcgan<T>(T module) where T : Module
    {
        foreach (var (_, layer) in ModuleTree.PreOrder(module))
        {
            switch (layer)
            {
                case Conv2d conv:
                    init.normal_(conv.weight, 0, TutorialStd);
                    break;
                case ConvTranspose2d transposed:
                    init.normal_(transposed.weight, 0, TutorialStd);
                    break;
                case BatchNorm2d norm:
                    if (norm.weight is not null) init.normal_(norm.weight, 1, TutorialStd);
                    if (norm.bias is not null) init.zeros_(norm.bias);
                    break;
            }
        }
        return module;
    }

    private static bool IsBias(string parameterName) => parameterName == "bias" || parameterName.EndsWith(".bias", StringComparison.Ordinal);
}
