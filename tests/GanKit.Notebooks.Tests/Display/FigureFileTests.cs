using System.Text.Json;
using System.Xml.Linq;
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

    [Fact]
    public void Grids_save_as_png_and_charts_as_svg_without_leftover_temporary_files()
    {
        var grid = ImageGrid.FromPixels([0f, 1f], 1, 1, 1, 2, new GridOptions { Scale = 1 });

        grid.Save(PathOf("grid.png"));
        new Chart("c").Line([1, 2]).Save(PathOf("chart.svg"));

        Assert.Equal([0, 255], PngDecoder.Decode(File.ReadAllBytes(PathOf("grid.png"))).Pixels);
        Assert.Equal("svg", XDocument.Load(PathOf("chart.svg")).Root!.Name.LocalName);
        Assert.Equal(["chart.svg", "grid.png"], Directory.GetFiles(Path.Combine(_folder, "out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Html_pages_are_self_contained_and_carry_plotly_json_without_a_cdn()
    {
        var animation = new Animation("a").Add("1", new Chart().Line([1, 2])).Add("2", new Chart().Line([2, 1]));

        animation.Save(PathOf("animation.html"));
        new Table("x").AddRow(1).Save(PathOf("table.html"));

        var page = File.ReadAllText(PathOf("animation.html"));
        Assert.Contains("<svg", page);
        Assert.DoesNotContain("http://cdn", page);
        Assert.DoesNotContain("https://", page);
        var json = page[(page.IndexOf("id=\"plotly-figure\">", StringComparison.Ordinal) + 19)..page.LastIndexOf("</script>", StringComparison.Ordinal)];
        using var figure = JsonDocument.Parse(json);
        Assert.Equal(2, figure.RootElement.GetProperty("frames").GetArrayLength());
        Assert.Contains("<table>", File.ReadAllText(PathOf("table.html")));
    }

    [Fact]
    public void Saving_a_figure_in_a_format_it_lacks_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Chart("c").Save(PathOf("chart.png")));
        Assert.Throws<ArgumentException>(() => new Chart("c").Save(PathOf("chart.gif")));
    }
}
