using GanKit.Data;
using GanKit.Metrics.Features;
using GanKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Classification;

/// <summary>Draws labelled images from a class-conditional generator, for GAN-test and GAN-train.</summary>
internal static class ConditionalSamples
{
    /// <summary>
    /// <paramref name="perClass"/> images of each class 0 … <paramref name="classCount"/> − 1, asked of
    /// <paramref name="generator"/> (int64 labels [B] on the CPU → images float [B, 1, 28, 28] in [0, 1], on any device)
    /// at most <paramref name="batchSize"/> at a time, without autograd; class 0's images first. The generator's own
    /// noise follows torch's random generator, which the caller seeds.
    /// </summary>
    public static LabelledImages Draw(Func<Tensor, Tensor> generator, int classCount, long perClass, int batchSize)
    {
        if (perClass < 1) throw new ArgumentOutOfRangeException(nameof(perClass), perClass, "draw at least one image per class");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = new List<Tensor>();
        var labels = new List<Tensor>();
        for (var label = 0; label < classCount; label++)
        {
            for (long start = 0; start < perClass; start += batchSize)
            {
                var asked = full(Math.Min(batchSize, perClass - start), label, ScalarType.Int64);
                var drawn = generator(asked);
                if (drawn.dim() < 1 || drawn.shape[0] != asked.shape[0])
                    throw new ArgumentException(
                        $"the generator returned [{string.Join(", ", drawn.shape)}] for {asked.shape[0]} labels: it must return one image per label", nameof(generator));
                ImageInput.Check(drawn, "the generator's images (GAN-test, GAN-train)", [1], MnistClassifier.ImageSize);
                images.Add(drawn.to(ScalarType.Float32, CPU));
                labels.Add(asked);
            }
        }
        return new LabelledImages(cat(images, 0).DetachFromDisposeScope(), cat(labels, 0).DetachFromDisposeScope());
    }
}
