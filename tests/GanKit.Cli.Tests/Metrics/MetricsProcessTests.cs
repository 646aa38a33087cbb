using System.Diagnostics;

namespace GanKit.Cli.Tests.Metrics;

/// <summary>The built command as a process: its exit code and stderr for unusable input, with libtorch loaded beside it.</summary>
public sealed class MetricsProcessTests : IDisposable
{
    private readonly MetricsRun _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Unusable_input_ends_the_process_with_code_2_and_a_message_not_a_stack_trace()
    {
        // Reading both matrices loads the binding's native library from beside the command, as an installed tool does.
        var real = _files.Matrix("real.npy", 10, 3);
        var fake = _files.Matrix("fake.csv", 10, 5);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GanKit.Cli.dll"), "metrics", "--real", real, "--fake", fake])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var error = await stderr;
        Assert.True(process.ExitCode == ExitCodes.InvalidInput, await stdout + error);
        Assert.Equal("The real features have 3 dimensions but the fake features have 5: both sides must come from the same feature extractor.\n",
            error.ReplaceLineEndings("\n"));
        Assert.Empty(await stdout);
    }
}
