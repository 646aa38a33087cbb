namespace GanKit.Torch.Tests;

/// <summary>
/// A fact whose expectation is PyTorch's (or a guarantee of our binding) where the official TorchSharp package is known to behave otherwise: it runs on
/// our binding and is skipped, with the difference as the reason, when the suite runs on TorchSharp (TORCHSHARP_PACKAGE).
/// </summary>
public sealed class TorchSharpDiffersFactAttribute : FactAttribute
{
    public TorchSharpDiffersFactAttribute(string difference) => Skip = TorchSharpDiffers.SkipReason(difference);
}
