using System.Text.Json.Nodes;

namespace GanKit.Notebooks.Model;

/// <summary>One notebook cell: its kind, source, metadata, outputs and any other fields as found.</summary>
public sealed class NotebookCell
{
    private static readonly string[] KnownFields = ["id", "cell_type", "source", "metadata", "outputs", "execution_count"];

    public NotebookCell(string cellType, string source, string? id = null, JsonObject? metadata = null)
    {
        CellType = cellType;
        Source = source;
        Id = id;
        Metadata = metadata ?? [];
    }

    public string? Id { get; set; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType { get; }

    public string Source { get; set; }

    public JsonObject Metadata { get; }

    /// <summary>Output objects in nbformat shape; code cells only.</summary>
    public JsonArray Outputs { get; private set; } = [];

    public int? ExecutionCount { get; set; }

    /// <summary>Fields this model does not interpret (e.g. attachments), written back unchanged.</summary>
    public JsonObject Extra { get; } = [];

    public bool IsCode => CellType == "code";

    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? [.. tags.Select(t => t?.GetValue<string>()).OfType<string>()] : [];

    public static NotebookCell Code(string source, params string[] tags) => WithTags(new NotebookCell("code", source), tags);

    public static NotebookCell Markdown(string source) => new("markdown", source);

    public void ClearOutputs()
    {
        Outputs = [];
        ExecutionCount = null;
    }

    public void SetOutputs(IEnumerable<JsonObject> outputs) => Outputs = new JsonArray([.. outputs]);

    public static NotebookCell FromJson(JsonObject json)
    {
        var cell = new NotebookCell(
            json["cell_type"]?.GetValue<string>() ?? throw new InvalidDataException("A cell has no cell_type."),
            MultilineText.Read(json["source"]),
            json["id"]?.GetValue<string>(),
            (json["metadata"] as JsonObject)?.DeepClone().AsObject());
        if (json["outputs"] is JsonArray outputs)
        {
            cell.Outputs = outputs.DeepClone().AsArray();
        }

        cell.ExecutionCount = json["execution_count"]?.GetValue<int>();
        foreach (var (name, value) in json)
        {
            if (!KnownFields.Contains(name))
            {
                cell.Extra[name] = value?.DeepClone();
            }
        }

        return cell;
    }

    /// <summary>The cell in nbformat 4.5 shape: outputs and execution_count only on code cells.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["cell_type"] = CellType };
        if (Id is not null)
        {
            json["id"] = Id;
        }

        json["metadata"] = Metadata.DeepClone();
        json["source"] = MultilineText.Write(Source);
        if (IsCode)
        {
            json["execution_count"] = ExecutionCount;
            json["outputs"] = Outputs.DeepClone();
        }

        foreach (var (name, value) in Extra)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    private static NotebookCell WithTags(NotebookCell cell, string[] tags)
    {
        if (tags.Length > 0)
        {
            cell.Metadata["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]);
        }

        return cell;
    }
}
