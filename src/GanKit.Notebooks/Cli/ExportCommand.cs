using System.CommandLine;
using GanKit.IO;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Export;
using GanKit.Notebooks.Model;

namespace GanKit.Notebooks.Cli;

/// <summary>
/// <c>gankit-nb export --to app NOTEBOOK [-o FILE] [--project CSPROJ]</c>: writes a file-based app. The
/// project defaults to src/GanKit/GanKit.csproj of the repository holding the output file.
/// </summary>
internal static class ExportCommand
{
    private const string DefaultProject = "src/GanKit/GanKit.csproj";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var to = new Option<string>("--to") { Description = "Export format; 'app' writes a .NET 10 file-based app.", Required = true };
        to.AcceptOnlyFromAmong("app");
        var notebookPath = new Argument<string>("notebook") { Description = "The notebook (.ipynb) to export." };
        var outputPath = new Option<string?>("--output", "-o") { Description = "The app file to write; defaults to the notebook's name with .cs." };
        var project = new Option<string?>("--project") { Description = $"The project the app references; defaults to {DefaultProject} in the enclosing repository." };
        var command = new Command("export", "Export a notebook to a file-based app.") { to, notebookPath, outputPath, project };
        command.SetAction(result =>
        {
            var source = result.GetValue(notebookPath)!;
            var target = result.GetValue(outputPath) ?? Path.ChangeExtension(source, ".cs");
            try
            {
                var projectPath = result.GetValue(project) ?? FindDefaultProject(target);
                var app = AppExporter.Export(Notebook.Load(source), source, target, projectPath);
                AtomicFile.WriteAllText(target, app);
                output.WriteLine($"Wrote {target}; run it with: dotnet run {target}");
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                error.WriteLine($"Cannot export {source}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static string FindDefaultProject(string target)
    {
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(target))!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")))
            {
                return Path.Combine(folder.FullName, DefaultProject);
            }
        }

        throw new IOException($"No repository (a folder with Directory.Build.props) encloses {target}; pass --project.");
    }
}
