using System.Diagnostics;
using System.Text.Json.Nodes;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Cli;

/// <summary>Ctrl-C (SIGINT) sent to a real gankit-nb process cancels the running cell and saves the outputs.</summary>
public sealed class CtrlCTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    // With two notebooks each runs in a process of its own; the signal goes to the parent only (as `kill` sends it), which
    // passes the cancellation on, and the second notebook never starts.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Sigint_cancels_the_running_cell_through_its_token_and_exits_130(int notebooks)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGINT cannot be sent to another process this way on Windows
        }

        var path = _fixtures["ctrl-c.ipynb"];
        new Notebook(new JsonObject(),
        [
            NotebookCell.Code("""
                var token = Microsoft.DotNet.Interactive.KernelInvocationContext.Current.CancellationToken;
                System.IO.File.WriteAllText("cell-started.flag", "");
                while (!token.IsCancellationRequested) System.Threading.Thread.Sleep(10);
                Console.WriteLine("stopped by Ctrl-C");
                """),
            NotebookCell.Code("Console.WriteLine(\"never\");"),
        ]).Save(path);
        var second = _fixtures["ctrl-c-second.ipynb"];
        new Notebook(new JsonObject(), [NotebookCell.Code("Console.WriteLine(\"never\");")]).Save(second);
        string[] paths = notebooks == 1 ? [path] : [path, second];

        // Through env --default-signal: a shell without job control starts background commands with SIGINT
        // ignored (POSIX), the child inherits that, and .NET then installs no Ctrl-C handler at all, so a
        // test run started with `&` would never deliver the signal.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "gankit-nb.dll"), "run", .. paths])
        {
            WorkingDirectory = _fixtures.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var flag = Path.Combine(_fixtures.Path, "cell-started.flag");
        while (!File.Exists(flag) && !process.HasExited)
        {
            await Task.Delay(20);
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // no runner left behind when the test fails
            }
        }

        Assert.True(process.ExitCode == ExitCodes.Cancelled, await stdout + await stderr);
        var written = Notebook.Load(path);
        Assert.Equal("stopped by Ctrl-C\n", Outputs.Stream(written.CodeCell(1), "stdout").ReplaceLineEndings("\n"));
        Assert.Equal("OperationCanceledException", Outputs.OfType(written.CodeCell(1), "error").Single()["ename"]!.GetValue<string>());
        Assert.Empty(written.CodeCell(2).Outputs);
        Assert.Empty(Notebook.Load(second).CodeCell(1).Outputs);
    }
}
