namespace TorchSharp.Utils.tensorboard;

/// <summary>
/// A <see cref="HistogramMessage"/> of a tensor's values over TensorFlow's default buckets, as
/// TorchSharp's <c>add_histogram</c> with <c>HistogramBinSelector.Tensorflow</c> (and PyTorch's
/// make_histogram) build it: counts per bucket (a bucket holds [left edge, right edge), the last also
/// its right edge), optionally merged down to at most max_bins, then the empty buckets at both ends
/// dropped but one empty bucket kept before the first filled one; each count is paired with its
/// bucket's right edge.
/// </summary>
internal static class HistogramSummary
{
    /// <summary>
    /// TensorFlow's default edges: ±1e-12·1.1^k up to 1e20, and 0 (1,549 edges). Built by the same
    /// repeated multiplication as TorchSharp and PyTorch, so the edges are the same doubles.
    /// </summary>
    internal static readonly double[] DefaultEdges = MakeDefaultEdges();

    public static HistogramMessage FromTensor(torch.Tensor values, long? max_bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.numel() == 0) throw new ArgumentException("add_histogram: the tensor 'values' has no element.", nameof(values));
        if (max_bins is <= 0) throw new ArgumentOutOfRangeException(nameof(max_bins), max_bins, "add_histogram: max_bins must be positive.");
        using var scope = torch.NewDisposeScope();
        var flat = values.detach().cpu().to_type(torch.ScalarType.Float64).reshape(-1);
        var data = flat.ToArrayOf<double>();
        if (!data.All(double.IsFinite))
            throw new ArgumentException("add_histogram: 'values' holds NaN or infinite numbers, which a histogram cannot bucket.", nameof(values));

        var (counts, limits) = Subsample(Count(data, DefaultEdges), DefaultEdges, max_bins);
        var (bucket, bucketLimit) = TrimEmptyEnds(counts, limits);
        // Min, max, sum and the sum of squares come from libtorch, as TorchSharp's do, so the sums match to the last bit.
        return new HistogramMessage(
            min: flat.min().item<double>(), max: flat.max().item<double>(), num: data.Length,
            sum: flat.sum().item<double>(), sumSquares: flat.dot(flat).item<double>(),
            bucketLimit: bucketLimit, bucket: bucket);
    }

    private static double[] MakeDefaultEdges()
    {
        var positive = new List<double>();
        for (var v = 1e-12; v < 1e20; v *= 1.1) positive.Add(v);
        return [.. positive.Select(v => -v).Reverse(), 0.0, .. positive];
    }

    /// <summary>torch.histogram over explicit edges: values outside [first, last] are not counted.</summary>
    private static double[] Count(double[] data, double[] edges)
    {
        var counts = new double[edges.Length - 1];
        foreach (var v in data) {
            if (v < edges[0] || v > edges[^1]) continue;
            var found = Array.BinarySearch(edges, v);
            var bin = found >= 0 ? found : ~found - 1;
            counts[Math.Min(bin, counts.Length - 1)]++;
        }
        return counts;
    }

    /// <summary>Merges runs of buckets so there are at most max_bins (the counts padded with zeros to whole runs).</summary>
    private static (double[] Counts, double[] Limits) Subsample(double[] counts, double[] limits, long? max_bins)
    {
        if (max_bins is not { } maxBins || counts.Length <= maxBins) return (counts, limits);
        var run = (int)(counts.Length / maxBins);
        var merged = new double[(counts.Length + run - 1) / run];
        for (var i = 0; i < counts.Length; i++) merged[i / run] += counts[i];
        var newLimits = new double[merged.Length + 1];
        for (var i = 0; i < merged.Length; i++) newLimits[i] = limits[i * run];
        newLimits[^1] = limits[^1];
        return (merged, newLimits);
    }

    /// <summary>
    /// Keeps the buckets from the one before the first non-empty bucket (a zero when there is none
    /// before it) to the last non-empty one, each paired with its right edge.
    /// </summary>
    private static (double[] Counts, double[] RightEdges) TrimEmptyEnds(double[] counts, double[] limits)
    {
        var first = Array.FindIndex(counts, c => c > 0);
        var last = Array.FindLastIndex(counts, c => c > 0);
        if (first < 0) throw new ArgumentException("add_histogram: no value falls inside TensorFlow's buckets (|v| ≤ 1e20).", "values");
        // Bucket i is [limits[i], limits[i + 1]): its right edge is limits[i + 1].
        var trimmedCounts = first > 0 ? counts[(first - 1)..(last + 1)] : [0.0, .. counts[..(last + 1)]];
        return (trimmedCounts, limits[first..(last + 2)]);
    }
}
