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

    /// <summary>Copies GanKit.Display.dll, as the test build made it, into lib/ for notebooks to #r.</summary>
    public FixtureFolder WithDisplayLibrary()
    {
        File.Copy(typeof(GanKit.Display.Charts.Chart).Assembly.Location, System.IO.Path.Combine(LibFolder, "GanKit.Display.dll"), overwrite: true);
        return this;
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
