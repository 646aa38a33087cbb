using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

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
        WriteAtomically(paths.Item1, markdown);
        WriteAtomically(paths.Item2, JsonSerializer.Serialize(data, json) + "\n");
        return paths;
    }

    // A reader (or a crash mid-write) never sees half a file.
    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Header(string title, MachineInfo machine) =>
        $"""
        ## {title}

        {machine.Date} · {machine.Cpu}, {machine.Cores} cores (load {machine.LoadAverage} at start) · libtorch {machine.Libtorch} · BLAS: {machine.Blas}
        · {machine.Threads} thread(s) · device {machine.Device} · {machine.DotNet} (GC region range {machine.GcRegionRange}) · binding {machine.Backend}{(machine.PyTorch is null ? "" : $" · PyTorch {machine.PyTorch}")}


        """;

    public static string Milliseconds(double seconds) => (seconds * 1000).ToString(seconds < 0.01 ? "F3" : "F1", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
