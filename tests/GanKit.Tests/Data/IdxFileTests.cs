using GanKit.Data;

namespace GanKit.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-idx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A gzip member with no content, as Python's gzip writes it (.NET's GZipStream writes nothing for no data).
    private static readonly byte[] EmptyGzip = Convert.FromHexString("1f8b08000000000002ff03000000000000000000");

    private string Write(string name, byte[] bytes) => IdxTestFiles.Write(_folder, name, bytes);

    private DatasetFormatException ReadFails(string name, byte[] bytes, Func<string, object> read)
    {
        var path = Write(name, bytes);
        var error = Assert.Throws<DatasetFormatException>(() => read(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": ", error.Message);
        return error;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ImagesAreBytesOver255InCountOneRowsColumns(bool gzip)
    {
        var (images, _) = IdxTestFiles.Pattern(3, 4, 5);
        var path = Write("images.idx", gzip ? IdxTestFiles.Gzip(images) : images);
        using var tensor = IdxFile.ReadImages(path);
        Assert.Equal(ScalarType.Float32, tensor.dtype);
        Assert.Equal(new long[] { 3, 1, 4, 5 }, tensor.shape);
        var values = tensor.data<float>().ToArray();
        for (var i = 0; i < 3; i++)
            for (var p = 0; p < 20; p++)
                Assert.Equal((float)((i * 31 + p * 7) % 256) / 255f, values[i * 20 + p]);
    }

    [Fact]
    public void ByteExtremesMapToZeroAndOne()
    {
        var path = Write("extremes.idx", IdxTestFiles.Bytes([1, 1, 3], [0, 128, 255]));
        using var tensor = IdxFile.ReadImages(path);
        Assert.Equal(new[] { 0f, 128f / 255f, 1f }, tensor.data<float>().ToArray());
    }

    [Fact]
    public void LabelsAreInt64()
    {
        var path = Write("labels.idx.gz", IdxTestFiles.Gzip(IdxTestFiles.Bytes([4], [7, 0, 255, 3])));
        using var tensor = IdxFile.ReadLabels(path);
        Assert.Equal(ScalarType.Int64, tensor.dtype);
        Assert.Equal(new long[] { 7, 0, 255, 3 }, tensor.data<long>().ToArray());
    }

    [Fact]
    public void GzipIsRecognisedByItsHeaderNotItsName()
    {
        var path = Write("labels-without-gz-suffix", IdxTestFiles.Gzip(IdxTestFiles.Bytes([2], [1, 2])));
        var array = IdxFile.Read(path);
        Assert.Equal(new[] { 2 }, array.Dimensions);
        Assert.Equal(new byte[] { 1, 2 }, array.Data);
    }

    [Fact]
    public void ImagesAndLabelsPair()
    {
        var (images, labels) = IdxTestFiles.Pattern(6, 2, 2);
        using var pair = IdxFile.ReadLabelledImages(Write("i", images), Write("l", IdxTestFiles.Gzip(labels)));
        Assert.Equal(6, pair.Count);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, pair.Labels.data<long>().ToArray());
        Assert.Equal(new long[] { 6, 1, 2, 2 }, pair.Images.shape);
    }

    [Fact]
    public void WrongMagicNumber()
    {
        var bytes = IdxTestFiles.Bytes([1], [1]);
        bytes[0] = 0x50;
        Assert.Contains("not an IDX file", ReadFails("wrong-magic", bytes, IdxFile.ReadLabels).Problem);
    }

    [Fact]
    public void HtmlInsteadOfIdx()
    {
        var error = ReadFails("page.gz", IdxTestFiles.Gzip("<html>Not found</html>"u8.ToArray()), IdxFile.ReadLabels);
        Assert.Contains("decompressed content starts with 3c 68 74 6d", error.Problem);
    }

    [Theory]
    [InlineData(0x0D, "float32")]
    [InlineData(0x0C, "int32")]
    [InlineData(0x09, "signed byte")]
    public void UnsupportedType(byte type, string typeName)
    {
        var error = ReadFails($"type-{type}", IdxTestFiles.Bytes([1], [0, 0, 0, 0], type), IdxFile.ReadLabels);
        Assert.Contains($"0x{type:x2} ({typeName}); only 0x08 (unsigned byte)", error.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedData(bool gzip)
    {
        var (images, _) = IdxTestFiles.Pattern(3, 4, 5);
        var cut = images[..^7];
        var error = ReadFails("cut", gzip ? IdxTestFiles.Gzip(cut) : cut, IdxFile.ReadImages);
        Assert.Contains("truncated: its header declares [3, 4, 5], 60 bytes of data, but only 53 follow", error.Problem);
    }

    [Fact]
    public void TruncatedGzipStream()
    {
        var (images, _) = IdxTestFiles.Pattern(20, 28, 28);
        var compressed = IdxTestFiles.Gzip(images);
        var error = ReadFails("cut.gz", compressed[..(compressed.Length / 2)], IdxFile.ReadImages);
        Assert.Contains("truncated", error.Problem);
    }

    [Fact]
    public void TruncatedHeader()
    {
        var bytes = IdxTestFiles.Bytes([3, 28, 28], [])[..9];
        Assert.Contains("declares 3 dimensions (12 header bytes) but only 5 bytes follow",
            ReadFails("header", bytes, IdxFile.ReadImages).Problem);
    }

    [Fact]
    public void DataBeyondTheHeadersCount()
    {
        var error = ReadFails("long", IdxTestFiles.Bytes([2], [1, 2, 3]), IdxFile.ReadLabels);
        Assert.Contains("more data than the 2 bytes its header [2] declares", error.Problem);
    }

    [Fact]
    public void EmptyFiles()
    {
        Assert.Equal("is empty", ReadFails("empty", [], IdxFile.ReadLabels).Problem);
        Assert.Equal("decompresses to nothing", ReadFails("empty.gz", EmptyGzip, IdxFile.ReadLabels).Problem);
        Assert.Equal("holds no images (count 0)", ReadFails("no-images", IdxTestFiles.Bytes([0, 28, 28], []), IdxFile.ReadImages).Problem);
        Assert.Equal("holds no labels (count 0)", ReadFails("no-labels", IdxTestFiles.Bytes([0], []), IdxFile.ReadLabels).Problem);
        Assert.Equal("holds images of 0×28 pixels", ReadFails("flat", IdxTestFiles.Bytes([5, 0, 28], []), IdxFile.ReadImages).Problem);
    }

    [Fact]
    public void WrongRankForImagesAndLabels()
    {
        var (images, labels) = IdxTestFiles.Pattern(2, 2, 2);
        Assert.Contains("has 1 dimensions [2]; an images file has 3", ReadFails("labels-as-images", labels, IdxFile.ReadImages).Problem);
        Assert.Contains("has 3 dimensions [2, 2, 2]; a labels file has 1", ReadFails("images-as-labels", images, IdxFile.ReadLabels).Problem);
    }

    [Fact]
    public void DimensionsTooLargeForAnArray()
    {
        var error = ReadFails("huge", IdxTestFiles.Bytes([60000, 60000, 60000], []), IdxFile.ReadImages);
        Assert.Contains("[60000, 60000, 60000], more bytes than an array can hold", error.Problem);
    }

    [Fact]
    public void ImageAndLabelCountsMustMatch()
    {
        var (images, _) = IdxTestFiles.Pattern(5, 2, 2);
        var (_, labels) = IdxTestFiles.Pattern(4, 2, 2);
        var imagesPath = Write("images", images);
        var labelsPath = Write("labels", labels);
        var error = Assert.Throws<DatasetFormatException>(() => IdxFile.ReadLabelledImages(imagesPath, labelsPath));
        Assert.Equal(labelsPath, error.FilePath);
        Assert.Equal($"{labelsPath}: holds 4 labels but its images file {imagesPath} holds 5 images", error.Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        var path = Path.Combine(_folder, "absent.gz");
        var error = Assert.Throws<FileNotFoundException>(() => IdxFile.Read(path));
        Assert.Contains(path, error.Message);
    }
}
