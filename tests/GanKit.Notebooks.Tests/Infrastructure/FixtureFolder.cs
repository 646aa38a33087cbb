using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;

namespace GanKit.Notebooks.Tests.Infrastructure;

/// <summary>A fresh temporary copy of the fixture notebooks, so runs never touch the originals or each other.</summary>
public sealed class FixtureFolder : IDisposable
{
    public FixtureFolder()
    {
        Path = Directory.CreateTempSubdirectory("gankit-nb-tests-").FullName;
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures")))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    public string LibFolder => Directory.CreateDirectory(System.IO.Path.Combine(Path, "lib")).FullName;

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// Copies GanKit.Display.dll, as the test build made it, into lib/ for notebooks to #r, with the assemblies it
    /// needs (Plotly.NET, FSharp.Core, PuppeteerSharp, …) found by following its references within the test's output.
    /// </summary>
    public FixtureFolder WithDisplayLibrary()
    {
        var display = typeof(GanKit.Display.Tables.Table).Assembly;
        var folder = System.IO.Path.GetDirectoryName(display.Location)!;
        var pending = new Stack<System.Reflection.AssemblyName>([display.GetName()]);
        var copied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryPop(out var name))
        {
            var file = System.IO.Path.Combine(folder, name.Name + ".dll");
            if (!File.Exists(file) || !copied.Add(name.Name!))
            {
                continue; // a framework assembly, or one already copied
            }

            File.Copy(file, System.IO.Path.Combine(LibFolder, name.Name + ".dll"), overwrite: true);
            foreach (var reference in References(file))
            {
                pending.Push(reference);
            }
        }

        return this;
    }

    private static IEnumerable<System.Reflection.AssemblyName> References(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToArray();
    }

    public Task<NotebookRunResult> RunAsync(string name, RunOptions? options = null, CancellationToken cancellation = default) =>
        NotebookRunner.RunAsync(Notebook.Load(this[name]), Path, options ?? new RunOptions(), cancellation);

    /// <summary>Runs a notebook made of these code cells, in order, in this folder.</summary>
    public Task<NotebookRunResult> RunCellsAsync(params string[] sources) =>
        NotebookRunner.RunAsync(new Notebook(new System.Text.Json.Nodes.JsonObject(), [.. sources.Select(source => NotebookCell.Code(source))]), Path, new RunOptions());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A cell abandoned after a timeout may still hold a file open; the temp folder is harmless.
        }
    }
}
