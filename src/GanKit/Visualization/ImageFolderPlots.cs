using GanKit.Data.Images;
using GanKit.Display.Charts;
using GanKit.Display.Images;
using static TorchSharp.torch;

namespace GanKit.Visualization;

/// <summary>What an image folder's transform does, as pictures (notebook 04).</summary>
public static class ImageFolderPlots
{
    /// <summary>
    /// Each file as a browser shows it (PNG and JPEG files as they are, transparency included; other formats as
    /// decoded) next to what the networks get after <paramref name="transform"/>, one file per row, all at one pixel
    /// scale so the sizes compare (larger files drawn smaller). When the transform lays images on a background, a
    /// middle column shows what torchvision's ImageFolder would give instead (Pillow's convert('RGB'): alpha dropped).
    /// </summary>
    /// <param name="folder">The image folder.</param>
    /// <param name="files">Paths relative to <paramref name="folder"/>, e.g. from <see cref="ImageFolderDataset.Files"/>.</param>
    public static PlotlyChart BeforeAfter(string folder, IReadOnlyList<string> files, ImageTransform transform)
    {
        var panels = new List<ChartPanel>();
        var largest = 1;
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            var decoded = ImageDecoder.Decode(path);
            largest = Math.Max(largest, Math.Max(decoded.Width, decoded.Height));
            var bytes = File.ReadAllBytes(path);
            var asStored = bytes is [0x89, (byte)'P', (byte)'N', (byte)'G', ..] or [0xFF, 0xD8, 0xFF, ..]
                ? bytes
                : TensorImages.Grid(ImageTransforms.ToTensor(decoded), new GridOptions { Scale = 1 }).ToPng();
            panels.Add(PlotlyCharts.ImagePanel($"{Path.GetFileName(file)}: {decoded.Width}×{decoded.Height}", asStored, decoded.Width, decoded.Height));
            using var scope = NewDisposeScope();
            if (transform.Background is { } background)
            {
                var dropped = TensorImages.Grid(ImageTransforms.ToTensor(decoded), new GridOptions { Scale = 1 });
                panels.Add(PlotlyCharts.ImagePanel("alpha dropped", dropped.ToPng(), dropped.Width, dropped.Height));
                decoded = ImageDecoder.Decode(path, background);
            }
            var after = TensorImages.Grid(transform.Apply(decoded), new GridOptions { Scale = 1, Normalize = true, ValueRange = (-1f, 1f) });
            var input = transform.Background is { } on ? $"on {(on == RgbColor.White ? "white" : on.ToString())}, {after.Width}×{after.Height}" : $"network input: {after.Width}×{after.Height}";
            panels.Add(PlotlyCharts.ImagePanel(input, after.ToPng(), after.Width, after.Height));
        }
        // Panels 176 screen pixels wide, room for a title like "1f385-1f3fb.png: 64×64"; larger photos drawn smaller.
        var pixelScale = 176.0 / largest;
        return ImageFigures.Gallery(transform.Background is null ? 2 : 3, "Each file and what the networks get", pixelScale, panels.ToArray());
    }
}
