namespace GanKit.Torch.Tests;

/// <summary>The theory form of <see cref="TorchSharpDiffersFactAttribute"/>.</summary>
public sealed class TorchSharpDiffersTheoryAttribute : TheoryAttribute
{
    public TorchSharpDiffersTheoryAttribute(string difference)
    {
#if TORCHSHARP_PACKAGE
        Skip = "TorchSharp differs from PyTorch: " + difference;
#else
        _ = difference;
#endif
    }
}
