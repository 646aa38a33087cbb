using System.Diagnostics;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Export;

/// <summary>The figures notebook exported with <c>export --to app</c> builds and runs with <c>dotnet run</c>.</summary>
public sealed class ExportedAppTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Fact]
    public async Task The_exported_app_runs_and_saves_the_figures_the_notebook_displays()
    {
        var app = Path.Combine(_fixtures.Path, "app", "figures.cs");
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await GanKit.Notebooks.Cli.CommandLine.RunAsync(
            ["export", "--to", "app", _fixtures["figures.ipynb"], "-o", app, "--project", RepositoryPaths.DisplayProject], output, error);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
        var (runExit, log) = await DotnetRunAsync(app);
        Assert.True(runExit == 0, log);

        var figures = Path.Combine(_fixtures.Path, "app", "figures-figures");
        Assert.Equal(
            ["figure-01.png", "figure-02.png", "figure-03.html", "figure-04.html", "figure-05.png"],
            Directory.GetFiles(figures).Select(Path.GetFileName).Order());
        var grid = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(figures, "figure-02.png")));
        Assert.Equal((366, 366), (grid.Width, grid.Height));
        Assert.Contains("done step 5/5", File.ReadAllText(Path.Combine(figures, "figure-03.html")));
        Assert.Contains("[figure-02.png] 16 grayscale image(s)", log);
    }

    private static async Task<(int ExitCode, string Log)> DotnetRunAsync(string app)
    {
        var start = new ProcessStartInfo("dotnet", ["run", Path.GetFileName(app)])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
