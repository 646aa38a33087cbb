using System.Text.Json;

namespace GanKit.Tests.Metrics;

/// <summary>goldens.json / goldens.bin from make_metric_goldens.py: seeded arrays and the references' values for them.</summary>
public sealed class MetricGoldens
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Metrics");

    public static MetricGoldens Instance { get; } = new();

    private readonly byte[] _data;

    private MetricGoldens()
    {
        Root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "goldens.json"))).RootElement;
        _data = File.ReadAllBytes(Path.Combine(Folder, "goldens.bin"));
    }

    public JsonElement Root { get; }

    /// <summary>The entries of one section (fid, kid, inception, …).</summary>
    public IEnumerable<JsonElement> Section(string name) => Root.GetProperty(name).EnumerateArray();

    /// <summary>The entry of <paramref name="section"/> whose "case" is <paramref name="name"/>.</summary>
    public JsonElement Case(string section, string name) => Section(section).Single(e => e.GetProperty("case").GetString() == name);

    /// <summary>A stored array as float64 (float32 arrays are widened exactly, as the script computes from them).</summary>
    public Tensor Array(string name)
    {
        var entry = Root.GetProperty("arrays").GetProperty(name);
        int offset = entry.GetProperty("offset").GetInt32();
        var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new double[count];
        switch (entry.GetProperty("dtype").GetString()) {
            case "float32":
                for (long i = 0; i < count; i++) values[i] = BitConverter.ToSingle(_data, offset + (int)(4 * i));
                break;
            case "float64":
                for (long i = 0; i < count; i++) values[i] = BitConverter.ToDouble(_data, offset + (int)(8 * i));
                break;
            default:
                throw new InvalidDataException($"goldens.bin: {name} has an unexpected dtype");
        }
        return tensor(values, shape, ScalarType.Float64);
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>|actual − expected| ≤ relative·|expected| + absolute, with both numbers in the message.</summary>
    public static void Close(double expected, double actual, double relative, double absolute = 0, string what = "")
    {
        double allowed = relative * Math.Abs(expected) + absolute;
        Assert.True(Math.Abs(actual - expected) <= allowed,
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):G3}, allowed {allowed:G3})");
    }
}
