using System.Text.Json;
using GanKit.Display;
using GanKit.Display.Charts;
using GanKit.Display.Images;
using GanKit.Display.Tables;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Display;

public sealed class FigureFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-figures-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, "out", name);

    private static PlotlyChart Curve(params double[] y) =>
        PlotlyCharts.Single(new ChartPanel("c", "x", "y", [PlotlyCharts.Line(y.Select((_, i) => (double)i), y, "D")]));

    [Fact]
    public void Grids_save_as_png_and_charts_as_plotly_json_without_leftover_temporary_files()
    {
        var grid = ImageGrid.FromPixels([0f, 1f], 1, 1, 1, 2, new GridOptions { Scale = 1 });

        grid.Save(PathOf("grid.png"));
        Curve(1, 2).Save(PathOf("chart.json"));

        Assert.Equal([0, 255], PngDecoder.Decode(File.ReadAllBytes(PathOf("grid.png"))).Pixels);
        using var chart = JsonDocument.Parse(File.ReadAllText(PathOf("chart.json")));
        Assert.Equal([1.0, 2.0], chart.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["chart.json", "grid.png"], Directory.GetFiles(Path.Combine(_folder, "out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Html_pages_are_self_contained_with_plotly_js_inlined_and_the_figure_with_its_frames()
    {
        var panel = new ChartPanel(null, "x", "y", [PlotlyCharts.Line([0, 1], [1, 2])]);
        var animation = PlotlyCharts.Animation("a", [("1", panel), ("2", panel with { Traces = [PlotlyCharts.Line([0, 1], [2, 1])] })]);

        animation.Save(PathOf("animation.html"));
        new Table("x").AddRow(1).Save(PathOf("table.html"));

        var page = File.ReadAllText(PathOf("animation.html"));
        Assert.DoesNotContain("<script src", page); // nothing to fetch: plotly.js is in the page
        Assert.Contains(PlotlyScript.Source, page);
        const string start = "const figure = ", end = ";Plotly.newPlot(";
        var from = page.IndexOf(start, StringComparison.Ordinal) + start.Length;
        using var figure = JsonDocument.Parse(page[from..page.IndexOf(end, from, StringComparison.Ordinal)]);
        Assert.Equal(2, figure.RootElement.GetProperty("frames").GetArrayLength());
        Assert.Contains("<table>", File.ReadAllText(PathOf("table.html")));
    }

    [Fact]
    public void Saving_a_figure_in_a_format_it_lacks_is_refused()
    {
        Assert.Contains("renders to text/html, text/plain", Assert.Throws<ArgumentException>(() => new Table("x").AddRow(1).Save(PathOf("table.png"))).Message);
        Assert.Contains("use .png, .html, .json or .txt", Assert.Throws<ArgumentException>(() => Curve(1).Save(PathOf("chart.svg"))).Message);
    }
}
