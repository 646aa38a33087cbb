using System.Globalization;
using System.Reflection;
using System.Text.Json;
using GanKit.IO;

namespace GanKit.Benchmarks.Reporting;

/// <summary>Writes a report as Markdown and JSON side by side, each atomically (temporary file, then rename).</summary>
internal static class ResultsWriter
{
    /// <summary>results/ in the source tree (baked in at build time), where the latest tables are committed.</summary>
    public static string DefaultDirectory =>
        typeof(ResultsWriter).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "ResultsDirectory").Value ?? throw new InvalidOperationException("no ResultsDirectory metadata");

    private static readonly JsonSerializerOptions json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static (string Markdown, string Json) Write(string directory, string name, string markdown, object data)
    {
        Directory.CreateDirectory(directory);
        var paths = (Path.Combine(directory, name + ".md"), Path.Combine(directory, name + ".json"));
        AtomicFile.WriteAllText(paths.Item1, markdown);
        AtomicFile.WriteAllText(paths.Item2, JsonSerializer.Serialize(data, json) + "\n");
        return paths;
    }

    public static string Header(string title, MachineInfo machine) =>
        $"""
        ## {title}

        {machine.Date} · {machine.Cpu}, {machine.Cores} cores (load {machine.LoadAverage} at start) · libtorch {machine.Libtorch} · BLAS: {machine.Blas}
        · {machine.Threads} thread(s) · device {machine.Device} · {machine.DotNet} (GC region range {machine.GcRegionRange}) · binding {machine.Backend}{(machine.PyTorch is null ? "" : $" · PyTorch {machine.PyTorch}")} · {machine.Allocator}{(machine.Peers.Count == 0 ? "" : $"\n· peers in the Debian 13 root: {string.Join("; ", machine.Peers)}")}


        """;

    public static string Milliseconds(double seconds) => (seconds * 1000).ToString(seconds < 0.01 ? "F3" : "F1", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
