using GanKit.Data;

namespace GanKit.Tests.Data;

public class TensorLoaderTests
{
    /// <summary>A dataset whose rows are their own index, so batches reveal the order.</summary>
    private static TensorDataset Indexed(int count) => new(arange(count, ScalarType.Float32).unsqueeze(1));

    private static List<long[]> Orders(TensorLoader loader) =>
        loader.Select(batch => batch[0].squeeze(1).to_type(ScalarType.Int64).data<long>().ToArray()).ToList();

    [Fact]
    public void EveryExampleAppearsOncePerPassAndTheLastShortBatchIsKept()
    {
        using var dataset = Indexed(10);
        var loader = new TensorLoader(dataset, batchSize: 3);
        manual_seed(1);
        var batches = Orders(loader);
        Assert.Equal(new[] { 3, 3, 3, 1 }, batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.SelectMany(b => b).Order());
        Assert.Equal(4, loader.BatchCount);
        Assert.Equal(10, loader.ExampleCount);
    }

    [Fact]
    public void DropLastDropsOnlyTheShortBatch()
    {
        using var dataset = Indexed(10);
        var loader = new TensorLoader(dataset, batchSize: 3, dropLast: true);
        manual_seed(2);
        var batches = Orders(loader);
        Assert.Equal(new[] { 3, 3, 3 }, batches.Select(b => b.Length));
        Assert.Equal(9, batches.SelectMany(b => b).Distinct().Count());
        Assert.Equal(9, loader.ExampleCount);
    }

    [Fact]
    public void ShufflesFollowTheTorchSeedThroughRandperm()
    {
        using var dataset = Indexed(12);
        var loader = new TensorLoader(dataset, batchSize: 5);
        manual_seed(42);
        var first = Orders(loader).SelectMany(b => b).ToArray();
        var second = Orders(loader).SelectMany(b => b).ToArray();
        manual_seed(42);
        Assert.Equal(first, Orders(loader).SelectMany(b => b));
        Assert.NotEqual(first, second); // a new order every pass
        manual_seed(42);
        Assert.Equal(first, randperm(12).data<long>().ToArray());
    }

    [Fact]
    public void WithoutShuffleBatchesKeepDatasetOrder()
    {
        using var dataset = Indexed(7);
        var loader = new TensorLoader(dataset, batchSize: 4, shuffle: false);
        Assert.Equal(new[] { new long[] { 0, 1, 2, 3 }, new long[] { 4, 5, 6 } }, Orders(loader));
    }

    [Fact]
    public void ColumnsStayAlignedAndMoveToTheRequestedDevice()
    {
        var x = arange(6, ScalarType.Float32);
        using var dataset = new TensorDataset(x, x.mul(10));
        var loader = new TensorLoader(dataset, batchSize: 4, device: CPU);
        manual_seed(3);
        foreach (var batch in loader)
        {
            Assert.Equal(2, batch.Length);
            Assert.Equal(batch[0].mul(10).data<float>().ToArray(), batch[1].data<float>().ToArray());
            Assert.Equal(DeviceType.CPU, batch[0].device.type);
        }
    }

    [Fact]
    public void BadArgumentsThrowClearly()
    {
        Assert.Throws<ArgumentException>(() => new TensorDataset(zeros(3, 2), zeros(4)));
        Assert.Throws<ArgumentException>(() => new TensorDataset());
        using var dataset = Indexed(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TensorLoader(dataset, batchSize: 0));
    }
}
