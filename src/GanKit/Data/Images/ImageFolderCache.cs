using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanKit.IO;

namespace GanKit.Data.Images;

/// <summary>An image of a loaded folder: its file (relative path) and class label.</summary>
internal sealed record FolderImage(string File, int Label);

/// <summary>
/// What a cache file identifies: the folder, the transform, the classes and every file with its size and last write
/// time. Any difference (a file added, removed, rewritten or touched; another transform) means decoding again.
/// </summary>
internal sealed record ImageFolderFingerprint(string Folder, int ResizeSize, int CropSize, string? Background, bool Grayscale, IReadOnlyList<string> Classes, IReadOnlyList<FolderFile> Files)
{
    public bool Matches(ImageFolderFingerprint other) =>
        Folder == other.Folder && ResizeSize == other.ResizeSize && CropSize == other.CropSize && Background == other.Background && Grayscale == other.Grayscale
        && Classes.SequenceEqual(other.Classes) && Files.SequenceEqual(other.Files);
}

/// <summary>
/// A decoded folder: the images in dataset order, their pixels after resize and crop (uint8 (3, S, S) per image: one
/// array each, so a folder may hold more than the 2 GB one .NET array can, such as CelebA's 202,599 faces), the
/// skipped files.
/// </summary>
internal sealed record ImageFolderContent(IReadOnlyList<FolderImage> Images, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<byte[]> Pixels);

/// <summary>
/// One cache file per image folder and transform, written atomically: a magic string, the format version, a JSON header
/// (the fingerprint, the images with their labels and the skipped files with their reasons), the pixels as uint8
/// (N, 3, S, S) after resize and crop, and their SHA-256. Bytes rather than normalised floats: ToTensor and Normalize
/// are exact float32 maps of each byte, so nothing is lost, and the file is 4× smaller. A file that does not read back
/// whole and matching (other fingerprint, other format, truncated, wrong checksum) is never used: the folder is decoded
/// again and the file replaced.
/// </summary>
internal static class ImageFolderCache
{
    private const string Magic = "GanKit.ImageFolderCache";
    private const int FormatVersion = 1;

    /// <summary>The sub-folder of the data cache holding image-folder caches.</summary>
    public const string SubFolder = "image-folders";

    private sealed record Header(int Format, ImageFolderFingerprint Fingerprint, IReadOnlyList<FolderImage> Images, IReadOnlyList<SkippedFile> Skipped);

    /// <summary>
    /// <c>&lt;cache&gt;/image-folders/&lt;folder name&gt;-&lt;hash&gt;.bin</c>: the name for people, a hash of the full
    /// path and the transform so that folders of the same name, or one folder under two transforms, do not collide.
    /// </summary>
    public static string PathFor(string cacheRoot, ImageFolderFingerprint fingerprint)
    {
        var key = $"{fingerprint.Folder}\n{fingerprint.ResizeSize}\n{fingerprint.CropSize}" + (fingerprint.Background is { } background ? $"\n{background}" : "")
                  + (fingerprint.Grayscale ? "\ngrayscale" : "");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
        var name = string.Concat(Path.GetFileName(fingerprint.Folder.TrimEnd('/', '\\')).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(cacheRoot, SubFolder, $"{(name.Length == 0 ? "folder" : name)}-{hash}.bin");
    }

    /// <summary>The cached content when <paramref name="path"/> holds a whole cache file for <paramref name="fingerprint"/>; else null.</summary>
    public static ImageFolderContent? TryRead(string path, ImageFolderFingerprint fingerprint)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) return null;
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString());
            // A header with fields missing deserialises with nulls in them: damaged like any other.
            if (header is not { Fingerprint: { Classes: not null, Files: not null }, Images: not null, Skipped: not null }
                || header.Format != FormatVersion || !header.Fingerprint.Matches(fingerprint)) return null;
            var imageBytes = 3 * fingerprint.CropSize * fingerprint.CropSize;
            if (reader.ReadInt64() != (long)header.Images.Count * imageBytes) return null;
            var pixels = new byte[header.Images.Count][];
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = reader.ReadBytes(imageBytes);
                if (pixels[i].Length != imageBytes) return null;
                hash.AppendData(pixels[i]);
            }
            var checksum = reader.ReadBytes(SHA256.HashSizeInBytes);
            if (!checksum.AsSpan().SequenceEqual(hash.GetHashAndReset())) return null;
            if (reader.BaseStream.Position != reader.BaseStream.Length) return null;
            return new ImageFolderContent(header.Images, header.Skipped, pixels);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or NotSupportedException)
        {
            // EndOfStreamException is an IOException: a truncated file is a cache miss like any other damage.
            return null;
        }
    }

    public static void Write(string path, ImageFolderFingerprint fingerprint, ImageFolderContent content) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(new Header(FormatVersion, fingerprint, content.Images, content.Skipped)));
            writer.Write(content.Pixels.Sum(image => (long)image.Length));
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var image in content.Pixels)
            {
                writer.Write(image);
                hash.AppendData(image);
            }
            writer.Write(hash.GetHashAndReset());
        });
}
