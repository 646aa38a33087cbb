using GanKit.Metrics.Files;

namespace GanKit.Tests.Metrics.Files;

/// <summary>FeatureMatrixFile on .csv files: what it reads, and each refusal with its line and column.</summary>
public sealed class CsvFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NumpysSavetxtWithAHeaderLoadsAsLoadtxtReadsIt()
    {
        var entry = NpyGoldens.Entry("csv", "savetxt.csv");
        var (expected, shape) = NpyGoldens.Values(entry);
        using var matrix = FeatureMatrixFile.Load(NpyGoldens.PathOf("savetxt.csv"));
        Assert.Equal(ScalarType.Float64, matrix.dtype);
        Assert.Equal(shape, matrix.shape);
        Assert.Equal(expected, matrix.data<double>().ToArray());
    }

    [Fact]
    public void BlankLinesSpacesQuotesCrLfAndAByteOrderMarkAreAccepted()
    {
        var path = Write("loose.csv", "\uFEFF\"x\", y ,\"z\"\r\n\r\n 1.5 ,-2e3,\"7\"\r\n   \r\n+0.25,3,-0\r\n\n");
        using var matrix = FeatureMatrixFile.Load(path);
        Assert.Equal(new long[] { 2, 3 }, matrix.shape);
        Assert.Equal(new[] { 1.5, -2000, 7, 0.25, 3, -0.0 }, matrix.data<double>().ToArray());
    }

    [Fact]
    public void WithoutAHeaderTheFirstLineIsARow()
    {
        using var matrix = FeatureMatrixFile.Load(Write("plain.csv", "1,2\n3,4\n5,6"));
        Assert.Equal(new long[] { 3, 2 }, matrix.shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, matrix.data<double>().ToArray());
    }

    [Fact]
    public void ASingleColumnIsAMatrixOfOneFeature()
    {
        using var matrix = FeatureMatrixFile.Load(Write("column.csv", "feature\n0.5\n1.5\n"));
        Assert.Equal(new long[] { 2, 1 }, matrix.shape);
    }

    [Theory]
    [InlineData("1,2,3\n4,5,6\n\n7,8\n", "line 4 has 2 columns but the first row, line 1, has 3")]
    [InlineData("a,b\n1,2\n3,4,5\n", "line 3 has 3 columns but the header, line 1, has 2")]
    [InlineData("a,b,c\n1,2\n", "line 2 has 2 columns but the header, line 1, has 3")]
    [InlineData("1,2\n3,x4\n", "line 2, column 2 is 'x4', not a number")]
    [InlineData("1,2\n3,4,\n", "line 2 has 3 columns but the first row, line 1, has 2")]
    [InlineData("1,,2\n", "line 1, column 2 is empty")]
    [InlineData("a;b;c\n1;2;3\n", "line 2, column 1 is '1;2;3', not a number (the separator is a comma, not ';' or a tab)")]
    [InlineData("a,b\n1,nan\n", "line 2, column 2 is 'nan'; feature matrices hold finite numbers only")]
    [InlineData("1,2\n-inf,2\n", "line 2, column 1 is '-inf'; feature matrices hold finite numbers only")]
    [InlineData("NaN,1\n", "line 1, column 1 is 'NaN'; feature matrices hold finite numbers only")]
    [InlineData("1,1e999\n", "line 1, column 2 is '1e999'; feature matrices hold finite numbers only")]
    [InlineData("a,b,c\n", "has a header row but no rows of numbers")]
    [InlineData("\n  \n", "has no rows of numbers")]
    [InlineData("", "has no rows of numbers")]
    [InlineData("a,b\nc,d\n", "line 2, column 1 is 'c', not a number")]
    public void UnreadableCsvIsRefusedAtItsLineAndColumn(string content, string problem)
    {
        var path = Write("bad.csv", content);
        var error = Assert.Throws<FeatureFileException>(() => FeatureMatrixFile.Load(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(problem, error.Problem);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
