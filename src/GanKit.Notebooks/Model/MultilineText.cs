using System.Text.Json.Nodes;

namespace GanKit.Notebooks.Model;

/// <summary>
/// nbformat's multiline strings: a string or a list of lines, each keeping its "\n". Written as a list of
/// lines, as Jupyter and VS Code do, so notebook diffs are line by line.
/// </summary>
public static class MultilineText
{
    public static string Read(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        _ => node.GetValue<string>(),
    };

    public static JsonArray Write(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
