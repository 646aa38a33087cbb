using System.Globalization;
using System.Net;
using System.Text;
using GanKit.Display.Formatting;
using GanKit.Display.Images;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Progress;

/// <summary>
/// A snapshot of a training run for display: step, losses, the discriminator's mean outputs on real and
/// generated data (D(x), D(G(z))), speed, time left and the latest sample grid.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<TrainingProgress>), PreferredMimeTypes = [Mime.Html, Mime.PlainText])]
public sealed record TrainingProgress : IMimeRenderable
{
    public string? Title { get; init; }

    public long Step { get; init; }

    public long TotalSteps { get; init; }

    /// <summary>What a step counts ("step", or "experiment" for a loop over experiments); its plural adds an s.</summary>
    public string StepUnit { get; init; } = "step";

    public IReadOnlyDictionary<string, double> Losses { get; init; } = new Dictionary<string, double>();

    /// <summary>Mean D(x): the discriminator's output on real data.</summary>
    public double? DReal { get; init; }

    /// <summary>Mean D(G(z)): the discriminator's output on generated data.</summary>
    public double? DFake { get; init; }

    public double StepsPerSecond { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Estimated time left, once the speed is known.</summary>
    public TimeSpan? Eta { get; init; }

    public ImageGrid? Samples { get; init; }

    /// <summary>"running", "done" or "stopped".</summary>
    public string State { get; init; } = "running";

    public double Fraction => TotalSteps <= 0 ? 0 : Math.Clamp((double)Step / TotalSteps, 0, 1);

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<TrainingProgress>.PreferredMimeTypes;

    public void Render(string mimeType, TextWriter writer) =>
        writer.Write(mimeType == Mime.Html ? ToHtml() : ToString());

    public string ToHtml()
    {
        var html = new StringBuilder("<div>");
        if (Title is not null)
        {
            html.Append("<b>").Append(WebUtility.HtmlEncode(Title)).Append("</b><br/>");
        }

        html.Append(Invariant($"<progress max=\"{TotalSteps}\" value=\"{Step}\"></progress> "))
            .Append(WebUtility.HtmlEncode(StatusLine()))
            .Append("<table><tr>");
        foreach (var (name, _) in Metrics())
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
        }

        html.Append("</tr><tr>");
        foreach (var (_, value) in Metrics())
        {
            html.Append("<td style=\"text-align:right\">").Append(Number(value)).Append("</td>");
        }

        html.Append("</tr></table>");
        if (Samples is not null)
        {
            html.Append(Samples.HtmlImage());
        }

        return html.Append("</div>").ToString();
    }

    public override string ToString()
    {
        var metrics = string.Join("  ", Metrics().Select(m => $"{m.Name} {Number(m.Value)}"));
        return $"{(Title is null ? "" : Title + ": ")}{StatusLine()}{(metrics.Length == 0 ? "" : "  " + metrics)}";
    }

    private string StatusLine() => Invariant(
        $"{State} {StepUnit} {Step}/{TotalSteps} ({Fraction * 100:F0}%), {StepsPerSecond:F1} {StepUnit}s/s, elapsed {Clock(Elapsed)}, ETA {(Eta is { } eta ? Clock(eta) : "?")}");

    private IEnumerable<(string Name, double Value)> Metrics()
    {
        foreach (var (name, value) in Losses)
        {
            yield return (name, value);
        }

        if (DReal is { } real)
        {
            yield return ("D(x)", real);
        }

        if (DFake is { } fake)
        {
            yield return ("D(G(z))", fake);
        }
    }

    private static string Clock(TimeSpan time) => time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
