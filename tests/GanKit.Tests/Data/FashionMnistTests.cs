using GanKit.Data;

namespace GanKit.Tests.Data;

/// <summary>A test on Debian's Fashion-MNIST files, skipped (with the reason) where the package is not installed.</summary>
public sealed class DebianFashionMnistFactAttribute : FactAttribute
{
    public DebianFashionMnistFactAttribute()
    {
        if (MnistDatasets.IdxFileNames.Any(name => !File.Exists(Path.Combine(MnistDatasets.DebianFashionMnistFolder, name))))
            Skip = $"Debian's dataset-fashion-mnist is not installed ({MnistDatasets.DebianFashionMnistFolder}); bash scripts/setup.sh installs it";
    }
}

/// <summary>
/// The real Fashion-MNIST through the IDX reader. The expected numbers come from fashion_mnist_reference.py
/// (gzip and numpy, beside this file).
/// </summary>
public sealed class FashionMnistTests : IDisposable
{
    // An empty cache folder, so that the Debian files are read whatever the developer's cache holds.
    private readonly string _emptyCache = Directory.CreateTempSubdirectory("gankit-fashion-").FullName;

    public void Dispose() => Directory.Delete(_emptyCache, recursive: true);

    // The bytes back from byte / 255 (float32 · 255 is within an ulp of the byte), summed exactly.
    private static long ByteSum(Tensor images)
    {
        using var scope = NewDisposeScope();
        return images.mul(255).add(0.5).to_type(ScalarType.Byte).sum(ScalarType.Int64).item<long>();
    }

    private static long ByteSum(Tensor images, long index)
    {
        using var image = images[index];
        return ByteSum(image);
    }

    private static long ByteAt(Tensor images, long index, long row, long column)
    {
        using var value = images[index, 0, row, column];
        return (long)Math.Round(value.item<float>() * 255);
    }

    [DebianFashionMnistFact]
    public void DebianFilesReadAsPublished()
    {
        using var data = MnistDatasets.Load("fashion-mnist", _emptyCache);
        Assert.Equal(MnistDatasets.FashionMnist, data.Name);
        Assert.Contains(MnistDatasets.DebianFashionMnistFolder, data.Source);
        Assert.Equal("Ankle boot", data.ClassNames[9]);
        Assert.Equal(new long[] { 60000, 1, 28, 28 }, data.Train.Images.shape);
        Assert.Equal(new long[] { 10000, 1, 28, 28 }, data.Test.Images.shape);
        Assert.Equal(Enumerable.Repeat(6000L, 10), data.Train.CountPerClass(10));
        Assert.Equal(Enumerable.Repeat(1000L, 10), data.Test.CountPerClass(10));

        Assert.Equal(3431114169L, ByteSum(data.Train.Images));
        Assert.Equal(573469082L, ByteSum(data.Test.Images));

        var train = (images: data.Train.Images, labels: data.Train.Labels.data<long>().ToArray());
        var test = (images: data.Test.Images, labels: data.Test.Labels.data<long>().ToArray());
        // (index, label, byte sum, byte at row 14, column 14)
        foreach (var (index, label, byteSum, center) in new[] { (0L, 9L, 76247L, 217L), (1, 0, 84598, 204), (12345, 8, 97611, 193), (59999, 5, 16684, 0) })
        {
            Assert.Equal(label, train.labels[index]);
            Assert.Equal(byteSum, ByteSum(train.images, index));
            Assert.Equal(center, ByteAt(train.images, index, 14, 14));
        }
        foreach (var (index, label, byteSum, center) in new[] { (0L, 9L, 33456L, 110L), (1, 2, 100994, 234), (2345, 3, 51198, 217), (9999, 5, 24390, 132) })
        {
            Assert.Equal(label, test.labels[index]);
            Assert.Equal(byteSum, ByteSum(test.images, index));
            Assert.Equal(center, ByteAt(test.images, index, 14, 14));
        }
    }
}
