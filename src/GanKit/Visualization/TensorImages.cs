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

    /// <summary>
    /// The grid's pixels as a (C, H, W) uint8 tensor, e.g. to log exactly the picture a notebook shows with
    /// <c>SummaryWriter.add_img</c> (which lays a batch out its own way).
    /// </summary>
    public static Tensor ToTensor(ImageGrid grid) =>
        tensor(grid.Pixels.ToArray(), [grid.Height, grid.Width, grid.Channels]).permute(2, 0, 1).contiguous();

    /// <summary>
    /// Real and generated images shuffled into one grid, as Bulten's closing figure: the <paramref name="quiz"/>
    /// (can you tell them apart?) and the <paramref name="answer"/>, the same grid with the generated ones framed
    /// in red. The order comes from torch's generator, so the seed fixes it.
    /// </summary>
    public static (ImageGrid Quiz, ImageGrid Answer) Mixed(Tensor real, Tensor generated, int nrow = 10)
    {
        if (real.dim() != 4 || generated.dim() != 4 || !real.shape.Skip(1).SequenceEqual(generated.shape.Skip(1)))
            throw new ArgumentException($"real and generated images need the same (C, H, W); got [{string.Join(", ", real.shape)}] and [{string.Join(", ", generated.shape)}]");
        using var scope = NewDisposeScope();
        var count = real.shape[0] + generated.shape[0];
        var order = randperm(count).data<long>().ToArray();
        var all = cat([real.detach().cpu().to_type(ScalarType.Float32), generated.detach().cpu().to_type(ScalarType.Float32)]);
        var shuffled = all.index_select(0, tensor(order));
        // Position i shows image order[i]; the generated ones are those past the real ones.
        var fakes = Enumerable.Range(0, order.Length).Where(i => order[i] >= real.shape[0]).ToArray();
        var options = new GridOptions { Nrow = nrow };
        return (Grid(shuffled, options, "real and generated, mixed"), Grid(shuffled, options with { Outlined = fakes }, "generated ones framed in red"));
    }
}
