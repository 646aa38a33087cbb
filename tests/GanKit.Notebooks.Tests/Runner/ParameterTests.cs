using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Runner;

public sealed class ParameterTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private static RunOptions With(params string[] pairs) => new() { Parameters = ParameterInjection.Parse(pairs) };

    [Fact]
    public async Task Without_parameters_the_declared_defaults_are_used()
    {
        var result = await _fixtures.RunAsync("parameters.ipynb");

        Assert.Equal("10|0.0002|mnist|False|0.5", ValueOfLastCell(result));
        Assert.DoesNotContain(result.Notebook.Cells, c => c.Tags.Contains("injected-parameters"));
    }

    [Fact]
    public async Task Parameters_override_the_parameters_cell_with_the_declared_types()
    {
        var result = await _fixtures.RunAsync("parameters.ipynb", With("epochs=1", "learningRate=1e-3", "dataset=fashion \"mnist\"", "quick=true", "beta=0.25"));

        Assert.True(result.Status == RunStatus.Succeeded, result.Message);
        Assert.Equal("1|0.001|fashion \"mnist\"|True|0.25", ValueOfLastCell(result));
    }

    [Fact]
    public async Task Injected_values_are_recorded_in_a_tagged_cell_after_the_parameters_cell()
    {
        var result = await _fixtures.RunAsync("parameters.ipynb", With("epochs=1", "beta=0.25"));

        var cells = result.Notebook.Cells;
        var parameters = cells.FindIndex(c => c.Tags.Contains("parameters"));
        var injected = cells[parameters + 1];
        Assert.Contains("injected-parameters", injected.Tags);
        Assert.Contains("epochs = 1;", injected.Source);
        Assert.Contains("beta = 0.25f;", injected.Source);
        Assert.Equal("1", result.Notebook.Metadata["gankit"]!["parameters"]!["epochs"]!.GetValue<string>());
        Assert.Equal("csharp", injected.Metadata["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rerunning_an_output_notebook_replaces_its_injected_cell()
    {
        var first = await _fixtures.RunAsync("parameters.ipynb", With("epochs=1"));
        var second = await NotebookRunner.RunAsync(first.Notebook, _fixtures.Path, With("epochs=2"));

        var injected = Assert.Single(second.Notebook.Cells, c => c.Tags.Contains("injected-parameters"));
        Assert.Contains("epochs = 2;", injected.Source);
        Assert.StartsWith("2|", ValueOfLastCell(second));
    }

    [Fact]
    public void Smoke_parameters_come_from_the_notebook_and_yield_to_the_command_line()
    {
        var notebook = Notebook.Load(System.IO.Path.Combine(_fixtures.Path, "parameters.ipynb"));
        notebook.Metadata["gankit"] = new System.Text.Json.Nodes.JsonObject
        {
            ["smoke_parameters"] = new System.Text.Json.Nodes.JsonObject { ["epochs"] = 1, ["dataset"] = "tiny" },
        };

        var merged = ParameterInjection.WithSmokeParameters(notebook, ParameterInjection.Parse(["dataset=fake"]));

        Assert.Equal("1", merged["epochs"]);
        Assert.Equal("fake", merged["dataset"]);
        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public async Task The_recorded_parameters_sit_beside_the_smoke_parameters_under_one_key()
    {
        var notebook = Notebook.Load(System.IO.Path.Combine(_fixtures.Path, "parameters.ipynb"));
        notebook.Metadata["gankit"] = new System.Text.Json.Nodes.JsonObject
        {
            ["smoke_parameters"] = new System.Text.Json.Nodes.JsonObject { ["epochs"] = "1" },
        };

        var result = await NotebookRunner.RunAsync(notebook, _fixtures.Path, With("epochs=3"));

        Assert.True(result.Status == RunStatus.Succeeded, result.Message);
        var gankit = result.Notebook.Metadata["gankit"]!;
        Assert.Equal("1", gankit["smoke_parameters"]!["epochs"]!.GetValue<string>());
        Assert.Equal("3", gankit["parameters"]!["epochs"]!.GetValue<string>());
        Assert.DoesNotContain(result.Notebook.Metadata, entry => entry.Key != "gankit" && entry.Key.StartsWith("gankit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown=1")]
    [InlineData("epochs=ten")]
    public async Task Unusable_parameters_stop_the_run_before_later_cells(string pair)
    {
        var result = await _fixtures.RunAsync("parameters.ipynb", With(pair));

        Assert.Equal(RunStatus.InvalidInput, result.Status);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Empty(result.Notebook.CodeCells.Last().Outputs);
    }

    [Fact]
    public async Task Parameters_for_a_notebook_without_a_parameters_cell_are_rejected()
    {
        var result = await _fixtures.RunAsync("display-update.ipynb", With("epochs=1"));

        Assert.Equal(RunStatus.InvalidInput, result.Status);
        Assert.Contains("tagged 'parameters'", result.Message);
    }

    [Fact]
    public void Malformed_pairs_are_rejected() =>
        Assert.Throws<ParameterException>(() => ParameterInjection.Parse(["no-equals-sign"]));

    private static string ValueOfLastCell(NotebookRunResult result) =>
        Outputs.Text(Outputs.OfType(result.Notebook.CodeCells.Last(), "execute_result").Single()["data"]!["text/plain"]);
}
