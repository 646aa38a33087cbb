using GanKit.Display.Progress;
using GanKit.Display.Terminal;
using GanKit.Notebooks.Tests.Infrastructure;
using Spectre.Console;

namespace GanKit.Notebooks.Tests.Display;

public sealed class TerminalProgressSinkTests
{
    [Fact]
    public void Live_progress_drives_one_bar_that_ends_with_the_final_state()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var clock = new ManualClock();
        var progress = new LiveProgress(20, "GAN", new TerminalProgressSink(console), clock);

        for (var step = 1; step <= 20; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            progress.Report(step, [("D", 0.5), ("G", 2.0)], dReal: 0.75, dFake: 0.25);
        }

        progress.Complete();

        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Contains("GAN done 20/20 4.0/s D 0.5  G 2  D(x) 0.75  D(G(z)) 0.25", text);
        Assert.Contains("100%", text);
    }
}
