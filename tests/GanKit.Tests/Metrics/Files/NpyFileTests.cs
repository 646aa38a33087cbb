using System.Buffers.Binary;
using System.Text;
using GanKit.Metrics.Files;

namespace GanKit.Tests.Metrics.Files;

/// <summary>FeatureMatrixFile on .npy files: NumPy's goldens (every dtype, order and version we read), and each refusal.</summary>
public sealed class NpyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-npy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Readable() => [.. NpyGoldens.Entries("npy").Select(e => (string)e["file"]!)];

    public static TheoryData<string> Refused() => [.. NpyGoldens.Entries("refused").Select(e => (string)e["file"]!)];

    [Theory]
    [MemberData(nameof(Readable))]
    public void NumpysFilesLoadAsNumpyReadsThem(string file)
    {
        var entry = NpyGoldens.Entry("npy", file);
        var path = NpyGoldens.PathOf(file);
        // The golden is what its entry says: the version bytes and the header's descr and order.
        var bytes = File.ReadAllBytes(path);
        var version = entry["version"]!.AsArray().Select(v => (int)v!).ToArray();
        Assert.Equal(version, new int[] { bytes[6], bytes[7] });
        var header = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        Assert.Contains($"'descr': '{(string)entry["descr"]!}'", header);
        Assert.Contains($"'fortran_order': {((bool)entry["fortran_order"]! ? "True" : "False")}", header);

        var (expected, shape) = NpyGoldens.Values(entry);
        using var matrix = FeatureMatrixFile.Load(path);
        Assert.Equal(ScalarType.Float64, matrix.dtype);
        Assert.Equal(DeviceType.CPU, matrix.device_type);
        Assert.Equal(shape, matrix.shape);
        Assert.Equal(expected, matrix.data<double>().ToArray());
    }

    [Theory]
    [InlineData("np_save_3x4.npy")]
    [InlineData("np_save_1x1.npy")]
    [InlineData("np_save_10x100.npy")]
    public void SaveWritesTheBytesNpSaveWrites(string file)
    {
        var (values, shape) = NpyGoldens.Values(NpyGoldens.Entry("npy", file));
        var path = Path.Combine(_folder, "saved.npy");
        using (var matrix = tensor(values, shape, ScalarType.Float64)) FeatureMatrixFile.Save(path, matrix);
        Assert.Equal(File.ReadAllBytes(NpyGoldens.PathOf(file)), File.ReadAllBytes(path));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void NumpysFilesWeDoNotReadAreRefusedByName(string file)
    {
        var path = NpyGoldens.PathOf(file);
        var error = Assert.Throws<FeatureFileException>(() => FeatureMatrixFile.Load(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": ", error.Message);
        foreach (var word in NpyGoldens.Entry("refused", file)["words"]!.AsArray()) Assert.Contains((string)word!, error.Problem);
    }

    [Fact]
    public void TruncatedDataSaysHowManyBytesTheShapeNeeds()
    {
        var bytes = File.ReadAllBytes(NpyGoldens.PathOf("le_f8_c_v1.npy"));
        var error = LoadFails(bytes[..^5]);
        Assert.Contains("truncated", error.Problem);
        Assert.Contains("shape (3, 4) of '<f8' needs 96 bytes of data but only 91 follow", error.Problem);
    }

    [Fact]
    public void BytesAfterTheDataAreRefused()
    {
        var bytes = File.ReadAllBytes(NpyGoldens.PathOf("le_i4_c_v2.npy"));
        var error = LoadFails([.. bytes, 0, 0, 0, 0]);
        Assert.Contains("4 bytes after the 48 bytes of data", error.Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x58, 1, 0 }, "not a .npy file: it starts with 93 4e 55 4d 50 58")]
    [InlineData(new byte[] { 0x50, 0x4b, 3, 4 }, "not a .npy file: it starts with 50 4b 03 04")]
    [InlineData(new byte[] { }, "is empty")]
    [InlineData(new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 4, 0, 0, 0 }, "format version 4.0")]
    [InlineData(new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76 }, "truncated inside its header length")]
    [InlineData(new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76, 0, 0x7b }, "its header is 118 bytes long but only 1 bytes follow")]
    public void BrokenPrefixes(byte[] bytes, string problem) => Assert.Contains(problem, LoadFails(bytes).Problem);

    [Theory]
    [InlineData("[1, 2]", "not a dict")]
    [InlineData("{'descr': <f8, 'fortran_order': False, 'shape': (3, 4), }", "not a Python dict literal (unexpected '<' at position 10)")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4)", "not a Python dict literal (it ends before the closing '}')")]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "without 'shape'")]
    [InlineData("{'descr': '<f8', 'shape': (3, 4)}", "without 'fortran_order'")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (3, 4)}", "'fortran_order' is not True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': [3, 4]}", "'shape' is not a tuple")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3, -4)}", "'shape' is not a tuple")]
    [InlineData("{'descr': 8, 'fortran_order': False, 'shape': (3, 4)}", "'descr' is neither a string nor a list")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 'a')}", "'shape' is not a tuple")]
    public void HeadersThatAreNotNumpysDictAreRefused(string header, string problem) =>
        Assert.Contains(problem, LoadFails(Npy(header, new byte[96])).Problem);

    [Fact]
    public void AHandWrittenHeaderInAnyLayoutIsRead()
    {
        // Double quotes, no trailing comma, other key order, no padding, a Python 2 long: still NumPy's meaning.
        var data = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(data, 1.5);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8), -2.25);
        using var matrix = FeatureMatrixFile.Load(Write("hand.npy", Npy("{\"shape\": (2L, 1), \"fortran_order\": True, \"descr\": \"<f8\"}", data)));
        Assert.Equal(new long[] { 2, 1 }, matrix.shape);
        Assert.Equal(new[] { 1.5, -2.25 }, matrix.data<double>().ToArray());
    }

    private FeatureFileException LoadFails(byte[] bytes)
    {
        var path = Write("broken.npy", bytes);
        var error = Assert.Throws<FeatureFileException>(() => FeatureMatrixFile.Load(path));
        Assert.Equal(path, error.FilePath);
        return error;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // A version 1.0 file with this header text (a newline is added) and data.
    private static byte[] Npy(string header, byte[] data)
    {
        var text = Encoding.Latin1.GetBytes(header + "\n");
        var prefix = new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0 };
        BinaryPrimitives.WriteUInt16LittleEndian(prefix.AsSpan(8), (ushort)text.Length);
        return [.. prefix, .. text, .. data];
    }
}
