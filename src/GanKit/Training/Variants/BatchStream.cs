using GanKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Variants;

/// <summary>
/// An endless supply of shuffled (images, labels) batches for the variants of notebook 06, whose generator steps take
/// a varying number of real batches (a WGAN critic trains on five, or on a hundred early on). Epochs follow one another
/// without a seam; each is reshuffled with torch's generator (so a seed fixes the order) and drops its last partial
/// batch, so every batch has <see cref="BatchSize"/> examples.
/// </summary>
public sealed class BatchStream
{
    private readonly TensorLoader _loader;
    private IEnumerator<Tensor[]>? _epoch;

    /// <param name="data">Images (N, C, H, W) float in [0, 1] and int64 labels (N).</param>
    /// <param name="batchSize">Examples per batch, at most the number of examples.</param>
    /// <param name="device">Where batches go (null: the CPU).</param>
    public BatchStream(LabelledImages data, int batchSize, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (batchSize < 1 || batchSize > data.Count)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"the batch size must lie in 1 … {data.Count}, the number of examples");
        _loader = new TensorLoader(data.Dataset, batchSize, shuffle: true, dropLast: true, device: device);
    }

    public int BatchSize => _loader.BatchSize;

    /// <summary>Batches handed out so far.</summary>
    public long BatchCount { get; private set; }

    /// <summary>Complete passes over the data so far.</summary>
    public long EpochCount => BatchCount / _loader.BatchCount;

    /// <summary>The next batch: images (B, C, H, W) and labels (B), valid until the next call (the stream disposes them then).</summary>
    public (Tensor Images, Tensor Labels) Next()
    {
        if (_epoch is null || !_epoch.MoveNext())
        {
            _epoch?.Dispose();
            _epoch = _loader.GetEnumerator();
            _epoch.MoveNext();
        }
        BatchCount++;
        var batch = _epoch.Current;
        return (batch[0], batch[1]);
    }
}
