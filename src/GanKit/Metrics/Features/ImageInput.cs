using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// What the extractors share: the check that images are what GanKit's datasets and generators give (float
/// [N, C, H, W] in [0, 1]), and the batch loop that runs a network over them and gathers float64 rows on the CPU.
/// </summary>
internal static class ImageInput
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="extractor"/> and what is wrong with <paramref name="images"/>.</summary>
    /// <param name="channels">The channel counts accepted.</param>
    /// <param name="size">The height and width required; null: any.</param>
    public static void Check(Tensor images, string extractor, IReadOnlyList<long> channels, long? size)
    {
        var shape = $"[{string.Join(", ", images.shape)}]";
        var expected = $"float [N, {string.Join(" or ", channels)}, {size?.ToString() ?? "H"}, {size?.ToString() ?? "W"}]";
        if (!is_floating_point(images.dtype) || images.dim() != 4)
            throw new ArgumentException($"{extractor} takes images as {expected} in [0, 1]; got {images.dtype} {shape}", nameof(images));
        if (!channels.Contains(images.shape[1]))
            throw new ArgumentException($"{extractor} takes images with {string.Join(" or ", channels)} channel(s); got {images.shape[1]} ({shape})", nameof(images));
        if (size is { } side && (images.shape[2] != side || images.shape[3] != side))
            throw new ArgumentException($"{extractor} takes {side}×{side} images; got {images.shape[2]}×{images.shape[3]} ({shape})", nameof(images));
        if (images.shape[0] == 0) throw new ArgumentException($"{extractor} got no images ({shape})", nameof(images));
        using var scope = NewDisposeScope();
        var low = images.min().to(ScalarType.Float64).item<double>();
        var high = images.max().to(ScalarType.Float64).item<double>();
        if (double.IsNaN(low) || double.IsNaN(high))
            throw new ArgumentException($"{extractor}: the images hold NaN values", nameof(images));
        if (low < 0 || high > 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{extractor} takes images in [0, 1]; these range over [{low:G4}, {high:G4}]. A tanh generator's output x in [−1, 1] becomes (x + 1) / 2."),
                nameof(images));
    }

    /// <summary>
    /// Runs <paramref name="network"/> on <paramref name="batchSize"/> images at a time, without autograd, and gathers
    /// each of its outputs (all [B, …] per batch) as one float64 tensor on the CPU, in the network's output order.
    /// </summary>
    public static Tensor[] Batched(Tensor images, int batchSize, Func<Tensor, Tensor[]> network)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var outputs = new List<List<Tensor>>();
        var count = images.shape[0];
        for (long start = 0; start < count; start += batchSize)
        {
            var results = network(images.narrow(0, start, Math.Min(batchSize, count - start)));
            for (var k = 0; k < results.Length; k++)
            {
                if (outputs.Count <= k) outputs.Add([]);
                outputs[k].Add(results[k].to(ScalarType.Float64, CPU));
            }
        }
        return outputs.Select(parts => cat(parts, 0).MoveToOuterDisposeScope()).ToArray();
    }
}
