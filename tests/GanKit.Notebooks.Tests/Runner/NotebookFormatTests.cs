using System.Text.Json.Nodes;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Runner;

public sealed class NotebookFormatTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    [Theory]
    [InlineData("display-update.ipynb")]
    [InlineData("parameters.ipynb")]
    [InlineData("failing.ipynb")]
    [InlineData("compile-error.ipynb")]
    public async Task Every_written_notebook_is_valid_nbformat_4_5(string name)
    {
        var result = await _fixtures.RunAsync(name, new RunOptions
        {
            Parameters = name == "parameters.ipynb" ? ParameterInjection.Parse(["epochs=2"]) : new Dictionary<string, string>(),
        });

        Assert.Empty(NbformatSchema.Validate(result.Notebook.ToJson()));
    }

    [Fact]
    public void Json_outputs_are_written_on_one_line_and_read_back_unchanged()
    {
        var figure = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["y"] = new JsonArray(1, 2.5, 3) }), ["layout"] = new JsonObject() };
        var cell = NotebookCell.Code("chart");
        cell.Outputs.Add(new JsonObject
        {
            ["output_type"] = "display_data",
            ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["application/vnd.plotly.v1+json"] = figure.DeepClone(), ["text/plain"] = "Chart" },
        });

        var json = new Notebook([], [cell]).ToJson();

        Assert.Contains("\"application/vnd.plotly.v1+json\": {\"data\":[{\"y\":[1,2.5,3]}],\"layout\":{}}", json);
        Assert.Matches("\n +\"text/plain\": ", json); // everything else indented as Jupyter does
        var read = Notebook.Parse(json).CodeCells.Single().Outputs.Single()!["data"]!["application/vnd.plotly.v1+json"];
        Assert.True(JsonNode.DeepEquals(figure, read));
    }

    [Fact]
    public void The_fixtures_themselves_are_valid() =>
        Assert.All(Directory.GetFiles(_fixtures.Path, "*.ipynb"), path => Assert.Empty(NbformatSchema.Validate(File.ReadAllText(path))));

    [Fact]
    public async Task Polyglot_metadata_is_added_where_missing_and_unknown_metadata_is_kept()
    {
        var bare = new Notebook(
            new JsonObject { ["custom"] = new JsonObject { ["keep"] = "me" } },
            [NotebookCell.Markdown("# Title"), new NotebookCell("code", "1 + 1", metadata: new JsonObject { ["vscode"] = new JsonObject { ["languageId"] = "polyglot-notebook" } })],
            formatMinor: 4);

        var result = await NotebookRunner.RunAsync(bare, _fixtures.Path, new RunOptions());
        var json = JsonNode.Parse(result.Notebook.ToJson())!.AsObject();

        Assert.Empty(NbformatSchema.Validate(json.ToJsonString()));
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("me", json["metadata"]!["custom"]!["keep"]!.GetValue<string>());
        Assert.Equal("{\"display_name\":\".NET (C#)\",\"language\":\"C#\",\"name\":\".net-csharp\"}", json["metadata"]!["kernelspec"]!.ToJsonString());
        Assert.Equal("csharp", json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["name"]!.GetValue<string>());
        var code = json["cells"]![1]!["metadata"]!;
        Assert.Equal("polyglot-notebook", code["vscode"]!["languageId"]!.GetValue<string>());
        Assert.Equal("csharp", code["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("csharp", code["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Null(json["cells"]![0]!["metadata"]!["polyglot_notebook"]);
    }

    [Fact]
    public void Reading_and_writing_keeps_sources_and_unknown_cell_fields()
    {
        var json = File.ReadAllText(_fixtures["display-update.ipynb"]);
        var node = JsonNode.Parse(json)!.AsObject();
        node["cells"]![0]!["attachments"] = new JsonObject { ["a.png"] = new JsonObject { ["image/png"] = "AAAA" } };

        var notebook = Notebook.Parse(node.ToJsonString());
        var written = JsonNode.Parse(notebook.ToJson())!;

        Assert.Equal("AAAA", written["cells"]![0]!["attachments"]!["a.png"]!["image/png"]!.GetValue<string>());
        Assert.Equal(json, Notebook.Parse(json).ToJson());
    }

    [Fact]
    public void Other_nbformat_versions_are_refused() =>
        Assert.Throws<InvalidDataException>(() => Notebook.Parse("{\"nbformat\": 3, \"cells\": []}"));
}
