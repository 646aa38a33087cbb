using System.Text.Json;
using System.Text.Json.Nodes;
using GanKit.Notebooks.Execution;
using GanKit.Notebooks.Model;
using GanKit.Notebooks.Tests.Infrastructure;

namespace GanKit.Notebooks.Tests.Runner;

/// <summary>The notebook of the "done when": a chart, an image grid, live progress and a table.</summary>
public sealed class FiguresNotebookTests : IDisposable
{
    private readonly FixtureFolder _fixtures = new FixtureFolder().WithDisplayLibrary();

    public void Dispose() => _fixtures.Dispose();

    private async Task<Notebook> RunFiguresAsync()
    {
        var result = await _fixtures.RunAsync("figures.ipynb", new RunOptions { Parameters = ParameterInjection.Parse(["steps=4"]) });
        Assert.True(result.Status == RunStatus.Succeeded, result.Message);
        return result.Notebook;
    }

    private static JsonObject Data(NotebookCell cell, string outputType) => Outputs.OfType(cell, outputType).Single()["data"]!.AsObject();

    [Fact]
    public async Task The_chart_renders_through_its_formatter_source_as_plotly_json_with_a_png_and_text()
    {
        var notebook = await RunFiguresAsync();

        var data = Data(notebook.CodeCell(4), "execute_result");
        using var figure = JsonDocument.Parse(data["application/vnd.plotly.v1+json"]!.ToJsonString());
        Assert.Equal(["D", "G"], figure.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(20, figure.RootElement.GetProperty("data")[0].GetProperty("y").GetArrayLength());
        var png = PngDecoder.Decode(Convert.FromBase64String(data["image/png"]!.GetValue<string>()));
        Assert.Equal((640, 400), (png.Width, png.Height));
        Assert.Contains("Chart \"Losses after 20 steps\"", Outputs.Text(data["text/plain"]));
    }

    [Fact]
    public async Task A_live_chart_leaves_one_output_its_completed_state_with_the_static_image()
    {
        var notebook = await RunFiguresAsync();

        var display = Assert.Single(Outputs.OfType(notebook.CodeCell(8), "display_data"));
        var data = display["data"]!.AsObject();
        Assert.Equal(["application/vnd.plotly.v1+json", "image/png", "text/plain"], data.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("Chart \"Losses after 4 steps\"", Outputs.Text(data["text/plain"]));
    }

    [Fact]
    public async Task The_image_grid_is_a_png_of_the_expected_size_and_pixels()
    {
        var notebook = await RunFiguresAsync();

        var data = Data(notebook.CodeCell(5), "display_data");
        var image = PngDecoder.Decode(Convert.FromBase64String(data["image/png"]!.GetValue<string>()));
        // 4×4 images of 28 px with 2 px padding: 4 × 30 + 2 = 122 px, scaled ×3 to stay readable.
        Assert.Equal((366, 366, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal([0], image.Pixel(0, 0)); // padding
        Assert.Equal([255], image.Pixel(3 * (2 + 2), 3 * (2 + 10))); // image 0's stroke: x = y - 8
        Assert.Equal([0], image.Pixel(3 * (2 + 20), 3 * (2 + 10)));
        Assert.Equal([255], image.Pixel(3 * (32 + 3), 3 * (2 + 10))); // image 1, one column right: x = y - 7
    }

    [Fact]
    public async Task Live_progress_leaves_one_output_with_its_final_state()
    {
        var notebook = await RunFiguresAsync();

        var display = Assert.Single(Outputs.OfType(notebook.CodeCell(6), "display_data"));
        var html = Outputs.Text(display["data"]!["text/html"]);
        Assert.Contains("done step 4/4", html);
        Assert.Contains("D(G(z))", html);
        Assert.Contains("data:image/png;base64,", html);
    }

    [Fact]
    public async Task The_history_table_renders_as_html_with_a_text_fallback()
    {
        var notebook = await RunFiguresAsync();

        var data = Data(notebook.CodeCell(7), "execute_result");
        Assert.StartsWith("<table><caption>History</caption>", Outputs.Text(data["text/html"]));
        Assert.StartsWith("History\nepoch  lossD", Outputs.Text(data["text/plain"]).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_output_notebook_is_valid_nbformat_with_polyglot_metadata()
    {
        var notebook = await RunFiguresAsync();
        var json = notebook.ToJson();

        Assert.Empty(NbformatSchema.Validate(json));
        var saved = Notebook.Parse(json);
        Assert.Equal("csharp", saved.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal(".net-csharp", saved.Metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.All(saved.CodeCells, c => Assert.Equal("csharp", c.Metadata["dotnet_interactive"]!["language"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Library_code_displays_and_polls_the_token_through_the_running_kernel()
    {
        var result = await _fixtures.RunCellsAsync(
            "#r \"lib/GanKit.Display.dll\"",
            "GanKit.Display.Hosting.NotebookHost.Display(\"from the library\").Update(\"updated by the library\");",
            "GanKit.Display.Hosting.NotebookHost.CancellationToken == Microsoft.DotNet.Interactive.KernelInvocationContext.Current.CancellationToken");

        Assert.True(result.Status == RunStatus.Succeeded, result.Message);
        Assert.Equal("updated by the library", Outputs.Text(Data(result.Notebook.CodeCell(2), "display_data")["text/plain"]));
        Assert.Equal("True", Outputs.Text(Data(result.Notebook.CodeCell(3), "execute_result")["text/plain"]));
    }
}
