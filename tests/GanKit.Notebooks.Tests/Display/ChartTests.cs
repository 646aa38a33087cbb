using System.Text.Json;
using System.Xml.Linq;
using GanKit.Display.Charts;
using GanKit.Display.Formatting;

namespace GanKit.Notebooks.Tests.Display;

public sealed class ChartTests
{
    private static XDocument Svg(IMimeRenderable figure) => XDocument.Parse(figure.RenderToString(Mime.Svg));

    private static IEnumerable<XElement> All(XDocument svg, string name) => svg.Descendants().Where(e => e.Name.LocalName == name);

    private static Chart Losses() => new Chart("Losses", "step", "loss")
        .Line([3, 2, 1.5, 1.2], "D")
        .Line([1, 1.5, 2, 2.1], "G");

    [Fact]
    public void Line_series_draw_polylines_with_a_legend_titles_and_axis_labels()
    {
        var svg = Svg(Losses());

        Assert.Equal("http://www.w3.org/2000/svg", svg.Root!.Name.NamespaceName);
        Assert.Equal(2, All(svg, "polyline").Count());
        var texts = All(svg, "text").Select(t => t.Value).ToArray();
        Assert.Contains("Losses", texts);
        Assert.Contains("step", texts);
        Assert.Contains("loss", texts);
        Assert.Contains("D", texts);
        Assert.Contains("G", texts);
    }

    [Fact]
    public void Scatter_histogram_heatmap_and_function_series_all_render()
    {
        var chart = new Chart("Mixed")
            .Scatter([0, 1, 2], [1, 0, 1], "real")
            .Histogram([0.1, 0.2, 0.2, 0.9], bins: 4, name: "values")
            .Function(Math.Sin, 0, 3, "sin", samples: 10);
        var heatmap = new Chart("Heat").Heatmap(new double[,] { { 0, 1 }, { 2, 3 } });

        var svg = Svg(chart);

        Assert.Equal(3, All(svg, "circle").Count(c => c.Parent!.Name.LocalName == "g"));
        var histogram = (HistogramSeries)chart.Series[1];
        Assert.Equal([3, 0, 0, 1], histogram.Counts()); // bins of 0.2 from 0.1 to 0.9
        Assert.Single(All(svg, "polyline"));
        Assert.Equal(10, All(svg, "polyline").Single().Attribute("points")!.Value.Split(' ').Length);
        var cells = All(Svg(heatmap), "rect").Where(r => r.Attribute("fill")!.Value.StartsWith('#') && r.Attribute("fill")!.Value != "#ffffff").ToArray();
        Assert.Equal(4, cells.Length);
        Assert.Equal("#440154", cells[0].Attribute("fill")!.Value); // min → Viridis start
        Assert.Equal("#fde725", cells[3].Attribute("fill")!.Value); // max → Viridis end
    }

    [Fact]
    public void Subplots_lay_panels_out_in_a_grid()
    {
        var figure = Figure.Grid(2, Losses(), new Chart("B").Line([1, 2]), new Chart("C").Line([2, 1])) ;

        var svg = Svg(figure);

        Assert.Equal((2, 2), (figure.Columns, figure.Rows));
        Assert.Equal("960", svg.Root!.Attribute("width")!.Value);
        Assert.Equal("640", svg.Root.Attribute("height")!.Value);
        Assert.Equal(4, All(svg, "polyline").Count());
    }

    [Fact]
    public void Non_finite_values_are_skipped_in_svg_and_null_in_plotly()
    {
        var chart = new Chart().Line([1, double.NaN, 3], "x");

        Assert.Equal(2, Svg(chart).Descendants().Single(e => e.Name.LocalName == "polyline").Attribute("points")!.Value.Split(' ').Length);
        using var json = JsonDocument.Parse(Figure.Row(chart).ToPlotly().Json);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data")[0].GetProperty("y")[1].ValueKind);
    }

