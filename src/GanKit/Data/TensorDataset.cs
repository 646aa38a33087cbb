using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// An in-memory dataset: one or more tensors whose first dimension indexes the examples
/// (for example the samples and, optionally, a per-example weight). The dataset owns its tensors.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    private readonly Tensor[] _columns;

    public TensorDataset(params Tensor[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("a dataset needs at least one tensor", nameof(columns));
        var count = columns[0].shape.Length == 0
            ? throw new ArgumentException("dataset tensors need a first (example) dimension", nameof(columns))
            : columns[0].shape[0];
        foreach (var column in columns)
        {
            if (column.shape.Length == 0 || column.shape[0] != count)
                throw new ArgumentException(
                    $"every dataset tensor needs the same number of examples: expected {count}, got shape [{string.Join(", ", column.shape)}]",
                    nameof(columns));
        }
        // Kept beyond any dispose scope the caller is in: the dataset outlives training steps.
        _columns = columns.Select(c => c.DetachFromDisposeScope()).ToArray();
        Count = count;
    }

    /// <summary>Number of examples.</summary>
    public long Count { get; }

    /// <summary>The tensors, in the order given to the constructor.</summary>
    public IReadOnlyList<Tensor> Columns => _columns;

    /// <summary>The examples at <paramref name="indices"/> (a 1-D int64 tensor), one tensor per column.</summary>
    public Tensor[] Select(Tensor indices) => _columns.Select(c => c.index_select(0, indices)).ToArray();

    public void Dispose()
    {
        foreach (var column in _columns) column.Dispose();
    }
}
