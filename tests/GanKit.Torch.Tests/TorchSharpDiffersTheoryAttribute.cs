namespace GanKit.Torch.Tests;

/// <summary>The theory form of <see cref="TorchSharpDiffersFactAttribute"/>.</summary>
public sealed class TorchSharpDiffersTheoryAttribute : TheoryAttribute
{
    public TorchSharpDiffersTheoryAttribute(string difference) => Skip = TorchSharpDiffers.SkipReason(difference);
}
