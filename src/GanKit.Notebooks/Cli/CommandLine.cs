using System.CommandLine;

namespace GanKit.Notebooks.Cli;

/// <summary>The <c>gankit-nb</c> command line: <c>run</c> and <c>export</c>.</summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Runs Polyglot C# notebooks headless and exports them to file-based apps.")
        {
            RunCommand.Create(output, error),
            ExportCommand.Create(output, error),
        };

        // Ctrl-C is handled by the run command itself, which cancels the running cell and saves outputs.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return root.Parse(args).InvokeAsync(configuration);
    }
}
