using System.Text.Json;

namespace GanKit.Cli.Metrics;

/// <summary>
/// The file of <c>--kid-indices</c>: KID's subsets, given instead of drawn, to reproduce another tool's exactly. A JSON
/// array with one object per subset, each holding the 0-based row indices of the real and of the fake features it takes:
/// <code>[{"real": [0, 17, 4], "fake": [9, 2, 30]}, {"real": [5, 1, 12], "fake": [3, 8, 11]}]</code>
/// Every "real" and "fake" list has the same length (the subset size, at least 2) and no index twice in it (subsets are
/// drawn without replacement); that every index is below its side's row count is checked once the features are known.
/// </summary>
public static class KidIndicesFile
{
    public static IReadOnlyList<(long[] Real, long[] Fake)> Load(string path)
    {
        if (!File.Exists(path)) throw new MetricsInputException($"--kid-indices: no file at {path}.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw Fail(path, $"is not JSON ({e.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
                throw Fail(path, "is not a non-empty JSON array of subsets, [{\"real\": [...], \"fake\": [...]}, ...]");
            var subsets = new List<(long[] Real, long[] Fake)>();
            foreach (var (subset, i) in root.EnumerateArray().Select((s, i) => (s, i)))
            {
                if (subset.ValueKind != JsonValueKind.Object)
                    throw Fail(path, $"[{i}] is not an object {{\"real\": [...], \"fake\": [...]}}");
                var unknown = subset.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => name is not ("real" or "fake"));
                if (unknown is not null) throw Fail(path, $"[{i}] has the key \"{unknown}\"; a subset has \"real\" and \"fake\" only");
                var real = Indices(path, subset, i, "real");
                var fake = Indices(path, subset, i, "fake");
                var size = subsets.Count > 0 ? subsets[0].Real.Length : real.Length;
                foreach (var (side, indices) in new[] { ("real", real), ("fake", fake) })
                {
                    if (indices.Length != size)
                        throw Fail(path, $"[{i}].{side} has {indices.Length} indices but [0].real has {size}; every subset has the same size");
                }
                if (size < 2) throw Fail(path, $"[{i}] has subsets of {size} index; KID needs at least 2 per subset");
                subsets.Add((real, fake));
            }
            return subsets;
        }
    }

    /// <summary>Checks every index against its side's row count (once the features are known).</summary>
    public static void CheckRange(string path, IReadOnlyList<(long[] Real, long[] Fake)> subsets, long realRows, long fakeRows)
    {
        for (var i = 0; i < subsets.Count; i++)
        {
            foreach (var (side, indices, rows) in new[] { ("real", subsets[i].Real, realRows), ("fake", subsets[i].Fake, fakeRows) })
            {
                var outside = Array.FindIndex(indices, index => index >= rows);
                if (outside >= 0)
                    throw Fail(path, $"[{i}].{side}[{outside}] is {indices[outside]}, but the {side} features have {rows} rows (0 to {rows - 1})");
            }
        }
    }

    private static long[] Indices(string path, JsonElement subset, int i, string side)
    {
        if (!subset.TryGetProperty(side, out var list) || list.ValueKind != JsonValueKind.Array)
            throw Fail(path, $"[{i}] has no \"{side}\" array of row indices");
        var indices = new long[list.GetArrayLength()];
        var seen = new HashSet<long>();
        foreach (var (item, j) in list.EnumerateArray().Select((item, j) => (item, j)))
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var index) || index < 0)
                throw Fail(path, $"[{i}].{side}[{j}] is {item.GetRawText()}, not a row index (an integer from 0)");
            if (!seen.Add(index)) throw Fail(path, $"[{i}].{side}[{j}] repeats row {index}; a subset takes each row once");
            indices[j] = index;
        }
        return indices;
    }

    private static MetricsInputException Fail(string path, string problem) => new($"--kid-indices {path}: {problem}.");
}
