using System.Text.Json;

namespace GanKit.Tests.Metrics.Features;

/// <summary>
/// The files make_script_module.py writes: a tiny TorchScript module with the forward signature and calling contract
/// of NVIDIA's inception-2015-12-05.pt, one with another signature, and the values the first gives for known inputs.
/// </summary>
internal static class FakeInception
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Metrics", "Features");

    public static string ModulePath => Path.Combine(Folder, "fake_inception.pt");

    public static string WrongSignaturePath => Path.Combine(Folder, "not_inception.pt");

    public sealed record Case(string Name, long[] Shape, byte[] Pixels, double[] Features, double[] Probabilities)
    {
        /// <summary>The pixels as the extractors take images: float32 byte / 255.</summary>
        public Tensor Images() => tensor(Pixels.Select(b => b / 255f).ToArray(), Shape);
    }

    public sealed record Expected(int FeatureDim, int Classes, IReadOnlyList<Case> Cases);

    private static readonly Lazy<Expected> Values = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "fake_inception.json")));
        var root = document.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("name").GetString()!,
            c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray(),
            c.GetProperty("pixels").EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray(),
            c.GetProperty("features").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            c.GetProperty("probabilities").EnumerateArray().Select(v => v.GetDouble()).ToArray())).ToList();
        return new Expected(root.GetProperty("feature_dim").GetInt32(), root.GetProperty("classes").GetInt32(), cases);
    });

    public static Expected Golden => Values.Value;
}
