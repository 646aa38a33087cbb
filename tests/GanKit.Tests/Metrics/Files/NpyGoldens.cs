using System.Text.Json.Nodes;

namespace GanKit.Tests.Metrics.Files;

/// <summary>goldens/manifest.json, written by make_npy_goldens.py with NumPy's own np.save, write_array and savetxt.</summary>
internal static class NpyGoldens
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Metrics", "Files", "goldens");

    private static readonly Lazy<JsonObject> Manifest = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject());

    public static IEnumerable<JsonObject> Entries(string list) => Manifest.Value[list]!.AsArray().Select(e => e!.AsObject());

    public static JsonObject Entry(string list, string file) => Entries(list).Single(e => (string)e["file"]! == file);

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>The values NumPy read back from a golden, row-major, and its shape.</summary>
    public static (double[] Values, long[] Shape) Values(JsonObject entry)
    {
        var rows = entry["values"]!.AsArray().Select(row => row!.AsArray().Select(v => (double)v!).ToArray()).ToArray();
        return (rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);
    }
}
