using System.Xml.Linq;
using GanKit.Display.Formatting;
using GanKit.Display.Tables;

namespace GanKit.Notebooks.Tests.Display;

public sealed class TableTests
{
    private sealed record Epoch(int epoch, double lossD, string note);

    [Fact]
    public void Records_become_rows_with_invariant_numbers_in_html_and_aligned_text()
    {
        var table = Table.FromRecords([new Epoch(1, 0.693147, "start"), new Epoch(10, 1.5, "<ok>")], "History");

        var html = XDocument.Parse(table.RenderToString(Mime.Html));
        Assert.Equal("History", html.Root!.Element("caption")!.Value);
        Assert.Equal(["epoch", "lossD", "note"], html.Descendants("th").Select(t => t.Value));
        Assert.Equal(["1", "0.69315", "start", "10", "1.5", "<ok>"], html.Descendants("td").Select(t => t.Value));

        Assert.Equal(
            "History\nepoch  lossD    note\n-----  -------  -----\n    1  0.69315  start\n   10      1.5  <ok>",
            table.RenderToString(Mime.PlainText).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Metric_reports_are_name_value_pairs()
    {
        var report = Table.FromPairs(new Dictionary<string, double> { ["FID"] = 12.3456789, ["KID"] = 0.01 });

        Assert.Equal(["metric", "value"], report.Columns);
        Assert.Equal("12.346", report.FormatCell(report.Rows[0][1]));
    }

    [Fact]
    public void Rows_must_match_the_columns() =>
        Assert.Throws<ArgumentException>(() => new Table("a", "b").AddRow(1));
}
