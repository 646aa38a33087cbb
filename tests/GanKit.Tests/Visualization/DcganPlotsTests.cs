using System.Text.Json.Nodes;
using GanKit.Data.Images;
using GanKit.Tests.Data.Images;
using GanKit.Training;
using GanKit.Training.Dcgan;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

/// <summary>Notebook 04's figures: the template's two plots, its sample grids, and a transform's before and after.</summary>
public sealed class DcganPlotsTests
{
    [Fact]
    public void CurvesPutEveryStepAtItsFractionOfAnEpoch()
    {
        var history = new DcganHistory();
        for (var step = 1; step <= 6; step++) history.Steps.Add(new StepRecord(step, (step + 2) / 3, 1.2, 3.4, 0.8, 0.2, 1, 1));
        var figure = JsonNode.Parse(DcganPlots.Curves(history, totalEpochs: 4, stepsPerEpoch: 3, "title").Json)!;
        var data = figure["data"]!.AsArray();
        Assert.Equal(["discriminator (real + fake)", "generator", "real score D(x)", "fake score D(G(z))", "0.5: D cannot tell"],
            data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([1 / 3.0, 2 / 3.0, 1, 4 / 3.0, 5 / 3.0, 2], data[0]!["x"]!.AsArray().Select(x => x!.GetValue<double>()), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(4, figure["layout"]!["xaxis"]!["range"]![1]!.GetValue<double>());
    }

    [Fact]
    public void SampleGridsAreTheTemplates8PerRowWithMinusOneToOneAsBlackToWhite()
    {
        using var images = cat([full([1, 3, 4, 4], -1f), full([1, 3, 4, 4], 1f)]);
        var grid = DcganPlots.Grid(images);
        Assert.Equal((2 * 4 + 3 * 2, 4 + 2 * 2), (grid.Width, grid.Height)); // 2 pixels of padding, as make_grid
        Assert.Equal(0, grid.Pixels[3 * (2 * grid.Width + 2)]);   // the first image's corner: −1 is black
        Assert.Equal(255, grid.Pixels[3 * (2 * grid.Width + 8)]); // the second's: 1 is white
    }

    [Fact]
    public void BeforeAndAfterShowsTheFileWhatConvertRgbGivesAndTheNetworkInput()
    {
        var file = "lossless/rgba_150x90.png";
        var figure = JsonNode.Parse(ImageFolderPlots.BeforeAfter(ImageGoldens.Fixtures, [file], new ImageTransform { Background = RgbColor.White }).Json)!;
        var data = figure["data"]!.AsArray();
        Assert.Equal(3, data.Count);
        // The file itself, transparency and all, is the first picture.
        var bytes = File.ReadAllBytes(Path.Combine(ImageGoldens.Fixtures, file));
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(bytes), data[0]!["source"]!.GetValue<string>());
        var titles = figure["layout"]!["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).ToArray();
        Assert.Equal(["rgba_150x90.png: 150×90", "alpha dropped", "on white, 64×64"], titles);

        var plain = JsonNode.Parse(ImageFolderPlots.BeforeAfter(ImageGoldens.Fixtures, [file], new ImageTransform()).Json)!;
        Assert.Equal(2, plain["data"]!.AsArray().Count);
    }
}
