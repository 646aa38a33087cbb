using System.CommandLine;
using System.CommandLine.Invocation;
using GanKit.Cli.Metrics;

namespace GanKit.Cli;

/// <summary>The <c>gankit</c> command line: <c>metrics</c>.</summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        RunAsync(args, output, error, MetricsComputation.Compute);

    /// <summary>As the public overload, with the computation given (tests drive the command with their own).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter? output, TextWriter? error, Func<MetricsInputs, MetricsReport> compute)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("GanKit's command line: GAN metrics on feature matrices or image folders.")
        {
            MetricsCommand.Create(output, error, compute),
        };
        var parse = root.Parse(args);
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        // System.CommandLine ends a usage error with 1; scripts get the code of every other unusable input.
        return parse.Action is ParseErrorAction ? ExitCodes.InvalidInput : exitCode;
    }
}
