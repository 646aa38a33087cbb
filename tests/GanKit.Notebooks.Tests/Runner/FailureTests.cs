using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Runner;

public sealed class FailureTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public async Task A_throwing_cell_fails_the_run_with_an_error_output_naming_the_cell()
    {
        var result = await _fixtures.RunAsync("failing.ipynb");

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(ExitCodes.CellFailed, result.ExitCode);
        var failing = result.Notebook.Cells[2];
        Assert.Equal(failing.Id, result.FailedCell!.Id);
        Assert.Equal(3, result.FailedCell.Position);
        var error = Assert.Single(Outputs.OfType(failing, "error"));
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("the model diverged", error["evalue"]!.GetValue<string>());
        Assert.Contains($"cell 3 (id {failing.Id})", error["traceback"]![0]!.GetValue<string>());
        Assert.Contains("cell 3", result.Message);
    }

    [Fact]
    public async Task Cells_after_a_failure_do_not_run()
    {
        var result = await _fixtures.RunAsync("failing.ipynb");

        Assert.Equal("before\n", Outputs.Stream(result.Notebook.CodeCell(1), "stdout").ReplaceLineEndings("\n"));
        var after = result.Notebook.CodeCell(3);
        Assert.Empty(after.Outputs);
        Assert.Null(after.ExecutionCount);
        Assert.Equal(2, result.Cells.Count);
    }

    [Fact]
    public async Task A_compile_error_is_reported_with_its_position_in_the_cell()
    {
        var result = await _fixtures.RunAsync("compile-error.ipynb");

        Assert.Equal(RunStatus.Failed, result.Status);
        var error = Assert.Single(Outputs.OfType(result.Notebook.CodeCell(1), "error"));
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Contains("(1,9): error CS0103", error["evalue"]!.GetValue<string>());
        Assert.Empty(result.Notebook.CodeCell(2).Outputs);
    }

    [Fact]
    public async Task A_cell_that_ignores_its_token_is_stopped_by_the_timeout()
    {
        var options = new RunOptions { CellTimeout = TimeSpan.FromSeconds(0.5), CancellationGrace = TimeSpan.FromSeconds(0.2) };

        var result = await _fixtures.RunAsync("timeout.ipynb", options);

        Assert.Equal(RunStatus.TimedOut, result.Status);
        Assert.Equal(ExitCodes.CellTimedOut, result.ExitCode);
        Assert.Equal(1, result.FailedCell!.Position);
        var error = Assert.Single(Outputs.OfType(result.Notebook.CodeCell(1), "error"));
        Assert.Equal("CellTimeoutException", error["ename"]!.GetValue<string>());
        Assert.Contains("did not finish within 0.5 s", error["evalue"]!.GetValue<string>());
        Assert.Empty(result.Notebook.CodeCell(2).Outputs);
    }

    [Fact]
    public async Task Cancellation_reaches_the_cell_through_the_kernel_invocation_token()
    {
        using var cancellation = new CancellationTokenSource();
        var options = new RunOptions
        {
            // Cancel once the cell says its loop is running; the generous grace lets it stop cleanly.
            OnCell = e =>
            {
                if (e.Number == 2 && e.Status is null)
                {
                    _ = Task.Run(async () =>
                    {
                        while (AppDomain.CurrentDomain.GetData("cancellation-fixture.polling") is not true)
                        {
                            await Task.Delay(10);
                        }

                        await cancellation.CancelAsync();
                    });
                }
            },
            CancellationGrace = TimeSpan.FromMinutes(1),
        };

        var result = await _fixtures.RunAsync("cancellation.ipynb", options, cancellation.Token);

        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        var cell = result.Notebook.CodeCell(2);
        Assert.Equal("stopped cleanly\n", Outputs.Stream(cell, "stdout").ReplaceLineEndings("\n"));
        Assert.Contains("it stopped", Outputs.OfType(cell, "error").Single()["evalue"]!.GetValue<string>());
        Assert.Empty(result.Notebook.CodeCell(3).Outputs);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_runs_no_code()
    {
        var result = await _fixtures.RunAsync("failing.ipynb", cancellation: new CancellationToken(canceled: true));

        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.Equal("", Outputs.Stream(result.Notebook.CodeCell(1), "stdout"));
    }
}
