using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanKit.Data;
using GanKit.IO;
using GanKit.Models;
using GanKit.Reproducibility;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// What a cached classifier was made from: the network, the dataset (its name, classes and a SHA-256 of its
/// tensors), the seed and the recipe. A cache file made from anything else is stale.
/// </summary>
internal sealed record ClassifierKey(string Architecture, string Dataset, IReadOnlyList<string> ClassNames, string DataSha256, int Seed, int Epochs, int BatchSize, double LearningRate)
{
    /// <summary>Names the network's layout; change it when <see cref="MnistClassifier"/>'s layers change.</summary>
    public const string CurrentArchitecture = "MnistClassifier/1: conv 5x5/2 32, conv 5x5/2 64, dropout 0.25, fc 128, dropout 0.5, fc classes";

    public static ClassifierKey For(ImageDataset data, int seed, ClassifierRecipe recipe) =>
        new(CurrentArchitecture, data.Name, data.ClassNames.ToList(), HashData(data), seed, recipe.Epochs, recipe.BatchSize, recipe.LearningRate);

    public bool Matches(ClassifierKey other) =>
        Architecture == other.Architecture && Dataset == other.Dataset && ClassNames.SequenceEqual(other.ClassNames) && DataSha256 == other.DataSha256
        && Seed == other.Seed && Epochs == other.Epochs && BatchSize == other.BatchSize && LearningRate.Equals(other.LearningRate);

    /// <summary>SHA-256 over the shapes and bytes of the training and test images and labels, a chunk of images at a time.</summary>
    internal static string HashData(ImageDataset data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var split in new[] { data.Train, data.Test })
        {
            foreach (var column in new[] { split.Images, split.Labels })
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{column.dtype} [{string.Join(", ", column.shape)}]\n"));
                const long chunk = 1000;
                for (long start = 0; start < column.shape[0]; start += chunk)
                {
                    using var scope = NewDisposeScope();
                    var part = column.narrow(0, start, Math.Min(chunk, column.shape[0] - start)).contiguous();
                    if (part.dtype == ScalarType.Float32) hash.AppendData(MemoryMarshal.AsBytes(part.data<float>().ToArray().AsSpan()));
                    else hash.AppendData(MemoryMarshal.AsBytes(part.data<long>().ToArray().AsSpan()));
                }
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}

/// <summary>
/// One file per trained classifier under <c>&lt;cache&gt;/classifiers/</c>, written atomically: a magic string, the
/// format version, a JSON header (the <see cref="ClassifierKey"/>, the test accuracy and the training time), the
/// network's weights (TorchSharp's format) and their SHA-256. A file that does not read back whole and matching
/// (other key, other format, truncated, wrong checksum, weights of another shape) is never used.
/// </summary>
internal static class ClassifierCache
{
    private const string Magic = "GanKit.ClassifierCache";
    private const int FormatVersion = 1;

    /// <summary>The sub-folder of the data cache holding trained classifiers.</summary>
    public const string SubFolder = "classifiers";

    internal sealed record Header(int Format, ClassifierKey Key, double TestAccuracy, double TrainingSeconds);

    /// <summary><c>&lt;cache&gt;/classifiers/mnist-classifier-&lt;dataset&gt;-seed&lt;seed&gt;.bin</c>.</summary>
    public static string PathFor(string cacheRoot, string dataset, int seed)
    {
        var name = string.Concat(dataset.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(cacheRoot, SubFolder, $"mnist-classifier-{(name.Length == 0 ? "dataset" : name)}-seed{seed}.bin");
    }

    /// <summary>The cached classifier (in eval mode) and its header when <paramref name="path"/> holds a whole file for <paramref name="key"/>; else null.</summary>
    public static (MnistClassifier Classifier, Header Header)? TryRead(string path, ClassifierKey key)
    {
        if (!File.Exists(path)) return null;
        MnistClassifier? classifier = null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) return null;
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString());
            // A header with fields missing deserialises with nulls in them: damaged like any other.
            if (header is not { Key: { Architecture: not null, Dataset: not null, ClassNames: not null, DataSha256: not null } }
                || header.Format != FormatVersion || !header.Key.Matches(key)) return null;
            var length = reader.ReadInt64();
            if (length <= 0 || length > reader.BaseStream.Length - reader.BaseStream.Position) return null;
            var weights = reader.ReadBytes((int)length);
            var checksum = reader.ReadBytes(SHA256.HashSizeInBytes);
            if (weights.Length != length || !checksum.AsSpan().SequenceEqual(SHA256.HashData(weights))) return null;
            if (reader.BaseStream.Position != reader.BaseStream.Length) return null;
            // Building the network draws its initial weights: keep the generator as if nothing was drawn.
            classifier = Seeding.KeepingTorchGenerator(() => new MnistClassifier(key.ClassNames.Count));
            using (var weightStream = new MemoryStream(weights))
            using (var weightReader = new BinaryReader(weightStream))
                classifier.load(weightReader);
            classifier.eval();
            return (classifier, header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException
                                      or NotSupportedException or InvalidDataException or ArgumentException)
        {
            // EndOfStreamException is an IOException; TorchSharp's load refuses weights of another shape with an ArgumentException.
            classifier?.Dispose();
            return null;
        }
    }

    public static void Write(string path, ClassifierKey key, MnistClassifier classifier, double testAccuracy, double trainingSeconds)
    {
        byte[] weights;
        using (var weightStream = new MemoryStream())
        {
            using (var weightWriter = new BinaryWriter(weightStream, Encoding.UTF8, leaveOpen: true))
                classifier.save(weightWriter);
            weights = weightStream.ToArray();
        }
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(new Header(FormatVersion, key, testAccuracy, trainingSeconds)));
            writer.Write((long)weights.Length);
            writer.Write(weights);
            writer.Write(SHA256.HashData(weights));
        });
    }
}
