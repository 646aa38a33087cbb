namespace GanKit.Torch.Tests;

/// <summary>The one rule of <see cref="TorchSharpDiffersFactAttribute"/> and <see cref="TorchSharpDiffersTheoryAttribute"/>.</summary>
internal static class TorchSharpDiffers
{
    /// <summary>The skip reason on the official package (TORCHSHARP_PACKAGE); null on our binding, where the test runs.</summary>
    public static string? SkipReason(string difference) =>
#if TORCHSHARP_PACKAGE
        "the official TorchSharp package differs: " + difference;
#else
        null;
#endif
}
