namespace GanKit.Torch.Tests;

/// <summary>The theory form of <see cref="TorchSharpDiffersFactAttribute"/>.</summary>
public sealed class TorchSharpDiffersTheoryAttribute : TheoryAttribute
{
    public TorchSharpDiffersTheoryAttribute(string difference)
    {
#if TORCHSHARP_PACKAGE
        Skip = "the official TorchSharp package differs: " + difference;
#else
        _ = difference;
#endif
    }
}
