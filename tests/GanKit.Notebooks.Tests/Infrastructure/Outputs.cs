using System.Text.Json.Nodes;
using GanKit.Notebooks.Model;

namespace GanKit.Notebooks.Tests.Infrastructure;

/// <summary>Reading outputs back out of an executed notebook.</summary>
public static class Outputs
{
    public static NotebookCell CodeCell(this Notebook notebook, int number) => notebook.CodeCells.ElementAt(number - 1);

    public static IReadOnlyList<JsonObject> Of(NotebookCell cell) => [.. cell.Outputs.Select(o => o!.AsObject())];

    public static IReadOnlyList<JsonObject> OfType(NotebookCell cell, string outputType) =>
        [.. Of(cell).Where(o => o["output_type"]!.GetValue<string>() == outputType)];

    public static string Text(JsonNode? node) => MultilineText.Read(node);

    public static string Stream(NotebookCell cell, string name) =>
        string.Concat(OfType(cell, "stream").Where(o => o["name"]!.GetValue<string>() == name).Select(o => Text(o["text"])));
}
