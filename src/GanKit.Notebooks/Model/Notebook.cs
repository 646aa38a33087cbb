using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanKit.Notebooks.Model;

/// <summary>
/// An nbformat 4 notebook. Metadata and any cell fields this model does not know are kept as JSON and
/// written back unchanged, so the runner never drops what VS Code or Jupyter stored.
/// </summary>
public sealed class Notebook
{
    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = true,
        IndentSize = 1, // Jupyter's own indentation keeps diffs small
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Notebook(JsonObject metadata, IEnumerable<NotebookCell> cells, int formatMinor = 5)
    {
        Metadata = metadata;
        Cells = [.. cells];
        FormatMinor = formatMinor;
    }

    public const int Format = 4;

    public int FormatMinor { get; set; }

    public JsonObject Metadata { get; }

    public List<NotebookCell> Cells { get; }

    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    public static Notebook Load(string path) => Parse(File.ReadAllText(path), path);

    public static Notebook Parse(string json, string? source = null)
    {
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject
            ?? throw new InvalidDataException($"{source ?? "The notebook"} is not a JSON object.");
        var format = node["nbformat"]?.GetValue<int>();
        if (format != Format)
        {
            throw new InvalidDataException($"{source ?? "The notebook"} has nbformat {format?.ToString() ?? "(missing)"}; only nbformat 4 is supported.");
        }

        var cells = node["cells"] as JsonArray ?? throw new InvalidDataException($"{source ?? "The notebook"} has no cells array.");
        return new Notebook(
            (node["metadata"] as JsonObject)?.DeepClone().AsObject() ?? [],
            cells.Select(c => NotebookCell.FromJson(c as JsonObject ?? throw new InvalidDataException("A cell is not a JSON object."))),
            node["nbformat_minor"]?.GetValue<int>() ?? 5);
    }

    public JsonObject ToJsonObject() => new()
    {
        ["cells"] = new JsonArray([.. Cells.Select(c => (JsonNode)c.ToJson())]),
        ["metadata"] = Metadata.DeepClone(),
        ["nbformat"] = Format,
        ["nbformat_minor"] = FormatMinor,
    };

    /// <summary>
    /// The notebook as Jupyter writes it (keys sorted, one-space indent, trailing newline), except that JSON outputs
    /// (<c>application/…json</c>, e.g. a Plotly figure) are written on one line: indented, every number of a chart's
    /// data would take a line of its own and the notebook would grow by half.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            Write(writer, Sorted(ToJsonObject()));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            if (node is JsonArray array)
            {
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
            }
            else if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }

            return;
        }

        writer.WriteStartObject();
        foreach (var (key, value) in obj)
        {
            writer.WritePropertyName(key);
            if (IsJsonMimeType(key) && value is JsonObject or JsonArray)
            {
                writer.WriteRawValue(value.ToJsonString(CompactOptions), skipInputValidation: true);
            }
            else
            {
                Write(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static bool IsJsonMimeType(string key) =>
        key.StartsWith("application/", StringComparison.Ordinal) && key.EndsWith("json", StringComparison.Ordinal);

    /// <summary>Writes the notebook atomically, so a crash never leaves a truncated file.</summary>
    public void Save(string path) => GanKit.IO.AtomicFile.WriteAllText(path, ToJson());

    public Notebook Clone() => Parse(ToJson());

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => Sorted(item))]),
        _ => node?.DeepClone(),
    };
}
