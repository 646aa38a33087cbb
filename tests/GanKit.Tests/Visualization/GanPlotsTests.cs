using GanKit.Data;
using GanKit.Display.Charts;
using GanKit.Display.Hosting;
using GanKit.Models;
using GanKit.Reproducibility;
using GanKit.Training;
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

    [Fact]
    public void Losses_plot_d_and_g_per_epoch_with_ln2_marked_on_a_fixed_epoch_axis()
    {
        var chart = GanPlots.Losses([Epoch(1, 0.4, 1.6), Epoch(2, 0.6, 0.9)], totalEpochs: 20);

        var lines = chart.Series.OfType<LineSeries>().ToArray();
        Assert.Equal(["discriminator", "generator", "ln 2 = 0.693"], lines.Select(l => l.Name));
        Assert.Equal([0.4, 0.6], lines[0].Y);
        Assert.Equal([1.6, 0.9], lines[1].Y);
        Assert.True(lines[1].Dashed);
        Assert.Equal(Math.Log(2), lines[2].Y[0], 12);
        Assert.Equal((1.0, 20.0), chart.XRange);
        Assert.Equal("epoch", chart.XLabel);
    }

    [Fact]
    public void Real_vs_generated_scatters_the_rows_of_n_by_2_tensors_in_blue_and_orange()
    {
        using var real = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var fake = tensor(new float[] { 5, 6 }).reshape(1, 2);

        var chart = GanPlots.RealVsGenerated(real, fake);

        var scatters = chart.Series.OfType<ScatterSeries>().ToArray();
        Assert.Equal([1.0, 3.0], scatters[0].X);
        Assert.Equal([2.0, 4.0], scatters[0].Y);
        Assert.Equal([5.0], scatters[1].X);
        Assert.Equal((GanPlots.Blue, GanPlots.Orange), (scatters[0].Color, scatters[1].Color));
        Assert.Throws<ArgumentException>(() => GanPlots.Points(ones(3, 3)));
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

        var first = Assert.IsType<Figure>(Assert.Single(sink.Shown));
        Assert.Equal(2, first.Panels.Count);
        Assert.Equal(3, sink.Updates.Count);
        var last = Assert.IsType<Figure>(sink.Updates[^1]);
        Assert.Equal(3, last.Panels[0].Series.OfType<LineSeries>().First().Y.Count);
        var scatters = last.Panels[1].Series.OfType<ScatterSeries>().ToArray();
        Assert.Equal((20, 50), (scatters[0].X.Count, scatters[1].X.Count));
        Assert.StartsWith("Epoch 3 of 3", last.Title);

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