    [Fact]
    public void Plotly_json_of_a_figure_has_one_trace_per_series_on_its_panel_axes()
    {
        var figure = Figure.Row(Losses(), new Chart("Hist").Histogram([1, 2, 3], bins: 3, name: "h"));

        using var json = JsonDocument.Parse(figure.ToPlotly().RenderToString(Mime.PlotlyJson));
        var data = json.RootElement.GetProperty("data");

        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal(["D", "G", "h"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("lines", data[0].GetProperty("mode").GetString());
        Assert.Equal("histogram", data[2].GetProperty("type").GetString());
        Assert.Equal("x2", data[2].GetProperty("xaxis").GetString());
        var layout = json.RootElement.GetProperty("layout");
        Assert.Equal(2, layout.GetProperty("grid").GetProperty("columns").GetInt32());
        Assert.Equal("step", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void An_animation_has_a_frame_per_step_with_slider_and_play_controls()
    {
        var animation = new Animation("Generator over training");
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            var scale = epoch;
            animation.Add($"epoch {epoch}", new Chart().Scatter([0, 1], [0, scale], "generated").Scatter([0, 1], [0, 1], "real"));
        }

        using var json = JsonDocument.Parse(animation.RenderToString(Mime.PlotlyJson));
        var root = json.RootElement;

        Assert.Equal([Mime.PlotlyJson, Mime.Svg, Mime.PlainText], animation.MimeTypes);
        Assert.Equal(2, root.GetProperty("data").GetArrayLength());
        var frames = root.GetProperty("frames");
        Assert.Equal(["epoch 1", "epoch 2", "epoch 3"], frames.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.All(frames.EnumerateArray(), f => Assert.Equal(2, f.GetProperty("data").GetArrayLength()));
        Assert.Equal(3.0, frames[2].GetProperty("data")[0].GetProperty("y")[1].GetDouble());
        var layout = root.GetProperty("layout");
        Assert.Equal(3, layout.GetProperty("sliders")[0].GetProperty("steps").GetArrayLength());
        Assert.Equal(["Play", "Pause"], layout.GetProperty("updatemenus")[0].GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("label").GetString()));
        // What each control asks Plotly.animate for: one named frame, every frame (null), or a stop ([null]).
        var step = layout.GetProperty("sliders")[0].GetProperty("steps")[1].GetProperty("args");
        Assert.Equal("""["epoch 2"]""", step[0].GetRawText());
        Assert.Equal("immediate", step[1].GetProperty("mode").GetString());
        var buttons = layout.GetProperty("updatemenus")[0].GetProperty("buttons");
        Assert.Equal(JsonValueKind.Null, buttons[0].GetProperty("args")[0].ValueKind);
        Assert.Equal(("afterall", 400), (buttons[0].GetProperty("args")[1].GetProperty("mode").GetString(), buttons[0].GetProperty("args")[1].GetProperty("frame").GetProperty("duration").GetInt32()));
        Assert.Equal("[null]", buttons[1].GetProperty("args")[0].GetRawText());
        Assert.All(new[] { layout.GetProperty("sliders")[0].GetProperty("steps")[1], buttons[0], buttons[1] }, control => {
            Assert.Equal("animate", control.GetProperty("method").GetString());
            Assert.Equal(2, control.GetProperty("args").GetArrayLength());
        });
        Assert.Equal([0.0, 3.0], layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()));

        var lastFrame = XDocument.Parse(animation.RenderToString(Mime.Svg));
        Assert.Contains(lastFrame.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("epoch 3 (3 frames)"));
    }

    [Fact]
    public void Mismatched_series_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Chart().Line([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => new Chart().Function(Math.Sin, 1, 0));
    }

    [Fact]
    public void Bands_fill_between_their_curves_and_explicit_colours_override_the_palette()
    {
        var chart = new Chart("w across seeds", "step", "w")
            .Band([0, 1, 2], [-1, -0.5, -0.2], [1, 0.5, 0.2], "w: mean ± std", color: "#123456")
            .Line([0, 1, 2], [0, 0, 0], "w (mean)", color: "#123456");

        var svg = Svg(chart);

        var polygon = Assert.Single(All(svg, "polygon"));
        Assert.Equal("#123456", polygon.Attribute("fill")!.Value);
        Assert.Equal(6, polygon.Attribute("points")!.Value.Split(' ').Length); // upper curve out, lower curve back
        Assert.Equal("#123456", All(svg, "polyline").Single().Attribute("stroke")!.Value);

        using var json = JsonDocument.Parse(Figure.Row(chart).ToPlotly().Json);
        var band = json.RootElement.GetProperty("data")[0];
        Assert.Equal("toself", band.GetProperty("fill").GetString());
        Assert.Equal([1.0, 0.5, 0.2, -0.2, -0.5, -1.0], band.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.Equal("#123456", json.RootElement.GetProperty("data")[1].GetProperty("line").GetProperty("color").GetString());
    }

    [Fact]
    public void A_tick_that_lands_on_minus_zero_reads_zero()
    {
        var texts = All(Svg(new Chart().Line([0, 1], [-0.3, 1.4])), "text").Select(t => t.Value).ToArray();

        Assert.DoesNotContain("-0", texts);
        Assert.Contains("0", texts);
    }
}
