using System.Text.Json.Nodes;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _fixtures.Dispose();

    private Task<int> Run(params string[] args) => GanKit.Notebooks.Cli.CommandLine.RunAsync(["run", .. args], _output, _error);

    private string OutputFolder => Path.Combine(_fixtures.Path, "executed");

    [Fact]
    public async Task A_failing_notebook_exits_non_zero_naming_the_cell_and_still_writes_its_outputs()
    {
        var exitCode = await Run(_fixtures["failing.ipynb"], "-o", OutputFolder);

        Assert.Equal(ExitCodes.CellFailed, exitCode);
        var written = Path.Combine(OutputFolder, "failing.ipynb");
        var failingId = Notebook.Load(_fixtures["failing.ipynb"]).Cells[2].Id;
        Assert.Contains($"cell 3 (id {failingId}) failed: InvalidOperationException: the model diverged", _error.ToString());
        Assert.Empty(NbformatSchema.Validate(File.ReadAllText(written)));
        Assert.Single(Outputs.OfType(Notebook.Load(written).Cells[2], "error"));
        Assert.Empty(Notebook.Load(_fixtures["failing.ipynb"]).Cells[0].Outputs); // the input is untouched
    }

    [Fact]
    public async Task A_folder_runs_every_notebook_and_prints_a_summary()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_fixtures.Path, "passing")).FullName;
        File.Copy(_fixtures["display-update.ipynb"], Path.Combine(folder, "a.ipynb"));
        File.Copy(_fixtures["parameters.ipynb"], Path.Combine(folder, "b.ipynb"));

        var exitCode = await Run(folder, "-o", OutputFolder);

        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        Assert.True(File.Exists(Path.Combine(OutputFolder, "a.ipynb")));
        Assert.True(File.Exists(Path.Combine(OutputFolder, "b.ipynb")));
        var summary = _output.ToString();
        Assert.Contains("a.ipynb", summary);
        Assert.Contains("4/4", summary);
        Assert.Contains("2/2", summary);
        Assert.Contains("ok", summary);
    }

    // As Polyglot and Jupyter give each notebook a kernel process: what one notebook sets for its process (libtorch's
    // thread count in notebook 02) must not reach the next.
    [Fact]
    public async Task Several_notebooks_run_each_in_a_process_of_its_own_with_the_options_given()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_fixtures.Path, "isolated")).FullName;
        var epochs = NotebookCell.Code("int epochs = 1;", "parameters"); // -p applies to every notebook
        new Notebook(new JsonObject(), [epochs, NotebookCell.Code("""Environment.SetEnvironmentVariable("GANKIT_NB_TEST", "left by a");""")])
            .Save(Path.Combine(folder, "a.ipynb"));
        new Notebook(new JsonObject(), [epochs, NotebookCell.Code("""Console.Write(Environment.GetEnvironmentVariable("GANKIT_NB_TEST") ?? "clean");""")])
            .Save(Path.Combine(folder, "b.ipynb"));
        File.Copy(_fixtures["parameters.ipynb"], Path.Combine(folder, "c.ipynb"));

        var exitCode = await Run(folder, "-o", OutputFolder, "-p", "epochs=3");

        Assert.True(exitCode == ExitCodes.Success, _error.ToString());
        Assert.Equal("clean", Outputs.Stream(Notebook.Load(Path.Combine(OutputFolder, "b.ipynb")).CodeCells.Last(), "stdout"));
        var c = Notebook.Load(Path.Combine(OutputFolder, "c.ipynb"));
        Assert.StartsWith("3|", Outputs.Text(Outputs.OfType(c.CodeCells.Last(), "execute_result").Single()["data"]!["text/plain"]));
        Assert.Matches(@"c\.ipynb\s*│\s*3/3\s*│", _output.ToString()); // with the injected cell, as its process reported them
        Assert.Null(Environment.GetEnvironmentVariable("GANKIT_NB_TEST"));
    }

    [Fact]
    public async Task A_notebook_that_ends_its_process_fails_alone_and_the_next_one_runs()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_fixtures.Path, "crash")).FullName;
        new Notebook(new JsonObject(), [NotebookCell.Code("Environment.Exit(42);")]).Save(Path.Combine(folder, "a.ipynb"));
        new Notebook(new JsonObject(), [NotebookCell.Code("""Console.Write("b ran");""")]).Save(Path.Combine(folder, "b.ipynb"));

        var exitCode = await Run(folder, "-o", OutputFolder);

        Assert.Equal(ExitCodes.CellFailed, exitCode);
        Assert.Contains("a.ipynb: its gankit-nb process ended with code 42 without a report", _error.ToString());
        Assert.Equal("b ran", Outputs.Stream(Notebook.Load(Path.Combine(OutputFolder, "b.ipynb")).CodeCell(1), "stdout"));
    }

    [Fact]
    public async Task Without_an_output_folder_the_notebook_is_written_in_place()
    {
        var exitCode = await Run(_fixtures["parameters.ipynb"], "-p", "epochs=3");

        Assert.Equal(ExitCodes.Success, exitCode);
        var notebook = Notebook.Load(_fixtures["parameters.ipynb"]);
        Assert.StartsWith("3|", Outputs.Text(Outputs.OfType(notebook.CodeCells.Last(), "execute_result").Single()["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_timed_out_cell_exits_with_its_own_code()
    {
        var exitCode = await Run(_fixtures["timeout.ipynb"], "-o", OutputFolder, "--timeout", "0.5", "--grace", "0.2");

        Assert.Equal(ExitCodes.CellTimedOut, exitCode);
        Assert.Contains("timed out", _error.ToString());
    }

    [Theory]
    [InlineData("parameters.ipynb", "-p", "not-a-pair")]
    [InlineData("parameters.ipynb", "-p", "missing=1")]
    [InlineData("no-such-notebook.ipynb")]
    public async Task Unusable_input_exits_with_the_invalid_input_code(string notebook, params string[] args)
    {
        var exitCode = await Run([_fixtures[notebook], "-o", OutputFolder, .. args]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.NotEmpty(_error.ToString());
    }
}
