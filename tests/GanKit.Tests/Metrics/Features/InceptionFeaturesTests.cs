using GanKit.Metrics.Features;

namespace GanKit.Tests.Metrics.Features;

/// <summary>
/// InceptionFeatures against a tiny stand-in with the real file's forward(img, return_features, use_fp16,
/// no_output_bias) (make_script_module.py): the stand-in refuses anything but uint8-valued 3-channel input, and its
/// features, probabilities with and without the output bias and fp16 features all differ, so a wrong conversion or a
/// wrong argument order fails these tests.
/// </summary>
public sealed class InceptionFeaturesTests
{
    private static void AssertClose(double[] expected, Tensor actual)
    {
        var values = actual.data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        // Float32 arithmetic, possibly summed in another order than PyTorch's: equal to within its rounding.
        for (var i = 0; i < values.Length; i++) Assert.InRange(values[i], expected[i] - 1e-6, expected[i] + 1e-6);
    }

    [Fact]
    public void FeaturesAndProbabilitiesAreTheModulesForUint8Input()
    {
        using var inception = InceptionFeatures.Load(FakeInception.ModulePath);
        Assert.Equal(FakeInception.Golden.FeatureDim, inception.FeatureDim);
        Assert.Equal(FakeInception.Golden.Classes, inception.ClassCount);
        Assert.Contains("fake_inception.pt", inception.Name);
        foreach (var golden in FakeInception.Golden.Cases)
        {
            using var images = golden.Images();
            foreach (var batchSize in new[] { 500, 2 })
            {
                using var extracted = inception.Extract(images, batchSize);
                Assert.Equal([golden.Shape[0], FakeInception.Golden.FeatureDim], extracted.Features.shape);
                Assert.Equal([golden.Shape[0], FakeInception.Golden.Classes], extracted.Probabilities!.shape);
                AssertClose(golden.Features, extracted.Features);
                AssertClose(golden.Probabilities, extracted.Probabilities);
            }
        }
    }

    [Fact]
    public void WithoutProbabilitiesOnlyTheFeaturesAreComputed()
    {
        using var inception = InceptionFeatures.Load(FakeInception.ModulePath, withProbabilities: false);
        var golden = FakeInception.Golden.Cases[0];
        using var images = golden.Images();
        using var extracted = inception.Extract(images);
        Assert.Null(extracted.Probabilities);
        AssertClose(golden.Features, extracted.Features);
        Assert.Equal(FakeInception.Golden.Classes, inception.ClassCount);
    }

    [Fact]
    public void FloatImagesBecomeTheBytesStyleGan2AdaMakes()
    {
        var bytes = Enumerable.Range(0, 256).ToArray();
        using var exact = tensor(bytes.Select(b => b / 255f).ToArray(), [1, 1, 16, 16]);
        using var pixels = InceptionFeatures.ToPixels(exact, CPU);
        Assert.Equal(ScalarType.Byte, pixels.dtype);
        Assert.Equal([1L, 3, 16, 16], pixels.shape);
        var values = pixels.data<byte>().ToArray();
        Assert.Equal(bytes.Concat(bytes).Concat(bytes).Select(b => (byte)b), values);
        // ⌊255·x + 0.5⌋: to the nearest level, halves up.
        using var between = tensor(new[] { 10.4f / 255, 10.6f / 255, 254.5f / 255, 0.2f / 255 }, [1, 1, 2, 2]);
        using var rounded = InceptionFeatures.ToPixels(between, CPU);
        Assert.Equal(new byte[] { 10, 11, 255, 0 }, rounded.data<byte>().ToArray().Take(4));
    }

    [Fact]
    public void AMissingFileSaysWhereToGetItAndThatGanKitNeverDownloads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", InceptionFeatures.FileName);
        var message = Assert.Throws<FileNotFoundException>(() => InceptionFeatures.Load(path)).Message;
        Assert.Contains(path, message);
        Assert.Contains("never downloads", message);
        Assert.Contains(InceptionFeatures.Url, message);
    }

    [Fact]
    public void AFileThatIsNotSuchANetworkIsRefusedByName()
    {
        var message = Assert.Throws<InvalidDataException>(() => InceptionFeatures.Load(FakeInception.WrongSignaturePath)).Message;
        Assert.Contains("not_inception.pt", message);
        Assert.Contains("forward(img, return_features, use_fp16, no_output_bias)", message);
        var garbage = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.pt");
        File.WriteAllText(garbage, "not a TorchScript archive");
        try
        {
            Assert.Contains("not a TorchScript file", Assert.Throws<InvalidDataException>(() => InceptionFeatures.Load(garbage)).Message);
        }
        finally
        {
            File.Delete(garbage);
        }
    }

    [Fact]
    public void ImagesOfAnotherChannelCountOrRangeAreRefused()
    {
        using var inception = InceptionFeatures.Load(FakeInception.ModulePath);
        using var twoChannels = rand(2, 2, 8, 8);
        Assert.Contains("1 or 3 channel(s); got 2", Assert.Throws<ArgumentException>(() => inception.Extract(twoChannels)).Message);
        using var bytes = full(new long[] { 2, 3, 8, 8 }, 200, ScalarType.Byte);
        Assert.Contains("got Byte", Assert.Throws<ArgumentException>(() => inception.Extract(bytes)).Message);
        using var tanhRange = rand(2, 3, 8, 8).mul(2).sub(1);
        Assert.Contains("in [0, 1]", Assert.Throws<ArgumentException>(() => inception.Extract(tanhRange)).Message);
    }
}
