using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanKit.Tests.Data.Images;

/// <summary>One good fixture file and torchvision's result for it (see make_image_goldens.py).</summary>
public sealed record GoldenImage(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("label")] int Label,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("resized_width")] int ResizedWidth,
    [property: JsonPropertyName("resized_height")] int ResizedHeight,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("float_sha256")] string FloatSha256,
    [property: JsonPropertyName("float_sum")] double FloatSum,
    [property: JsonPropertyName("on_white_offset")] int OnWhiteOffset);

/// <summary>The fixtures folder (copied to the test output) and goldens.json / goldens.bin beside it.</summary>
public sealed class ImageGoldens
{
    private sealed record Index(
        [property: JsonPropertyName("size")] int Size,
        [property: JsonPropertyName("classes")] string[] Classes,
        [property: JsonPropertyName("images")] GoldenImage[] Images,
        [property: JsonPropertyName("skipped")] string[] Skipped);

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "Images");

    /// <summary>The ImageFolder layout: classes 'lossless' and 'lossy', bad files in 'lossy/broken'.</summary>
    public static string Fixtures { get; } = Path.Combine(Folder, "fixtures");

    public static ImageGoldens Instance { get; } = new();

    private readonly byte[] _pixels;

    private ImageGoldens()
    {
        var index = JsonSerializer.Deserialize<Index>(File.ReadAllText(Path.Combine(Folder, "goldens.json")))!;
        Size = index.Size;
        Classes = index.Classes;
        Images = index.Images;
        Skipped = index.Skipped;
        _pixels = File.ReadAllBytes(Path.Combine(Folder, "goldens.bin"));
    }

    public int Size { get; }

    public IReadOnlyList<string> Classes { get; }

    /// <summary>The good files, in torchvision's ImageFolder order.</summary>
    public IReadOnlyList<GoldenImage> Images { get; }

    /// <summary>The files that are not images (or not readable ones), sorted.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>torchvision's Resize + CenterCrop of a file as uint8 (3, size, size), channels first.</summary>
    public byte[] Pixels(GoldenImage image) => _pixels.AsSpan(image.Offset, 3 * Size * Size).ToArray();

    /// <summary>The same of the file composited onto white first (Pillow's alpha_composite).</summary>
    public byte[] PixelsOnWhite(GoldenImage image) => _pixels.AsSpan(image.OnWhiteOffset, 3 * Size * Size).ToArray();

    public static string FixturePath(GoldenImage image) => Path.Combine(Fixtures, image.File);

    /// <summary>A copy of the fixtures in a new folder under <paramref name="parent"/> (tests change files; the output copy stays as built).</summary>
    public static string CopyFixtures(string parent, string name = "pictures")
    {
        var target = Path.Combine(parent, name);
        foreach (var file in Directory.EnumerateFiles(Fixtures, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Fixtures, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
