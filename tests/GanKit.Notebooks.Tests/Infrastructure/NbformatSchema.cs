using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GanKit.Notebooks.Tests.Infrastructure;

/// <summary>
/// The nbformat 4.5 JSON schema's structural rules (required fields, allowed fields, types, cell id
/// pattern and uniqueness, output shapes), written out by hand since no schema validator is available.
/// </summary>
public static partial class NbformatSchema
{
    public static IReadOnlyList<string> Validate(string json)
    {
        var errors = new List<string>();
        var root = JsonNode.Parse(json) as JsonObject;
        if (root is null)
        {
            return ["the notebook is not a JSON object"];
        }

        Fields(errors, "notebook", root, ["metadata", "nbformat_minor", "nbformat", "cells"], []);
        Check(errors, root["nbformat"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<int>() == 4, "nbformat must be 4");
        Check(errors, root["nbformat_minor"] is JsonValue m && m.GetValueKind() == JsonValueKind.Number && m.GetValue<int>() >= 5, "nbformat_minor must be an integer >= 5");
        if (root["metadata"] is JsonObject metadata)
        {
            if (metadata["kernelspec"] is { } kernelspec)
            {
                Check(errors, kernelspec is JsonObject k && IsString(k["name"]) && IsString(k["display_name"]), "kernelspec needs string name and display_name");
            }

            if (metadata["language_info"] is { } languageInfo)
            {
                Check(errors, languageInfo is JsonObject l && IsString(l["name"]), "language_info needs a string name");
            }
        }
        else
        {
            errors.Add("metadata must be an object");
        }

        var ids = new HashSet<string>();
        var cells = root["cells"] as JsonArray;
        Check(errors, cells is not null, "cells must be an array");
        foreach (var (node, index) in (cells ?? []).Select((c, i) => (c, i)))
        {
            var where = $"cell {index}";
            if (node is not JsonObject cell)
            {
                errors.Add($"{where} is not an object");
                continue;
            }

            var type = (cell["cell_type"] as JsonValue)?.GetValue<string>();
            switch (type)
            {
                case "code":
                    Fields(errors, where, cell, ["id", "cell_type", "metadata", "source", "outputs", "execution_count"], []);
                    Check(errors, cell["execution_count"] is null || (cell["execution_count"] is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.GetValue<int>() >= 0),
                        $"{where}: execution_count must be null or a non-negative integer");
                    if (cell["outputs"] is JsonArray outputs)
                    {
                        foreach (var output in outputs)
                        {
                            Output(errors, where, output);
                        }
                    }
                    else
                    {
                        errors.Add($"{where}: outputs must be an array");
                    }

                    break;
                case "markdown" or "raw":
                    Fields(errors, where, cell, ["id", "cell_type", "metadata", "source"], ["attachments"]);
                    break;
                default:
                    errors.Add($"{where}: unknown cell_type '{type}'");
                    continue;
            }

            Check(errors, cell["metadata"] is JsonObject, $"{where}: metadata must be an object");
            Check(errors, IsMultiline(cell["source"]), $"{where}: source must be a string or a list of strings");
            var id = (cell["id"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? cell["id"]!.GetValue<string>() : null;
            Check(errors, id is not null && CellId().IsMatch(id), $"{where}: id must match ^[a-zA-Z0-9-_]{{1,64}}$");
            Check(errors, id is null || ids.Add(id), $"{where}: duplicate id {id}");
        }

        return errors;
    }

    private static void Output(List<string> errors, string cell, JsonNode? node)
    {
        if (node is not JsonObject output)
        {
            errors.Add($"{cell}: an output is not an object");
            return;
        }

        var type = (output["output_type"] as JsonValue)?.GetValue<string>();
        var where = $"{cell} {type} output";
        switch (type)
        {
            case "stream":
                Fields(errors, where, output, ["output_type", "name", "text"], []);
                Check(errors, IsString(output["name"]) && IsMultiline(output["text"]), $"{where}: name must be a string and text multiline");
                break;
            case "display_data":
                Fields(errors, where, output, ["output_type", "data", "metadata"], ["transient"]);
                Bundle(errors, where, output);
                break;
            case "execute_result":
                Fields(errors, where, output, ["output_type", "execution_count", "data", "metadata"], []);
                Check(errors, output["execution_count"] is null || output["execution_count"]!.GetValueKind() == JsonValueKind.Number, $"{where}: execution_count must be an integer or null");
                Bundle(errors, where, output);
                break;
            case "error":
                Fields(errors, where, output, ["output_type", "ename", "evalue", "traceback"], []);
                Check(errors, IsString(output["ename"]) && IsString(output["evalue"]), $"{where}: ename and evalue must be strings");
                Check(errors, output["traceback"] is JsonArray t && t.All(IsString), $"{where}: traceback must be a list of strings");
                break;
            default:
                errors.Add($"{cell}: unknown output_type '{type}'");
                break;
        }
    }

    private static void Bundle(List<string> errors, string where, JsonObject output)
    {
        Check(errors, output["metadata"] is JsonObject, $"{where}: metadata must be an object");
        if (output["data"] is not JsonObject data)
        {
            errors.Add($"{where}: data must be an object");
            return;
        }

        foreach (var (mimeType, value) in data)
        {
            var isJson = Regex.IsMatch(mimeType, @"^application/(.*\+)?json$");
            Check(errors, isJson || IsMultiline(value), $"{where}: {mimeType} must be a string or a list of strings");
        }
    }

    private static void Fields(List<string> errors, string where, JsonObject node, string[] required, string[] optional)
    {
        foreach (var name in required.Where(r => !node.ContainsKey(r)))
        {
            errors.Add($"{where}: missing required '{name}'");
        }

        foreach (var (name, _) in node.Where(p => !required.Contains(p.Key) && !optional.Contains(p.Key)))
        {
            errors.Add($"{where}: unexpected property '{name}'");
        }
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsMultiline(JsonNode? node) => IsString(node) || (node is JsonArray lines && lines.All(IsString));

    private static void Check(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellId();
}
