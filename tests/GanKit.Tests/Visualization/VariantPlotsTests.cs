using System.Text.Json.Nodes;
using GanKit.Training.Variants;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

/// <summary>Notebook 06's figures.</summary>
public sealed class VariantPlotsTests
{
    private static List<string> Names(string json) =>
        JsonNode.Parse(json)!["data"]!.AsArray().Select(t => t!["name"]?.GetValue<string>() ?? "").ToList();

    [Fact]
    public void EachVariantGetsThePanelsOfItsOwnNumbers()
    {
        using var wgan = new WassersteinGan(WassersteinOptions.Wgan);
        using var gp = new WassersteinGan(WassersteinOptions.WganGp);
        using var info = new InfoGan(new InfoGanOptions());
        var wganNames = Names(VariantPlots.Curves(wgan, [new VariantPoint(20, [0.5, -0.1]), new VariantPoint(40, [0.4, -0.2])], 100).Json);
        Assert.Equal(["W estimate"], wganNames);
        Assert.Contains("penalty", Names(VariantPlots.Curves(gp, [new VariantPoint(20, [0.5, 0.3, -0.1])], 100).Json));
        var infoNames = Names(VariantPlots.Curves(info, [new VariantPoint(20, [1.3, 0.7, 0.6, 0.4, 1.9, 0.1])], 100).Json);
        Assert.Contains("all of it: ln 10", infoNames);
        Assert.Contains("guessing 0: 1/3", infoNames);
        Assert.Contains("0.5: cannot tell", infoNames);
    }

    [Fact]
    public void TheCodeEffectsDrawOneLinePerCodeInEachPanel()
    {
        var effects = new[]
        {
            new CodeEffect(0, [-1.0, 1.0], [-0.2, 0.3], [3.0, 3.1], [0.1, 0.1]),
            new CodeEffect(1, [-1.0, 1.0], [0.0, 0.0], [2.5, 3.5], [0.1, 0.12]),
        };
        var names = Names(VariantPlots.CodeEffects(effects).Json);
        Assert.Equal(6, names.Count);
        Assert.Equal(3, names.Count(n => n.StartsWith("c2", StringComparison.Ordinal)));
        Assert.Equal((0.5, 0.10000000000000009, 0.0), effects[0].Change);
    }

    [Fact]
    public void TheScoreboardAddsATimePanelWhenGivenMinutes()
    {
        string[] names = ["a", "b"];
        var without = JsonNode.Parse(MetricPlots.Scoreboard(names, [10, 20], [0.1, 0.2], [0.5, 0.6], [0.7, 0.8]).Json)!["data"]!.AsArray();
        var with = JsonNode.Parse(MetricPlots.Scoreboard(names, [10, 20], [0.1, 0.2], [0.5, 0.6], [0.7, 0.8], "t", [3.5, double.NaN]).Json)!["data"]!.AsArray();
        Assert.Equal(4, without.Count);
        Assert.Equal(5, with.Count);
        Assert.Equal([3.5, 0], with[2]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
    }
}
