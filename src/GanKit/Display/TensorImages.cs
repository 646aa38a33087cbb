using TorchSharp;
using static TorchSharp.torch;
using GanKit.Display.Images;

namespace GanKit.Visualization;

/// <summary>
/// Tensors as pictures: a batch of images (N, C, H, W) becomes one <see cref="ImageGrid"/> PNG with
/// torchvision's make_grid semantics (nrow images per row, padding, normalize, value_range, scale_each).
/// </summary>
public static class TensorImages
{
    /// <summary>
    /// Tiles <paramref name="images"/> — shape (N, C, H, W), or (C, H, W) / (H, W) for one image — into a grid.
    /// C is 1 or 3. The tensor may live on any device and have any float type; it is not modified.
    /// </summary>
    /// <example><c>TensorImages.Grid(fake, new GridOptions { Nrow = 4, Normalize = true, ValueRange = (-1, 1) })</c></example>
    public static ImageGrid Grid(Tensor images, GridOptions? options = null, string? caption = null)
    {
        var shape = images.shape;
        var (n, c, h, w) = shape.Length switch
        {
            4 => (shape[0], shape[1], shape[2], shape[3]),
            3 => (1L, shape[0], shape[1], shape[2]),
            2 => (1L, 1L, shape[0], shape[1]),
            _ => throw new ArgumentException($"an image batch has shape (N, C, H, W), (C, H, W) or (H, W); got [{string.Join(", ", shape)}]", nameof(images)),
        };
        float[] pixels;
        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            pixels = images.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        }
        return ImageGrid.FromPixels(pixels, checked((int)n), checked((int)c), checked((int)h), checked((int)w), options, caption);
    }
}
