using System.Xml.Linq;
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
    public void The_formatter_emits_plotly_json_an_svg_of_the_layout_size_and_a_text_summary()
    {
        var chart = Losses();

        Assert.Equal([Mime.PlotlyJson, Mime.Svg, Mime.PlainText], chart.MimeTypes);
        var svg = XDocument.Parse(chart.RenderToString(Mime.Svg));
        Assert.Equal(("svg", "480", "300"), (svg.Root!.Name.LocalName, svg.Root.Attribute("width")?.Value, svg.Root.Attribute("height")?.Value));
        // plotly.js drew the G curve as a path in its colour (#d62728) and wrote the axis titles as text.
        var paths = svg.Descendants().Where(e => e.Name.LocalName == "path").Select(e => e.Attribute("style")?.Value ?? "");
        Assert.Contains(paths, style => style.Contains("stroke: rgb(214, 39, 40)", StringComparison.Ordinal));
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "step");
        Assert.Equal("Chart \"Losses\": lines D (3 points); lines G (3 points); markers (unnamed) (1 points)", chart.RenderToString(Mime.PlainText));
    }

    [Fact]
    public void The_static_svg_states_each_repeated_style_once_and_keeps_two_decimals()
    {
        var svg = XDocument.Parse(Losses().Svg);

        var style = Assert.Single(svg.Descendants(), e => e.Name.LocalName == "style").Value;
        var classes = svg.Descendants().Select(e => e.Attribute("class")?.Value).OfType<string>().ToArray();
        Assert.NotEmpty(classes);
        Assert.All(classes.Distinct(), name => Assert.Contains("." + name + "{", style)); // every class is one of ours
        var inline = svg.Descendants().Select(e => e.Attribute("style")?.Value).OfType<string>().ToArray();
        Assert.Equal(inline.Length, inline.Distinct().Count()); // a style left inline is used once
        Assert.DoesNotMatch(@"\d\.\d{3}", string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "path").Select(e => e.Attribute("d")?.Value)));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "g" && !e.HasElements && e.Value.Length == 0);
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

        var svg = XDocument.Parse(chart.Svg);

        Assert.Equal("480", svg.Root!.Attribute("width")?.Value);
        Assert.False(listener.Pending(), "the renderer connected to a network address");
    }

    [Fact]
    public void The_embedded_plotly_js_is_the_version_plotly_net_writes_json_for()
    {
        Assert.Equal(Globals.PLOTLYJS_VERSION, PlotlyScript.Version);
        Assert.Contains($"plotly.js v{PlotlyScript.Version}", PlotlyScript.Source[..500]);
    }
}
