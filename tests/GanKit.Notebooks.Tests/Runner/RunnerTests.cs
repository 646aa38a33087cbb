using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Runner;

public sealed class RunnerTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public async Task Display_updates_collapse_to_the_final_value()
    {
        var result = await _fixtures.RunAsync("display-update.ipynb");

        Assert.Equal(RunStatus.Succeeded, result.Status);
        var displays = Outputs.OfType(result.Notebook.CodeCell(1), "display_data");
        var display = Assert.Single(displays);
        Assert.Equal("step 3", Outputs.Text(display["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Each_display_keeps_its_own_display_id_as_jupyter_names_it()
    {
        var result = await _fixtures.RunCellsAsync(
            "var first = display(\"a\"); var second = display(\"b\"); first.Update(\"a2\");",
            "new[] { first.DisplayId, second.DisplayId }");

        var displays = Outputs.OfType(result.Notebook.CodeCell(1), "display_data").ToArray();
        Assert.Equal(["a2", "b"], displays.Select(d => Outputs.Text(d["data"]!["text/plain"])));
        var ids = displays.Select(d => d["metadata"]!["transient"]!["display_id"]!.GetValue<string>()).ToArray();
        var returned = Outputs.Text(Outputs.OfType(result.Notebook.CodeCell(2), "execute_result").Single()["data"]!["text/plain"]);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.All(ids, id => Assert.Contains(id, returned));
    }

    [Fact]
    public async Task A_later_cell_can_update_a_display_an_earlier_cell_made()
    {
        var result = await _fixtures.RunCellsAsync(
            "var shared = display(\"epoch 1\");",
            "shared.Update(\"epoch 2\");");

        var display = Assert.Single(Outputs.Of(result.Notebook.CodeCell(1)));
        Assert.Equal("epoch 2", Outputs.Text(display["data"]!["text/plain"]));
        Assert.Empty(result.Notebook.CodeCell(2).Outputs);
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_and_stream()
    {
        var result = await _fixtures.RunAsync("display-update.ipynb");

        var cell = result.Notebook.CodeCell(2);
        Assert.Equal("to stdout\nmore stdout\n", Outputs.Stream(cell, "stdout").ReplaceLineEndings("\n"));
        Assert.Equal("to stderr\n", Outputs.Stream(cell, "stderr").ReplaceLineEndings("\n"));
        Assert.Empty(Outputs.OfType(result.Notebook.CodeCell(1), "stream"));
    }

    [Fact]
    public async Task A_trailing_expression_becomes_an_execute_result()
    {
        var result = await _fixtures.RunAsync("display-update.ipynb");

        var cell = result.Notebook.CodeCell(3);
        var value = Assert.Single(Outputs.Of(cell));
        Assert.Equal("execute_result", value["output_type"]!.GetValue<string>());
        Assert.Equal("42", Outputs.Text(value["data"]!["text/plain"]));
        Assert.Equal(cell.ExecutionCount, value["execution_count"]!.GetValue<int>());
        Assert.Equal([1, 2, 3, 4], result.Notebook.CodeCells.Select(c => c.ExecutionCount ?? -1));
    }

    [Fact]
    public async Task Html_helper_displays_as_text_html()
    {
        var result = await _fixtures.RunAsync("display-update.ipynb");

        var display = Assert.Single(Outputs.Of(result.Notebook.CodeCell(4)));
        Assert.Equal("<b>bold</b>", Outputs.Text(display["data"]!["text/html"]));
    }

    [Fact]
    public async Task A_referenced_assembly_loads_with_its_dependencies_from_the_same_folder()
    {
        FixtureAssemblies.Build(_fixtures.LibFolder);

        var result = await _fixtures.RunAsync("reference.ipynb");

        Assert.True(result.Status == RunStatus.Succeeded, result.Message);
        var value = Assert.Single(Outputs.Of(result.Notebook.CodeCell(2)));
        Assert.Equal("Hello, notebook!", Outputs.Text(value["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_loaded_script_resolves_its_paths_from_its_folder_and_only_its_global_usings_reach_later_cells()
    {
        // What a one-line GanKit import (#load of a script with #r and usings) can rely on in the C# kernel.
        var scripts = Directory.CreateDirectory(Path.Combine(_fixtures.Path, "scripts")).FullName;
        File.WriteAllText(Path.Combine(scripts, "imports.csx"), "#load \"more.csx\"\nglobal using System.Numerics;\nusing System.Text.RegularExpressions;\n");
        File.WriteAllText(Path.Combine(scripts, "more.csx"), "var fromNestedScript = 42;\n");
        var result = await _fixtures.RunCellsAsync(
            "#load \"scripts/imports.csx\"",
            "new Complex(3, 4).Magnitude + fromNestedScript",
            "Regex.IsMatch(\"a\", \"a\")");

        Assert.Equal("47", Outputs.Text(Outputs.OfType(result.Notebook.CodeCell(2), "execute_result").Single()["data"]!["text/plain"]));
        var error = Outputs.OfType(result.Notebook.CodeCell(3), "error").Single();
        Assert.Contains("'Regex' does not exist", error["evalue"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_input_notebook_is_left_unchanged()
    {
        var input = GanKit.Notebooks.Model.Notebook.Load(_fixtures["display-update.ipynb"]);
        var before = input.ToJson();

        await GanKit.Notebooks.Execution.NotebookRunner.RunAsync(input, _fixtures.Path, new RunOptions());

        Assert.Equal(before, input.ToJson());
    }
}
