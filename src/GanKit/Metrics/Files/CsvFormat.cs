using System.Globalization;
using System.Text;

namespace GanKit.Metrics.Files;

/// <summary>
/// Feature matrices as CSV: one row of comma-separated numbers per sample (invariant culture), the same number in every
/// row, optionally under a single header row in which no cell is a number; blank lines are skipped. A cell may be
/// wrapped in double quotes; separators inside quotes are not supported.
/// </summary>
internal static class CsvFormat
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static FeatureMatrix Read(string path)
    {
        var values = new List<double>();
        long rows = 0;
        var columns = 0;
        var columnsLine = 0;
        var headerLine = 0;
        var lineNumber = 0;
        using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',');
            if (columnsLine == 0)
            {
                (columns, columnsLine) = (cells.Length, lineNumber);
                if (!cells.Any(IsNumberLike))
                {
                    headerLine = lineNumber;
                    continue;
                }
            }
            else if (cells.Length != columns)
            {
                var first = columnsLine == headerLine ? $"the header, line {headerLine}," : $"the first row, line {columnsLine},";
                throw Fail(path, $"line {lineNumber} has {cells.Length} columns but {first} has {columns}");
            }
            for (var c = 0; c < cells.Length; c++) values.Add(Number(path, lineNumber, c + 1, cells[c]));
            rows++;
        }
        if (rows == 0) throw Fail(path, headerLine > 0 ? "has a header row but no rows of numbers" : "has no rows of numbers");
        return new FeatureMatrix([.. values], rows, columns);
    }

    /// <summary>One line per row, values in their shortest round-trip form, no header.</summary>
    public static void Write(Stream stream, FeatureMatrix matrix)
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var line = new StringBuilder();
        for (long r = 0; r < matrix.Rows; r++)
        {
            line.Clear();
            for (long c = 0; c < matrix.Columns; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(matrix.Values[r * matrix.Columns + c].ToString(CultureInfo.InvariantCulture));
            }
            writer.WriteLine(line);
        }
    }

    private static double Number(string path, int line, int column, string cell)
    {
        var text = Unquoted(cell);
        var where = $"line {line}, column {column}";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return double.IsFinite(value) ? value : throw Fail(path, $"{where} is '{text}'; feature matrices hold finite numbers only");
        }
        if (IsNonFiniteWord(text)) throw Fail(path, $"{where} is '{text}'; feature matrices hold finite numbers only");
        if (text.Length == 0) throw Fail(path, $"{where} is empty");
        var hint = text.Contains(';') || text.Contains('\t') ? " (the separator is a comma, not ';' or a tab)" : "";
        throw Fail(path, $"{where} is '{text}', not a number{hint}");
    }

    // A header cell is anything that is not a number; "nan" and "inf" count as numbers there, so that a first row of
    // them is refused for what it is instead of being skipped as a header.
    private static bool IsNumberLike(string cell)
    {
        var text = Unquoted(cell);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || IsNonFiniteWord(text);
    }

    private static bool IsNonFiniteWord(string text) =>
        text.TrimStart('+', '-').ToLowerInvariant() is "nan" or "inf" or "infinity";

    private static string Unquoted(string cell)
    {
        var text = cell.Trim();
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Trim() : text;
    }

    private static FeatureFileException Fail(string path, string problem) => new(path, problem);
}
