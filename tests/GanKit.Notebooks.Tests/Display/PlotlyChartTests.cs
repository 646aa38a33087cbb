using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GanKit.Display.Charts;
using GanKit.Display.Formatting;
using Plotly.NET;

namespace GanKit.Notebooks.Tests.Display;

public sealed class PlotlyChartTests
{
    private static JsonNode Figure(IMimeRenderable chart) => JsonNode.Parse(chart.RenderToString(Mime.PlotlyJson))!;

    private static PlotlyChart Losses() => PlotlyCharts.Single(
        new ChartPanel("Losses", "step", "loss",
        [
            PlotlyCharts.Line([1, 2, 3], [0.9, 0.7, double.NaN], "D", "#1f77b4"),
            PlotlyCharts.Line([1, 2, 3], [1.5, 1.1, 0.8], "G", "#d62728", dashed: true),
            PlotlyCharts.Points([2], [0.7]),
        ])
        { XRange = (0.5, 3.5) },
        width: 480, height: 300);

    [Fact]
    public void A_chart_renders_plotly_json_with_its_traces_axes_title_and_size()
    {
        var figure = Figure(Losses());

        var data = figure["data"]!.AsArray();
        Assert.Equal(["lines", "lines", "markers"], data.Select(t => t!["mode"]!.GetValue<string>()));
        Assert.Equal(["D", "G"], data.Take(2).Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([1.5, 1.1, 0.8], data[1]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Null(data[0]!["y"]![2]); // NaN is a gap, not invalid JSON
        Assert.Equal("dash", data[1]!["line"]!["dash"]!.GetValue<string>());
        Assert.False(data[2]!["showlegend"]!.GetValue<bool>());
        var layout = figure["layout"]!;
        Assert.Equal("Losses", layout["title"]!["text"]!.GetValue<string>());
        Assert.Equal("step", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal([0.5, 3.5], layout["xaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal((480, 300), (layout["width"]!.GetValue<int>(), layout["height"]!.GetValue<int>()));
        Assert.Null(layout["template"]);
        Assert.Equal(GenericChart.toFigureJson(Losses().Chart), Losses().Json); // what Plotly.NET itself writes
    }

    [Fact]
    public void A_grid_gives_each_panel_its_own_axes_and_title_and_lists_a_shared_name_once()
    {
        var panels = new[] { "loss", "accuracy" }.Select(tag => new ChartPanel(tag, "step", null,
        [
            PlotlyCharts.Line([0, 1], [1, 2], "baseline"),
            PlotlyCharts.Line([0, 1], [2, 1], "tuned"),
        ])).ToArray();

        var figure = Figure(PlotlyCharts.Grid(2, "Runs", 400, 300, panels));

        var data = figure["data"]!.AsArray();
        Assert.Equal(["x", "x", "x2", "x2"], data.Select(t => t!["xaxis"]!.GetValue<string>()));
        Assert.Equal(["y", "y", "y2", "y2"], data.Select(t => t!["yaxis"]!.GetValue<string>()));
        Assert.Equal([true, true, false, false], data.Select(t => t!["showlegend"]!.GetValue<bool>()));
        var layout = figure["layout"]!;
        Assert.Equal(2, layout["grid"]!["columns"]!.GetValue<int>());
        Assert.Equal("step", layout["xaxis2"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(["loss", "accuracy"], layout["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
        Assert.Equal((800, 340), (layout["width"]!.GetValue<int>(), layout["height"]!.GetValue<int>()));
    }

    [Fact]
    public void Tick_labels_a_log_y_axis_and_equal_axes_reach_the_layout()
    {
        var panel = new ChartPanel("FID against 1/N", "1/N", "FID", [PlotlyCharts.Points([0.001, 0.0005], [3.0, 2.5])])
        {
            XTicks = [0.001, 0.0005], XTickLabels = ["1,000", "2,000"], YLog = true, YRange = (1, 100), EqualAxes = true,
        };
        var layout = Figure(PlotlyCharts.Single(panel))["layout"]!;

        Assert.Equal(["1,000", "2,000"], layout["xaxis"]!["ticktext"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("log", layout["yaxis"]!["type"]!.GetValue<string>());
        Assert.Equal([0.0, 2.0], layout["yaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("x", layout["yaxis"]!["scaleanchor"]!.GetValue<string>());

        var mismatched = panel with { XTickLabels = ["only one"] };
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Single(mismatched));
        Assert.Contains("2 x ticks but 1 tick labels", error.Message);
    }

    [Fact]
    public void The_formatter_emits_plotly_json_a_palette_png_of_the_layout_size_and_a_text_summary()
    {
        var chart = Losses();

        Assert.Equal([Mime.PlotlyJson, Mime.Png, Mime.PlainText], chart.MimeTypes);
        var bytes = Convert.FromBase64String(chart.RenderToString(Mime.Png));
        Assert.Equal(3, bytes[25]); // IHDR colour type 3: an 8-bit palette image
        var png = PngDecoder.Decode(bytes);
        Assert.Equal((480, 300), (png.Width, png.Height));
        // plotly.js drew the G curve in its colour (#d62728) somewhere on the white page.
        var red = Enumerable.Range(0, png.Width * png.Height).Count(i =>
        {
            var p = png.Pixel(i % png.Width, i / png.Width);
            return Math.Abs(p[0] - 0xd6) < 12 && Math.Abs(p[1] - 0x27) < 12 && Math.Abs(p[2] - 0x28) < 12;
        });
        Assert.True(red > 50, $"expected the red G curve in the PNG, found {red} red pixels");
        Assert.Equal("Chart \"Losses\": lines D (3 points); lines G (3 points); markers (unnamed) (1 points)", chart.RenderToString(Mime.PlainText));
    }

    [Fact]
    public void A_restyled_chart_keeps_plotly_net_changes_and_the_original_is_unchanged()
    {
        var chart = Losses();

        var wider = chart.Map(c => GenericChart.mapLayout(Microsoft.FSharp.Core.FuncConvert.FromFunc<Layout, Layout>(l =>
        {
            l.SetProperty("width", 900);
            return l;
        }), c));

        Assert.Equal(900, wider.Width);
        Assert.Equal(300, wider.Height);
        Assert.Same(chart.Chart, ((GenericChart)chart));
    }

    [Fact]
    public void Drawing_the_static_image_requests_nothing_from_the_network()
    {
        // A loopback listener stands for "the network": a figure that points at it must render without contacting it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var chart = Losses().Map(c => GenericChart.mapLayout(Microsoft.FSharp.Core.FuncConvert.FromFunc<Layout, Layout>(l =>
        {
            l.SetProperty("images", new[]
            {
                new Dictionary<string, object> { ["source"] = $"http://127.0.0.1:{port}/logo.png", ["x"] = 0, ["y"] = 1, ["sizex"] = 0.2, ["sizey"] = 0.2, ["xref"] = "paper", ["yref"] = "paper" },
            });
            return l;
        }), c));

        var png = PngDecoder.Decode(chart.Png);

        Assert.Equal((480, 300), (png.Width, png.Height));
        Assert.False(listener.Pending(), "the renderer connected to a network address");
    }

    [Fact]
    public void The_embedded_plotly_js_is_the_version_plotly_net_writes_json_for()
    {
        Assert.Equal(Globals.PLOTLYJS_VERSION, PlotlyScript.Version);
        Assert.Contains($"plotly.js v{PlotlyScript.Version}", PlotlyScript.Source[..500]);
    }
}
