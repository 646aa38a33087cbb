using GanKit.Metrics.Files;

namespace GanKit.Tests.Metrics.Files;

/// <summary>FeatureMatrixFile's round trips, its choice of format, and what Save refuses.</summary>
public sealed class FeatureMatrixFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-features-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("features.npy")]
    [InlineData("features.csv")]
    [InlineData("UPPER.NPY")]
    public void SavedMatricesLoadBackExactly(string name)
    {
        // Values of every magnitude, so a lossy decimal form shows.
        var random = new Random(13);
        var values = Enumerable.Range(0, 85).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30))).ToArray();
        using var original = torch.tensor(values, [17, 5]);
        var path = Path.Combine(_folder, name);
        FeatureMatrixFile.Save(path, original);
        using var loaded = FeatureMatrixFile.Load(path);
        Assert.Equal(original.shape, loaded.shape);
        Assert.Equal(original.data<double>().ToArray(), loaded.data<double>().ToArray());
        Assert.Equal(new[] { path }, Directory.GetFiles(_folder)); // written atomically: no temporary file left
    }

    [Theory]
    [InlineData("f32.npy")]
    [InlineData("f32.csv")]
    public void Float32TensorsAreSavedAsTheirFloat64Values(string name)
    {
        using var original = torch.tensor(new[] { 0.1f, -3.7f, 1e-8f, 65504f }, [2, 2]);
        var path = Path.Combine(_folder, name);
        FeatureMatrixFile.Save(path, original);
        using var loaded = FeatureMatrixFile.Load(path);
        Assert.Equal(original.data<float>().ToArray().Select(v => (double)v), loaded.data<double>().ToArray());
    }

    [Fact]
    public void SaveReplacesAnExistingFileAndCreatesItsFolder()
    {
        var path = Path.Combine(_folder, "deeper", "m.csv");
        using (var first = torch.ones(3, 2)) FeatureMatrixFile.Save(path, first);
        using (var second = torch.zeros(1, 4)) FeatureMatrixFile.Save(path, second);
        Assert.Equal("0,0,0,0\n", File.ReadAllText(path));
    }

    [Fact]
    public void AnotherViewOfAMatrixIsSavedAsItLooks()
    {
        using var matrix = torch.arange(6, dtype: ScalarType.Float64).reshape(2, 3);
        using var transposed = matrix.t();
        var path = Path.Combine(_folder, "t.npy");
        FeatureMatrixFile.Save(path, transposed);
        using var loaded = FeatureMatrixFile.Load(path);
        Assert.Equal(new long[] { 3, 2 }, loaded.shape);
        Assert.Equal(new double[] { 0, 3, 1, 4, 2, 5 }, loaded.data<double>().ToArray());
    }

    [Theory]
    [InlineData("features.txt", "has the extension '.txt'; a feature matrix file is .npy (NumPy's np.save) or .csv")]
    [InlineData("features", "has no extension")]
    [InlineData("missing.npy", "no such file")]
    public void UnusablePathsAreRefusedByName(string name, string problem)
    {
        var path = Path.Combine(_folder, name);
        if (name != "missing.npy") File.WriteAllText(path, "1,2\n");
        var error = Assert.Throws<FeatureFileException>(() => FeatureMatrixFile.Load(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void AFolderIsNotAMatrixFile()
    {
        var path = Directory.CreateDirectory(Path.Combine(_folder, "images.npy")).FullName;
        Assert.Contains("is a folder", Assert.Throws<FeatureFileException>(() => FeatureMatrixFile.Load(path)).Problem);
    }

    [Fact]
    public void SaveRefusesWhatLoadWouldRefuse()
    {
        var path = Path.Combine(_folder, "m.npy");
        using var vector = torch.ones(4);
        Assert.Contains("2-D [N, D]", Assert.Throws<ArgumentException>(() => FeatureMatrixFile.Save(path, vector)).Message);
        using var empty = torch.ones(0, 4);
        Assert.Contains("at least one row", Assert.Throws<ArgumentException>(() => FeatureMatrixFile.Save(path, empty)).Message);
        using var withNaN = torch.tensor(new[] { 1.0, double.NaN, 3.0, 4.0 }, [2, 2]);
        Assert.Contains("element [0, 1] is NaN", Assert.Throws<ArgumentException>(() => FeatureMatrixFile.Save(path, withNaN)).Message);
        using var fine = torch.ones(2, 2);
        Assert.Contains("'.json'", Assert.Throws<FeatureFileException>(() => FeatureMatrixFile.Save(Path.Combine(_folder, "m.json"), fine)).Problem);
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
