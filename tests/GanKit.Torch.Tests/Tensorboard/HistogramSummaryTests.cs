using TorchSharp.Utils.tensorboard.Enums;

namespace GanKit.Torch.Tests.Tensorboard;

/// <summary>
/// add_histogram over TensorFlow's default buckets, checked against a reference written here the way
/// PyTorch's make_histogram states it (counts by linear scan over the edges, subsampling, then the
/// cumulative-sum search that trims empty buckets).
/// </summary>
public sealed class HistogramSummaryTests : IDisposable
{
    private readonly TensorboardRun _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>TensorFlow's default bucket edges: −1e20…−1e-12, 0, 1e-12…1e20 growing by 1.1.</summary>
    private static double[] DefaultEdges()
    {
        var positive = new List<double>();
        for (var v = 1e-12; v < 1e20; v *= 1.1) positive.Add(v);
        var negative = positive.Select(v => -v).Reverse();
        return negative.Append(0).Concat(positive).ToArray();
    }

    private static (double[] Limits, double[] Counts) Reference(double[] values, long? maxBins)
    {
        var limits = DefaultEdges();
        var counts = new double[limits.Length - 1];
        foreach (var v in values)
            for (var i = 0; i < counts.Length; i++)
                if (limits[i] <= v && (v < limits[i + 1] || (i == counts.Length - 1 && v == limits[i + 1]))) { counts[i]++; break; }
        if (maxBins is { } max && counts.Length > max) {
            var subsampling = (int)(counts.Length / max);
            var padded = counts.Concat(new double[counts.Length % subsampling == 0 ? 0 : subsampling - counts.Length % subsampling]).ToArray();
            counts = padded.Chunk(subsampling).Select(run => run.Sum()).ToArray();
            limits = limits[..^1].Where((_, i) => i % subsampling == 0).Append(limits[^1]).ToArray();
        }
        var cumulative = new int[counts.Length];
        for (int i = 0, sum = 0; i < counts.Length; i++) cumulative[i] = sum += counts[i] > 0 ? 1 : 0;
        int SearchRight(int value) => Enumerable.Range(0, cumulative.Length).First(i => cumulative[i] > value);
        var start = SearchRight(0);
        var end = SearchRight(cumulative[^1] - 1) + 1;
        var trimmed = start > 0 ? counts[(start - 1)..end] : [0, .. counts[..end]];
        return (limits[start..(end + 1)], trimmed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30L)]
    [InlineData(7L)]
    public void BucketsAndStatisticsMatchTheReference(long? maxBins)
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 200).Select(i => i switch { 0 => 0.0, 1 => 1e-12, 2 => -3.5, _ => random.NextDouble() * 4 - 1 }).ToArray();
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        writer.add_histogram("weights", torch.tensor(values, [10, 20], torch.float32), 9, walltime: 77, max_bins: maxBins);

        var e = Assert.Single(TensorboardRun.SummaryEvents(_run.Folder));
        Assert.Equal((77.0, 9L), (e.WallTime, e.Step));
        var v = TensorboardRun.SingleValue(e);
        Assert.Equal("weights", v.Tag);
        var h = v.Histogram!;
        var asFloat = values.Select(x => (double)(float)x).ToArray(); // the tensor is float32
        var (limits, counts) = Reference(asFloat, maxBins);
        Assert.Equal(limits, h.BucketLimit);
        Assert.Equal(counts, h.Bucket);
        Assert.Equal(200, h.Bucket.Sum());
        Assert.Equal(asFloat.Min(), h.Min);
        Assert.Equal(asFloat.Max(), h.Max);
        Assert.Equal(200, h.Num);
        Assert.Equal(asFloat.Sum(), h.Sum, 1e-9);
        Assert.Equal(asFloat.Sum(x => x * x), h.SumSquares, 1e-9);
        if (maxBins is { } max) Assert.True(h.Bucket.Length <= max + 1);
    }

    [Fact]
    public void ValuesInTheFirstBucketGetAnEmptyBucketBeforeThem()
    {
        var edges = DefaultEdges();
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        writer.add_histogram("h", torch.tensor(new[] { edges[0], edges[0] }), 0, walltime: 1);
        var h = TensorboardRun.SingleValue(Assert.Single(TensorboardRun.SummaryEvents(_run.Folder))).Histogram!;
        Assert.Equal([edges[0], edges[1]], h.BucketLimit);
        Assert.Equal([0.0, 2.0], h.Bucket);
    }

#if !TORCHSHARP_PACKAGE
    // The binding implements a subset of the bin selectors, and says so (TorchSharp's Doane fails in its own code).
    [Fact]
    public void BinSelectorsTheBindingLacksAreRefused()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        Assert.Throws<NotSupportedException>(() => writer.add_histogram("h", torch.ones(3), 0, bins: TorchSharp.Utils.tensorboard.Enums.HistogramBinSelector.Doane));
        Assert.Empty(TensorboardRun.SummaryEvents(_run.Folder));
    }
#endif

    [TorchSharpDiffersFact("add_histogram takes NaN values and writes a histogram of them; our binding refuses them at once, "
        + "naming the parameter, so a diverging run's histogram is an error, not a silent NaN")]
    public void NaNValuesAreRefused()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => writer.add_histogram("h", torch.tensor(new[] { 1f, float.NaN }), 0)).ParamName);
        Assert.Empty(TensorboardRun.SummaryEvents(_run.Folder));
    }

    [Fact]
    public void BadValuesAreRefused()
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_run.Folder);
        Assert.Throws<ArgumentException>(() => writer.add_histogram("h", torch.zeros(0), 0));   // TorchSharp names no parameter
        // PyTorch and TorchSharp divide by max_bins; this binding refuses it at once.
        var error = Record.Exception(() => writer.add_histogram("h", torch.ones(3), 0, max_bins: 0));
        Assert.True(error is ArgumentOutOfRangeException or DivideByZeroException, $"got {error?.GetType().Name ?? "nothing"}");
        Assert.Empty(TensorboardRun.SummaryEvents(_run.Folder));
    }
}
