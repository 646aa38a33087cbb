using GanKit.Display.Charts;
using GanKit.Training.Variants;
using Plotly.NET;

namespace GanKit.Visualization;

/// <summary>The figures of notebook 06's GAN variants: their training curves, and what InfoGAN's continuous codes do.</summary>
public static class VariantPlots
{
    /// <summary>
    /// A variant's curves over generator steps, one panel per question: the losses and D's mean outputs (CGAN, InfoGAN),
    /// the critic's Wasserstein estimate and WGAN-GP's penalty, how much of InfoGAN's codes Q reads back.
    /// <paramref name="totalSteps"/> fixes the x axis, so a live figure grows to the right instead of rescaling.
    /// </summary>
    public static PlotlyChart Curves(GanVariant variant, IReadOnlyList<VariantPoint> history, long totalSteps, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var names = variant.SeriesNames;
        var x = history.Select(p => (double)p.Step).ToArray();
        var xRange = (0.0, (double)Math.Max(1, totalSteps));
        bool Has(string name) => names.Contains(name);
        Trace Line(string name, string label, string color) =>
            PlotlyCharts.Line(x, history.Select(p => p.Values[IndexOf(names, name)]), label, color);
        Trace Level(double y, string label) => PlotlyCharts.Line([0, xRange.Item2], [y, y], label, GanPlots.Grey, dashed: true);

        var panels = new List<ChartPanel>();
        if (Has("loss D"))
            panels.Add(new ChartPanel("Losses", "generator step", "binary cross-entropy",
                [Line("loss D", "D: real and fake", GanPlots.Orange), Line("loss G", "G: fool D", GanPlots.Blue)]) { XRange = xRange });
        if (Has("D(x)"))
            panels.Add(new ChartPanel("D's mean output", "generator step", "probability of \"real\"",
                [Line("D(x)", "D(real)", GanPlots.Green), Line("D(G(z))", "D(generated)", GanPlots.Red), Level(0.5, "0.5: cannot tell")]) { XRange = xRange, YRange = (0, 1.02) });
        if (Has("W estimate"))
            panels.Add(new ChartPanel("The critic's Wasserstein estimate (should fall)", "generator step", "mean D(real) − mean D(fake)",
                [Line("W estimate", "W estimate", GanPlots.Purple)]) { XRange = xRange });
        if (Has("penalty"))
            panels.Add(new ChartPanel("Gradient penalty (before × λ)", "generator step", "mean (‖∇D(x̂)‖ − 1)²",
                [Line("penalty", "penalty", GanPlots.Magenta)]) { XRange = xRange });
        if (Has("MI category"))
            panels.Add(new ChartPanel("How much of the category Q reads back", "generator step", "MI lower bound (nats)",
                [Line("MI category", "ln 10 − Q's cross-entropy", GanPlots.Purple), Level(Math.Log(10), "all of it: ln 10")]) { XRange = xRange });
        if (Has("code error"))
            panels.Add(new ChartPanel("Q's error on the continuous codes", "generator step", "mean squared error",
                [Line("code error", "(c − Q's estimate)²", GanPlots.Magenta), Level(1.0 / 3, "guessing 0: 1/3")]) { XRange = xRange });
        return PlotlyCharts.Grid(Math.Min(panels.Count, 2), title ?? variant.Name, 460, 300, panels);
    }

    /// <summary>
    /// What each continuous code does to the digits: mean slant, width and ink (<see cref="Metrics.DigitShape"/>) at each
    /// value of the code, one line per code.
    /// </summary>
    public static PlotlyChart CodeEffects(IReadOnlyList<CodeEffect> effects, string? title = null)
    {
        string[] colours = [GanPlots.Blue, GanPlots.Orange, GanPlots.Green, GanPlots.Red];
        ChartPanel Panel(string panelTitle, string axis, Func<CodeEffect, IReadOnlyList<double>> values) =>
            new(panelTitle, "code value", axis,
                effects.Select((e, i) => PlotlyCharts.Line(e.Values, values(e), $"c{e.Code + 2} (continuous code {e.Code + 1})", colours[i % colours.Length])).ToList());
        return PlotlyCharts.Grid(3, title, 400, 320,
            [
                Panel("Slant: pixels right per pixel up", "slant", e => e.Slant),
                Panel("Width: horizontal spread in pixels", "width", e => e.Width),
                Panel("Ink: mean intensity", "ink", e => e.Ink),
            ]);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new ArgumentException($"no series named {name}", nameof(name));
    }
}
