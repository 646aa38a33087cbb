using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Runner;

/// <summary>
/// The tutorial notebooks in notebooks/ keep our conventions: valid nbformat 4.5 with Polyglot metadata, one setup
/// cell that loads gankit.csx (the build and GanKit's namespaces), a parameters cell the runner can override line by
/// line, smoke parameters that name declared variables, and committed outputs from a complete run (every code cell executed, no errors).
/// </summary>
public sealed partial class RepositoryNotebookTests
{
    private static readonly string[] Notebooks = Directory.Exists(Path.Combine(RepositoryPaths.Root, "notebooks"))
        ? Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "notebooks"), "*.ipynb").OrderBy(p => p, StringComparer.Ordinal).ToArray()
        : [];

    private static JsonObject Load(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    private static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    private static IEnumerable<JsonObject> CodeCells(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Cast<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code");

    private static bool Tagged(JsonObject cell, string tag) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t!.GetValue<string>() == tag);

    [GeneratedRegex(@"^\s*#r\s", RegexOptions.Multiline)]
    private static partial Regex ReferenceDirective();

    [GeneratedRegex(@"^\s*#load\s", RegexOptions.Multiline)]
    private static partial Regex LoadDirective();

    // One declaration per line; a trailing comment may say what the value is or what the original used.
    [GeneratedRegex(@"^(int|long|double|float|bool|string|decimal) (\w+) = [^;]+;(\s*//.*)?$")]
    private static partial Regex TypedParameter();

    [Fact]
    public void Every_tutorial_notebook_is_valid_nbformat_with_polyglot_metadata()
    {
        Assert.NotEmpty(Notebooks);
        foreach (var path in Notebooks)
        {
            Assert.Empty(NbformatSchema.Validate(File.ReadAllText(path)));
            var notebook = Load(path);
            Assert.Equal(".net-csharp", notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.Equal("csharp", notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
            Assert.All(CodeCells(notebook), cell =>
            {
                Assert.Equal("csharp", cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
                Assert.Equal("csharp", cell["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
            });
        }
    }

    [Fact]
    public void Only_the_first_code_cell_loads_gankit_csx_which_references_the_build_and_opens_the_namespaces()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "notebooks", "gankit.csx"));
        Assert.Single(ReferenceDirective().Matches(script));
        Assert.Contains("#r \"../src/GanKit/bin/Release/net8.0/GanKit.dll\"", script);
        // A loaded script's plain usings stay in it: only global ones reach the notebook's cells.
        Assert.DoesNotMatch(new Regex(@"^\s*using\s", RegexOptions.Multiline), script);
        Assert.Matches(new Regex(@"^global using GanKit\.Training;$", RegexOptions.Multiline), script);
        foreach (var path in Notebooks)
        {
            var cells = CodeCells(Load(path)).Select(Source).ToArray();
            Assert.Single(LoadDirective().Matches(cells[0]));
            Assert.Contains("#load \"gankit.csx\"", cells[0]);
            Assert.DoesNotMatch(ReferenceDirective(), cells[0]);
            Assert.DoesNotContain("using GanKit", cells[0]);
            Assert.All(cells.Skip(1), source => Assert.DoesNotMatch(ReferenceDirective(), source));
            Assert.All(cells.Skip(1), source => Assert.DoesNotMatch(LoadDirective(), source));
            Assert.All(cells, source => Assert.DoesNotContain("#!", source));
        }
    }

    [Fact]
    public void The_parameters_cell_declares_one_typed_variable_per_line_and_smoke_parameters_name_them()
    {
        foreach (var path in Notebooks)
        {
            var notebook = Load(path);
            var parameters = Assert.Single(CodeCells(notebook), c => Tagged(c, "parameters"));
            var declared = new HashSet<string>();
            foreach (var line in Source(parameters).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var match = TypedParameter().Match(line);
                Assert.True(match.Success, $"{path}: '{line}' is not one typed parameter");
                declared.Add(match.Groups[2].Value);
            }

            var smoke = Assert.IsType<JsonObject>(notebook["metadata"]!["gankit"]!["smoke_parameters"]);
            Assert.NotEmpty(smoke);
            Assert.All(smoke, pair => Assert.Contains(pair.Key, declared));
        }
    }

    [Fact]
    public void Committed_outputs_come_from_a_complete_run_without_errors()
    {
        foreach (var path in Notebooks)
        {
            var notebook = Load(path);
            Assert.All(CodeCells(notebook), cell =>
            {
                Assert.NotNull(cell["execution_count"]);
                Assert.DoesNotContain(cell["outputs"]!.AsArray(), o => o!["output_type"]!.GetValue<string>() == "error");
            });
            Assert.DoesNotContain(CodeCells(notebook), c => Tagged(c, "injected-parameters")); // a full-fidelity run, not a smoke run
        }
    }
}
