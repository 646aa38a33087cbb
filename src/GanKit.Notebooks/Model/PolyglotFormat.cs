using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GanKit.Notebooks.Model;

/// <summary>
/// The metadata VS Code Polyglot expects of a C# notebook (nbformat 4.5): the .net-csharp kernelspec,
/// polyglot_notebook.kernelInfo with csharp as default kernel, both per-cell kernel fields on code cells,
/// and an id on every cell. Existing values are kept; only what is missing is added.
/// </summary>
public static class PolyglotFormat
{
    public const string KernelName = "csharp";

    public static void Apply(Notebook notebook)
    {
        notebook.FormatMinor = Math.Max(notebook.FormatMinor, 5);
        var metadata = notebook.Metadata;
        metadata["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };

        var polyglot = metadata["polyglot_notebook"] as JsonObject ?? [];
        metadata["polyglot_notebook"] = polyglot;
        var kernelInfo = polyglot["kernelInfo"] as JsonObject ?? [];
        polyglot["kernelInfo"] = kernelInfo;
        kernelInfo["defaultKernelName"] ??= KernelName;
        kernelInfo["items"] ??= new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = KernelName });

        var usedIds = notebook.Cells.Select(c => c.Id).OfType<string>().ToHashSet();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            cell.Id ??= NewId(i, cell.Source, usedIds);
            if (cell.IsCode)
            {
                cell.Metadata["dotnet_interactive"] ??= new JsonObject { ["language"] = KernelName };
                cell.Metadata["polyglot_notebook"] ??= new JsonObject { ["kernelName"] = KernelName };
            }
        }
    }

    /// <summary>The kernel a code cell runs in: polyglot_notebook.kernelName, then dotnet_interactive.language, then the notebook default.</summary>
    public static string KernelOf(Notebook notebook, NotebookCell cell) =>
        cell.Metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? cell.Metadata["dotnet_interactive"]?["language"]?.GetValue<string>()
        ?? notebook.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>()
        ?? KernelName;

    // Ids derive from position and source, so re-running a notebook that lacked them gives the same ids.
    private static string NewId(int index, string source, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{index}:{attempt}:{source}"));
            var id = Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
            if (used.Add(id))
            {
                return id;
            }
        }
    }
}
