using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Images with a class label each: <see cref="Images"/> float32 (N, channels, height, width) in [0, 1] and
/// <see cref="Labels"/> int64 (N), held as one <see cref="TensorDataset"/> (columns images, labels) to hand to a
/// <see cref="TensorLoader"/>. Owns its tensors.
/// </summary>
public sealed class LabelledImages : IDisposable
{
    public LabelledImages(Tensor images, Tensor labels)
    {
        if (images.dtype != ScalarType.Float32 || images.shape.Length != 4)
            throw new ArgumentException(
                $"images must be float32 (N, channels, height, width), got {images.dtype} [{string.Join(", ", images.shape)}]", nameof(images));
        if (labels.dtype != ScalarType.Int64 || labels.shape.Length != 1)
            throw new ArgumentException($"labels must be int64 (N), got {labels.dtype} [{string.Join(", ", labels.shape)}]", nameof(labels));
        if (labels.shape[0] != images.shape[0])
            throw new ArgumentException($"{images.shape[0]} images but {labels.shape[0]} labels", nameof(labels));
        Dataset = new TensorDataset(images, labels);
    }

    /// <summary>Columns <see cref="Images"/>, <see cref="Labels"/>.</summary>
    public TensorDataset Dataset { get; }

    public Tensor Images => Dataset.Columns[0];

    public Tensor Labels => Dataset.Columns[1];

    public long Count => Dataset.Count;

    /// <summary>How many images have each label 0 … <paramref name="classCount"/> − 1.</summary>
    public long[] CountPerClass(int classCount)
    {
        var counts = new long[classCount];
        foreach (var label in Labels.data<long>())
        {
            if (label < 0 || label >= classCount)
                throw new InvalidOperationException($"label {label} is outside 0..{classCount - 1}");
            counts[label]++;
        }
        return counts;
    }

    public void Dispose() => Dataset.Dispose();
}
