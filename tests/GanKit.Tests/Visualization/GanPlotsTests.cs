using System.Text.Json.Nodes;
using GanKit.Data;
using GanKit.Display.Charts;
using GanKit.Display.Hosting;
using GanKit.Models;
using GanKit.Reproducibility;
using GanKit.Training;
using GanKit.Training.Keras;
using GanKit.Training.PointGan;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

public sealed class GanPlotsTests
{
    private sealed class RecordingSink : IDisplaySink, IDisplayHandle
    {
        public List<object> Shown { get; } = [];
        public List<object> Updates { get; } = [];

        public IDisplayHandle Show(object value)
        {
            Shown.Add(value);
            return this;
        }

        public void Update(object value) => Updates.Add(value);
    }

    private static EpochRecord Epoch(int epoch, double lossD, double lossG) => new(epoch, lossD, lossG, 0.5, 0.5, 1, 1, 1000, 1);

    private static JsonNode Figure(PlotlyChart chart) => JsonNode.Parse(chart.Json)!;

    private static JsonNode[] Traces(JsonNode figure, string xAxis = "x") =>
        figure["data"]!.AsArray().Select(t => t!).Where(t => (t["xaxis"]?.GetValue<string>() ?? "x") == xAxis).ToArray();

    private static double[] Values(JsonNode trace, string axis) => trace[axis]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void Losses_plot_d_and_g_per_epoch_with_ln2_marked_on_a_fixed_epoch_axis()
    {
        var figure = Figure(GanPlots.Losses([Epoch(1, 0.4, 1.6), Epoch(2, 0.6, 0.9)], totalEpochs: 20));

        var lines = Traces(figure);
        Assert.Equal(["discriminator", "generator", "ln 2 = 0.693"], lines.Select(l => l["name"]!.GetValue<string>()));
        Assert.Equal([0.4, 0.6], Values(lines[0], "y"));
        Assert.Equal([1.6, 0.9], Values(lines[1], "y"));
        Assert.Equal("dash", lines[1]["line"]!["dash"]!.GetValue<string>());
        Assert.Equal(Math.Log(2), Values(lines[2], "y")[0], 6); // charts keep six significant digits
        Assert.Equal([0.5, 20.5], Values(figure["layout"]!["xaxis"]!, "range"));
        Assert.Equal([1, 5, 10, 15, 20], Values(figure["layout"]!["xaxis"]!, "tickvals")); // epoch 1 has a tick
        Assert.Equal([1, 2, 3], Values(Figure(GanPlots.Losses([Epoch(1, 0.4, 1.6)], totalEpochs: 3))["layout"]!["xaxis"]!, "tickvals"));
        Assert.Equal("epoch", figure["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Axes_that_grow_keep_generated_points_outside_the_real_cloud_in_view()
    {
        using var real = tensor(new float[] { 0, 0, 1, 1 }).reshape(2, 2);
        using var fake = tensor(new float[] { -3, 5 }).reshape(1, 2);

        var ranges = GanPlots.Union(GanPlots.RangesAround(real), GanPlots.RangesAround(fake));

        Assert.True(ranges.X.Min <= -3 && ranges.X.Max >= 1, $"x range {ranges.X}");
        Assert.True(ranges.Y.Min <= 0 && ranges.Y.Max >= 5, $"y range {ranges.Y}");
    }

    [Fact]
    public void Real_vs_generated_scatters_the_rows_of_n_by_2_tensors_in_blue_and_orange()
    {
        using var real = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var fake = tensor(new float[] { 5, 6 }).reshape(1, 2);

        var scatters = Traces(Figure(GanPlots.RealVsGenerated(real, fake)));

        Assert.Equal([1.0, 3.0], Values(scatters[0], "x"));
        Assert.Equal([2.0, 4.0], Values(scatters[0], "y"));
        Assert.Equal([5.0], Values(scatters[1], "x"));
        Assert.Equal([GanPlots.Blue, GanPlots.Orange], scatters.Select(t => t["marker"]!["color"]!.GetValue<string>()));
        Assert.Throws<ArgumentException>(() => GanPlots.Points(ones(3, 3)));
    }

    [Fact]
    public void Keras_curves_put_losses_and_accuracies_in_two_panels_on_a_fixed_step_axis()
    {
        var steps = new[] { new KerasGanStep(1, 0.7, 0.5, 0.8, 0.1), new KerasGanStep(2, 0.6, 0.75, 1.2, 0.0) };

        var figure = Figure(KerasGanPlots.Curves(steps, totalSteps: 100, title: "Bulten"));

        Assert.Equal([0.8, 1.2], Values(Traces(figure, "x")[0], "y"));
        Assert.Equal([0.5, 0.75], Values(Traces(figure, "x2")[1], "y"));
        Assert.Equal("chance (0.5)", Traces(figure, "x2")[2]["name"]!.GetValue<string>());
        var layout = figure["layout"]!;
        Assert.Equal([0.0, 100.0], Values(layout["xaxis2"]!, "range"));
        Assert.Equal([0.0, 5.0], Values(layout["yaxis"]!, "range"));
        Assert.Equal(["Loss", "Accuracy"], layout["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
        // One legend entry per network (loss and accuracy toggle together) and one for chance.
        Assert.Equal(["adversarial (G fools D?)", "discriminator", "chance (0.5)"],
            figure["data"]!.AsArray().Where(t => t!["showlegend"]!.GetValue<bool>()).Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void The_live_figure_is_shown_once_then_redrawn_after_every_epoch_with_fresh_samples()
    {
        Seeding.Seed(7);
        using var data = GaussianData.Sample(64);
        using var dataset = new TensorDataset(data.clone());
        var loader = new TensorLoader(dataset, 8);
        using var trainer = new GanTrainer(new GaussianGenerator(), new GaussianDiscriminator(), GanOptions.D2lGaussian);
        var sink = new RecordingSink();

        using (var live = new LiveTrainingFigure(trainer, data.narrow(0, 0, 20), totalEpochs: 3, samples: 50, sink: sink))
        {
            trainer.Fit(loader, 3);
            Assert.Equal(3, live.Refreshes);
        }

        var first = Figure(Assert.IsType<PlotlyChart>(Assert.Single(sink.Shown)));
        Assert.Equal(2, first["layout"]!["grid"]!["rows"]!.GetValue<int>());
        Assert.Equal(3, sink.Updates.Count);
        var last = Figure(Assert.IsType<PlotlyChart>(sink.Updates[^1]));
        Assert.Equal(3, Values(Traces(last, "x")[0], "y").Length);
        var scatters = Traces(last, "x2");
        Assert.Equal((20, 50), (Values(scatters[0], "x").Length, Values(scatters[1], "x").Length));
        Assert.StartsWith("Epoch 3 of 3", last["layout"]!["title"]!["text"]!.GetValue<string>());

        trainer.Fit(loader, 4); // disposed: no longer follows the trainer
        Assert.Equal(3, sink.Updates.Count);
    }

    [Fact]
    public void The_unit_circle_has_norm_one_in_the_first_two_latent_coordinates()
    {
        using var circle = GanPlots.UnitCircle(50, 3);

        Assert.Equal(new long[] { 50, 3 }, circle.shape);
        using var norms = circle.pow(2).sum(1).sqrt();
        Assert.True(norms.sub(1).abs().max().item<float>() < 1e-5);
        Assert.Equal(0, circle.select(1, 2).abs().max().item<float>());
    }

    [Fact]
    public void Tensor_text_aligns_matrix_rows()
    {
        using var m = tensor(new float[] { 1.01f, 1.95f, -1.95f, 4.25f }).reshape(2, 2);

        Assert.Equal("[[ 1.01,  1.95],\n [-1.95,  4.25]]", TensorText.Format(m, "F2"));
        Assert.Equal("[1.0, 2.0]", TensorText.Format(tensor(new float[] { 1, 2 }), "F1"));
    }
}
