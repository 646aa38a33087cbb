using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using GanKit.Display.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GanKit.Display.Tables;

/// <summary>
/// A titled table of values — training history, run comparisons, metric reports — shown as an HTML table,
/// with an aligned text table as the plain-text fallback. Numbers use invariant formatting with
/// <see cref="NumberFormat"/>.
/// </summary>
[TypeFormatterSource(typeof(MimeFormatterSource<Table>), PreferredMimeTypes = [Mime.Html, Mime.PlainText])]
public sealed class Table : IMimeRenderable
{
    private readonly List<object?[]> _rows = [];

    public Table(params string[] columns)
    {
        if (columns.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    public string? Title { get; init; }

    /// <summary>The .NET format string for floating-point cells.</summary>
    public string NumberFormat { get; init; } = "G5";

    public IReadOnlyList<string> MimeTypes => MimeFormatterSource<Table>.PreferredMimeTypes;

    public Table AddRow(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"The table has {Columns.Count} columns but the row has {cells.Length} cells.");
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>One row per record, one column per public readable property (records, anonymous types).</summary>
    public static Table FromRecords<T>(IEnumerable<T> records, string? title = null)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        var table = new Table(properties.Select(p => p.Name).ToArray()) { Title = title };
        foreach (var record in records)
        {
            table.AddRow(properties.Select(p => p.GetValue(record)).ToArray());
        }

        return table;
    }

    /// <summary>A two-column name/value report, e.g. final metrics.</summary>
    public static Table FromPairs<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs, string? title = null, string nameHeader = "metric", string valueHeader = "value")
    {
        var table = new Table(nameHeader, valueHeader) { Title = title };
        foreach (var (name, value) in pairs)
        {
            table.AddRow(name, value);
        }

        return table;
    }

    /// <summary>The text a cell shows.</summary>
    public string FormatCell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(NumberFormat, CultureInfo.InvariantCulture),
        float f => f.ToString(NumberFormat, CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Render(string mimeType, TextWriter writer) =>
        writer.Write(mimeType == Mime.Html ? ToHtml() : ToString());

    public string ToHtml()
    {
        var html = new StringBuilder("<table>");
        if (Title is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>");
        }

        html.Append("<thead><tr>");
        foreach (var column in Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var align = IsNumber(cell) ? " style=\"text-align:right\"" : "";
                html.Append("<td").Append(align).Append('>').Append(WebUtility.HtmlEncode(FormatCell(cell))).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>An aligned text table: numbers right-aligned, text left-aligned.</summary>
    public override string ToString()
    {
        var cells = _rows.Select(row => row.Select(FormatCell).ToArray()).ToArray();
        var widths = Columns.Select((c, i) => cells.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        var text = new StringBuilder();
        if (Title is not null)
        {
            text.AppendLine(Title);
        }

        text.AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        text.Append(string.Join("  ", widths.Select(w => new string('-', w))));
        for (var r = 0; r < cells.Length; r++)
        {
            text.AppendLine();
            text.Append(string.Join("  ", cells[r].Select((c, i) => IsNumber(_rows[r][i]) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    private static bool IsNumber(object? value) => value is double or float or int or long or decimal or short or byte;
}
