namespace GanKit.Display.Images;

/// <summary>
/// How a batch of images is laid out, following torchvision's make_grid: <see cref="Nrow"/> images per row,
/// <see cref="Padding"/> pixels of <see cref="PadValue"/> between them, optional min-max normalisation.
/// Values are in [0, 1] after normalisation and map to bytes as torchvision's save_image does.
/// </summary>
public sealed record GridOptions
{
    /// <summary>Images per row (torchvision's nrow).</summary>
    public int Nrow { get; init; } = 8;

    public int Padding { get; init; } = 2;

    /// <summary>The value padding pixels take, on the same scale as the output (0 = black, 1 = white).</summary>
    public float PadValue { get; init; }

    /// <summary>Shift and scale pixels to [0, 1] using <see cref="ValueRange"/>, or the data's min and max.</summary>
    public bool Normalize { get; init; }

    /// <summary>The (min, max) that maps to (0, 1) when normalising; values outside are clamped.</summary>
    public (float Min, float Max)? ValueRange { get; init; }

    /// <summary>Normalise every image by its own min and max instead of the batch's.</summary>
    public bool ScaleEach { get; init; }

    /// <summary>Integer nearest-neighbour upscale factor; 0 picks one so each image is at least <see cref="MinCellSize"/> pixels.</summary>
    public int Scale { get; init; }

    /// <summary>The smallest image side, in output pixels, automatic scaling aims for.</summary>
    public int MinCellSize { get; init; } = 64;

    /// <summary>
    /// Indices of images to frame in <see cref="OutlineColor"/>, e.g. the generated ones in a grid that mixes
    /// real and generated digits. The frame takes half the padding around the image (at least one pixel), so it needs
    /// Padding ≥ 1; the grid becomes RGB.
    /// </summary>
    public IReadOnlyCollection<int>? Outlined { get; init; }

    public (byte R, byte G, byte B) OutlineColor { get; init; } = (230, 25, 25);

    public static GridOptions Default { get; } = new();
}
