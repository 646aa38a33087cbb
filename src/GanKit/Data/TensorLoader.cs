using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// Mini-batches over a <see cref="TensorDataset"/>, like d2l's <c>load_array</c>. Each pass draws
/// its order with <c>torch.randperm</c>, so shuffles follow <c>torch.manual_seed</c>.
/// </summary>
/// <remarks>
/// A batch belongs to the loader and is disposed when the next one is requested (or the pass ends):
/// open a dispose scope inside the loop for per-step tensors, and <c>clone()</c> a batch to keep it.
/// </remarks>
public sealed class TensorLoader : IEnumerable<Tensor[]>
{
    public TensorLoader(TensorDataset dataset, int batchSize, bool shuffle = true, bool dropLast = false, Device? device = null)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the batch size must be at least 1");
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Device = device;
    }

    public TensorDataset Dataset { get; }
    public int BatchSize { get; }
    public bool Shuffle { get; }
    public bool DropLast { get; }

    /// <summary>Where batches are moved; null leaves them where the dataset is.</summary>
    public Device? Device { get; }

    /// <summary>Batches per pass: a short last batch counts unless <see cref="DropLast"/>.</summary>
    public long BatchCount => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>Examples per pass (fewer than the dataset when the last batch is dropped).</summary>
    public long ExampleCount => DropLast ? BatchCount * BatchSize : Dataset.Count;

    public IEnumerator<Tensor[]> GetEnumerator()
    {
        // The order and every batch live outside the caller's scopes; this method disposes them.
        using var order = (Shuffle ? randperm(Dataset.Count) : arange(Dataset.Count)).DetachFromDisposeScope();
        for (long batch = 0; batch < BatchCount; batch++)
        {
            var start = batch * BatchSize;
            var length = Math.Min(BatchSize, Dataset.Count - start);
            var columns = TakeBatch(order, start, length);
            try
            {
                yield return columns;
            }
            finally
            {
                foreach (var column in columns) column.Dispose();
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Tensor[] TakeBatch(Tensor order, long start, long length)
    {
        using var scope = NewDisposeScope();
        var columns = Dataset.Select(order.narrow(0, start, length));
        if (Device is not null) columns = columns.Select(c => c.to(Device)).ToArray();
        foreach (var column in columns) column.DetachFromDisposeScope();
        return columns;
    }
}
