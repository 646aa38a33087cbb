using System.Text;
using System.Text.Json.Nodes;
using GanKit.Notebooks.Formatting;
using GanKit.Notebooks.Model;

namespace GanKit.Notebooks.Execution;

/// <summary>An output a cell produced, kept mutable until the run ends (streams grow, displays update).</summary>
internal abstract class CellOutput
{
    public abstract JsonObject ToJson();

    /// <summary>A MIME bundle as nbformat stores it: JSON types as JSON, base64 images as one string, text as lines.</summary>
    protected static JsonObject Data(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mimeType, content) in bundle)
        {
            data[mimeType] = IsJson(mimeType) ? JsonNode.Parse(content)
                : mimeType.StartsWith("image/", StringComparison.Ordinal) && mimeType != "image/svg+xml" ? content
                : MultilineText.Write(content);
        }

        return data;
    }

    private static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);
}

/// <summary>Console text of one stream; consecutive writes to the same stream join one output.</summary>
internal sealed class StreamOutput(string name) : CellOutput
{
    public string Name { get; } = name;

    public StringBuilder Text { get; } = new();

    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "stream",
        ["name"] = Name,
        ["text"] = MultilineText.Write(Text.ToString()),
    };
}

/// <summary>
/// A display_data output; updates with its display id replace its bundle, so the notebook keeps the final
/// value once. The id is kept where Jupyter's messages carry it (<c>transient.display_id</c>), under the
/// output's metadata since nbformat stores no <c>transient</c>, so a viewer that replays updates finds it.
/// </summary>
internal sealed class DisplayOutput(string displayId, MimeBundle bundle) : CellOutput
{
    public string DisplayId { get; } = displayId;

    public MimeBundle Bundle { get; set; } = bundle;

    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "display_data",
        ["data"] = Data(Bundle),
        ["metadata"] = new JsonObject { ["transient"] = new JsonObject { ["display_id"] = DisplayId } },
    };
}

/// <summary>The cell's value: its trailing expression.</summary>
internal sealed class ResultOutput(MimeBundle bundle, int executionCount) : CellOutput
{
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "execute_result",
        ["execution_count"] = executionCount,
        ["data"] = Data(bundle),
        ["metadata"] = new JsonObject(),
    };
}

/// <summary>Why the cell failed: exception name, message and a traceback that names the cell.</summary>
internal sealed class ErrorOutput(string name, string message, IReadOnlyList<string> traceback) : CellOutput
{
    public string Name { get; } = name;

    public string Message { get; } = message;

    public IReadOnlyList<string> Traceback { get; } = traceback;

    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "error",
        ["ename"] = Name,
        ["evalue"] = Message,
        ["traceback"] = new JsonArray([.. Traceback.Select(line => (JsonNode)line)]),
    };
}
