using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>Matrix helpers the metrics share: a diagonal as a view, a trace, and products whose result is symmetric.</summary>
internal static class Matrices
{
    /// <summary>The diagonal of a square matrix as a strided view (no diagonal op needed from the binding).</summary>
    public static Tensor Diagonal(Tensor square) => square.flatten()[TensorIndex.Slice(0, null, square.shape[0] + 1)];

    public static double Trace(Tensor square)
    {
        using var scope = NewDisposeScope();
        return Diagonal(square).sum().item<double>();
    }

    /// <summary>
    /// Ranges splitting <paramref name="size"/> into at most 8 blocks of at least 256. A symmetric product needs only
    /// the blocks on and above its diagonal: with k blocks that is (k + 1) / 2k of the work (9/16 for 8), what BLAS's
    /// syrk saves (NumPy calls syrk for A·Aᵀ; libtorch has no syrk).
    /// </summary>
    public static (long Start, long Length)[] SymmetricBlocks(long size)
    {
        long count = Math.Clamp(size / 256, 1, 8);
        long step = (size + count - 1) / count;
        var blocks = new List<(long, long)>();
        for (long start = 0; start < size; start += step) blocks.Add((start, Math.Min(step, size - start)));
        return [.. blocks];
    }

    /// <summary>aᵀ·a [D, D] of <paramref name="a"/> [N, D].</summary>
    public static Tensor Gram(Tensor a) => SymmetricProduct(a, a, leftIsLowerTriangular: false);

    /// <summary>
    /// leftᵀ·right [D, D] for factors whose product is known to be symmetric (aᵀa, or Lᵀ·(Σ L) with Σ symmetric):
    /// the blocks on and above the diagonal are computed and mirrored below it. When <paramref name="left"/> is lower
    /// triangular (a Cholesky factor), the rows of its column block i above the block are zero and are skipped.
    /// </summary>
    public static Tensor SymmetricProduct(Tensor left, Tensor right, bool leftIsLowerTriangular)
    {
        long d = right.shape[1];
        var blocks = SymmetricBlocks(d);
        var result = empty(d, d, right.dtype, right.device);
        for (int i = 0; i < blocks.Length; i++) {
            long first = leftIsLowerTriangular ? blocks[i].Start : 0, rowCount = left.shape[0] - first;
            var rows = left.narrow(0, first, rowCount).narrow(1, blocks[i].Start, blocks[i].Length).t();
            for (int j = i; j < blocks.Length; j++) {
                using var scope = NewDisposeScope();
                var block = rows.mm(right.narrow(0, first, rowCount).narrow(1, blocks[j].Start, blocks[j].Length));
                result.narrow(0, blocks[i].Start, blocks[i].Length).narrow(1, blocks[j].Start, blocks[j].Length).copy_(block);
                if (j != i) result.narrow(0, blocks[j].Start, blocks[j].Length).narrow(1, blocks[i].Start, blocks[i].Length).copy_(block.t());
            }
        }
        return result;
    }

    /// <summary>a·lower for a lower triangular square <paramref name="lower"/>: column block j needs only its rows from the block down.</summary>
    public static Tensor TimesLowerTriangular(Tensor a, Tensor lower)
    {
        long d = lower.shape[0];
        var result = empty(a.shape[0], d, a.dtype, a.device);
        foreach (var (start, length) in SymmetricBlocks(d)) {
            using var scope = NewDisposeScope();
            result.narrow(1, start, length).copy_(a.narrow(1, start, d - start).mm(lower.narrow(0, start, d - start).narrow(1, start, length)));
        }
        return result;
    }
}
