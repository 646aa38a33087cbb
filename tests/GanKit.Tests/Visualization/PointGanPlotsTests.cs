using GanKit.Display.Charts;
using GanKit.Models;
using GanKit.Training.PointGan;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

public sealed class PointGanPlotsTests
{
    private static readonly PointGanOptions Short = new() { Steps = 40, RecordEvery = 10 };

    [Fact]
    public void Functions_draw_g_in_blue_over_its_inputs_and_d_in_orange_over_the_value_axis()
    {
        var p = new PointGanParameters(0.5, 1, 1, -1, 0, 0, 2, 2, 0);

        var chart = PointGanPlots.Functions(p);

        var g = (LineSeries)chart.Series[0];
        var d = (LineSeries)chart.Series[1];
        Assert.Equal((GanPlots.Blue, GanPlots.Orange), (g.Color, d.Color));
        Assert.Equal((-1.0, 1.0), (g.X[0], g.X[^1]));
        Assert.Equal(0.5, g.Y[0], 12);    // G(−1) = −0.5 + 1
        Assert.Equal(1.5, g.Y[^1], 12);
        Assert.Equal(PointGanPlots.ValueRange, (d.X[0], d.X[^1]));
        Assert.Equal(p.Discriminate(d.X[17]), d.Y[17], 4);
        Assert.Equal(101, d.X.Count); // every 0.05: enough for the eye, small in animations
    }

    [Fact]
    public void Animations_and_side_by_side_frames_follow_the_recorded_steps()
    {
        var result = PointGanTrainer.Train([1, 2], Short);

        var animation = PointGanPlots.Animate(result, 1, "seed 2", frames: 3);
        var film = PointGanPlots.SideBySide((result, 0, "seed 1"), (result, 1, "seed 2"), frames: 2);

        Assert.Equal(["step 0", "step 20", "step 40"], animation.Frames.Select(f => f.Label));
        Assert.Equal(result.Final(1).W, ((LineSeries)animation.Frames[^1].Frame.Series[0]).Y[^1] - result.Final(1).B, 3);
        Assert.Equal(4, film.Panels.Count);
        Assert.Equal(2, film.Columns);
        Assert.Contains("seed 2, step 40", film.Panels[3].Title);
    }

    [Fact]
    public void Parameter_bands_hold_mean_plus_minus_std_across_seeds()
    {
        var result = PointGanTrainer.Train([1, 2, 3], Short);

        var chart = PointGanPlots.ParameterBands(result);

        var (mean, std) = result.AcrossSeeds(p => p.W);
        var band = (BandSeries)chart.Series[0];
        Assert.Equal(result.RecordedSteps.Select(s => (double)s), band.X);
        Assert.Equal(mean[^1] + std[^1], band.Upper[^1], 12);
        Assert.Equal(mean[^1] - std[^1], band.Lower[^1], 12);
        Assert.Equal(mean, ((LineSeries)chart.Series[2]).Y);
    }

    [Fact]
    public void The_summary_has_one_row_and_one_bar_per_experiment()
    {
        var a = PointGanTrainer.Train([1, 2], Short);
        var b = PointGanTrainer.Train([1, 2], Short with { NoiseScale = 0.5 });

        var table = PointGanPlots.Summary([("a", a), ("b", b)]);
        var chart = PointGanPlots.SummaryChart([("a", a), ("b", b)]);

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("a", table.Rows[0][0]);
        Assert.Equal(2, table.Rows[0][1]);
        Assert.Equal((a.Final(0).W + a.Final(1).W) / 2, (double)table.Rows[0][3]!, 6);
        var bars = chart.Panels[0].Series.OfType<BandSeries>().ToArray();
        Assert.Equal(2, bars.Length);
        Assert.Equal(a.SuccessRate * 100, bars[0].Upper[0]);
    }

    [Fact]
    public void Wilson_intervals_match_the_textbook_values()
    {
        var (low, high) = PointGanPlots.Wilson(0.5, 50);
        Assert.Equal(0.366, low, 3);
        Assert.Equal(0.634, high, 3);
        Assert.Equal(0, PointGanPlots.Wilson(0, 50).Low);
        Assert.Equal(0.071, PointGanPlots.Wilson(0, 50).High, 3);
    }

    [Fact]
    public void The_sweep_scores_the_flat_d_at_ln2_and_a_bell_by_its_closed_form()
    {
        var perfect = new PointGanParameters(0, 1, 0, 0, 0, 0, 0, 0, 0); // G outputs exactly 1
        var bell = PointGanSweep.Bell(1, 0.5, 2, sharpness: 10);

        var losses = PointGanSweep.Losses(perfect, [PointGanSweep.Flat, bell], Short, points: 101);

        Assert.Equal(Math.Log(2), losses[0], 5);
        // Fakes and reals are all 1, so the loss is ½[−ln(1 − D(1)) − ln D(1)].
        var p = bell.Discriminate(1);
        Assert.Equal(-(Math.Log(1 - p) + Math.Log(p)) / 2, losses[1], 4);
        Assert.Equal(1 / (1 + Math.Exp(-2 * Math.Tanh(5) * 2 + 2)), p, 12);  // σ(2·(2 tanh 5) − 2) ≈ σ(2)
        Assert.True(bell.Discriminate(3) < 0.13 && bell.Discriminate(-1) < 0.13); // σ(−2) outside the bell
        Assert.True(PointGanSweep.Step(0.9, 2).Discriminate(2) > 0.85);
    }
}
