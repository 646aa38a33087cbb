using System.Text.Json.Nodes;
using GanKit.Metrics;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

/// <summary>Notebook 05's figures.</summary>
public sealed class MetricPlotsTests
{
    private static JsonArray Traces(string json) => JsonNode.Parse(json)!["data"]!.AsArray();

    [Fact]
    public void TheSampleSizeLineEndsAtTheInterceptAtOneOverNZeroAndMarksTenThousand()
    {
        var figure = JsonNode.Parse(MetricPlots.SampleSizeLine([(1000, 12.0), (2000, 11.0), (4000, 10.5)], slope: 2000, intercept: 10, "FID").Json)!;
        var data = figure["data"]!.AsArray();
        var infinity = data.Single(t => t!["name"]!.GetValue<string>().StartsWith("FID∞", StringComparison.Ordinal))!;
        Assert.Equal(0, infinity["x"]![0]!.GetValue<double>());
        Assert.Equal(10, infinity["y"]![0]!.GetValue<double>());
        var advice = data.Single(t => t!["name"]!.GetValue<string>().StartsWith("N = 10,000", StringComparison.Ordinal))!;
        Assert.Equal(1e-4, advice["x"]![0]!.GetValue<double>(), 12);
        Assert.Equal(10.2, advice["y"]![0]!.GetValue<double>(), 9);
        Assert.Contains("∞", figure["layout"]!["xaxis"]!["ticktext"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Throws<ArgumentException>(() => MetricPlots.SampleSizeLine([(1000, 12.0)], 1, 1, "FID"));
    }

    [Fact]
    public void TheSampleSizeTicksDoNotCrowdNextToInfinity()
    {
        var points = Enumerable.Range(0, 15).Select(i => (N: 500L + 321L * i, Value: 10.0)).ToList();
        var axis = JsonNode.Parse(MetricPlots.SampleSizeLine(points, slope: 1000, intercept: 10, "FID").Json)!["layout"]!["xaxis"]!;
        var values = axis["tickvals"]!.AsArray().Select(v => v!.GetValue<double>()).ToList();
        var labels = axis["ticktext"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Equal(["∞", "500", "4,994"], labels.Take(3));
        var width = 1.05 / 500;
        foreach (var (a, i) in values.Select((v, i) => (v, i)))
            foreach (var b in values.Skip(i + 1))
                Assert.True(Math.Abs(a - b) >= 0.08 * width, $"ticks {a} and {b} are closer than 8 % of the axis");
    }

    [Fact]
    public void TheBallsFigureCountsThePointsInsideAndColoursThemApart()
    {
        torch.manual_seed(8);
        var real = randn(30, 2, dtype: ScalarType.Float64);
        var fake = randn(20, 2, dtype: ScalarType.Float64) * 0.5 + 1;
        var balls = PrecisionRecall.Neighbourhoods(real, fake, 3);
        var pr = PrecisionRecall.Compute(real, fake, 3);
        var chart = MetricPlots.NeighbourhoodBalls(real, fake, balls.RealRadii, balls.FakeRadii, balls.FakeInsideReal, balls.RealInsideFake, 3);

        var title = JsonNode.Parse(chart.Json)!["layout"]!["title"]!["text"]!.GetValue<string>();
        Assert.Contains($"precision {pr.Precision:P0}", title);
        Assert.Contains($"recall {pr.Recall:P0}", title);
        var inside = Traces(chart.Json).Single(t => t!["name"]!.GetValue<string>() == "generated inside a ball")!;
        Assert.Equal(balls.FakeInsideReal.Count(b => b), inside["x"]!.AsArray().Count);
        Assert.Throws<ArgumentException>(() => MetricPlots.NeighbourhoodBalls(real, fake, balls.RealRadii.Skip(1).ToList(), balls.FakeRadii, balls.FakeInsideReal, balls.RealInsideFake, 3));
    }

    [Fact]
    public void TheSubsetHistogramCountsEverySubsetAndMarksTheMean()
    {
        double[] values = [1, 2, 2, 3, 10];
        var data = Traces(MetricPlots.SubsetSpread(values, "KID", bins: 3).Json);
        var counts = data[0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()).Where((_, i) => i % 2 == 0).ToArray();
        Assert.Equal([4.0, 0, 1], counts);
        Assert.Equal(3.6, data[1]!["x"]![0]!.GetValue<double>(), 9);
    }
}
