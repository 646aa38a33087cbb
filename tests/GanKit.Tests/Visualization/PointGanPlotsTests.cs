using static System.FormattableString;
using System.Text.Json.Nodes;
using GanKit.Display.Charts;
using GanKit.Models;
using GanKit.Training.PointGan;
using GanKit.Visualization;

namespace GanKit.Tests.Visualization;

public sealed class PointGanPlotsTests
{
    private static readonly PointGanOptions Short = new() { Steps = 40, RecordEvery = 10 };

    private static JsonNode Figure(PlotlyChart chart) => JsonNode.Parse(chart.Json)!;

    private static double[] Values(JsonNode trace, string axis) => trace[axis]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void Functions_draw_g_in_blue_over_its_inputs_and_d_in_orange_over_the_value_axis()
    {
        var p = new PointGanParameters(0.5, 1, 1, -1, 0, 0, 2, 2, 0);

        var data = Figure(PointGanPlots.Functions(p))["data"]!.AsArray();

        var (g, d) = (data[0]!, data[1]!);
        Assert.Equal([GanPlots.Blue, GanPlots.Orange], new[] { g, d }.Select(t => t["line"]!["color"]!.GetValue<string>()));
        Assert.Equal([-1.0, 1.0], Values(g, "x"));
        Assert.Equal([0.5, 1.5], Values(g, "y"));    // G(−1) = −0.5 + 1, G(1) = 0.5 + 1
        var dx = Values(d, "x");
        Assert.Equal(PointGanPlots.ValueRange, (dx[0], dx[^1]));
        Assert.Equal(p.Discriminate(dx[17]), Values(d, "y")[17], 3);
        Assert.Equal(51, dx.Length); // every 0.1: enough for the eye, small in animations
    }

    [Fact]
    public void Animations_carry_only_what_changes_and_title_each_frame_with_its_step()
    {
        var result = PointGanTrainer.Train([1, 2], Short);

        var animation = PointGanPlots.Animate(result, 1, "seed 2", frames: 3);
        var film = Figure(PointGanPlots.SideBySide((result, 0, "seed 1"), (result, 1, "seed 2"), frames: 2));

        var frames = Figure(animation)["frames"]!.AsArray();
        Assert.Equal(["step 0", "step 20", "step 40"], frames.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal("seed 2 — step 40", frames[^1]!["layout"]!["title"]!["text"]!.GetValue<string>());
        // G, D and G's outputs move; the real value's line (trace 2) never does, so no frame repeats it.
        Assert.Equal([0, 1, 3], frames[^1]!["traces"]!.AsArray().Select(t => t!.GetValue<int>()));
        var g = frames[^1]!["data"]![0]!;
        Assert.Equal(result.Final(1).W, Values(g, "y")[1] - result.Final(1).B, 3);
        Assert.Equal(3, Figure(animation)["layout"]!["sliders"]![0]!["steps"]!.AsArray().Count);
        Assert.Equal(4, film["layout"]!["annotations"]!.AsArray().Count);
        Assert.Equal(2, film["layout"]!["grid"]!["columns"]!.GetValue<int>());
        Assert.Contains("seed 2, step 40", film["layout"]!["annotations"]![3]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Two_runs_animate_in_step_with_each_panel_titled_by_its_parameters()
    {
        var result = PointGanTrainer.Train([1, 2], Short);

        var animation = Figure(PointGanPlots.AnimateSideBySide((result, 0, "seed 1"), (result, 1, "seed 2"), frames: 3));

        var frames = animation["frames"]!.AsArray();
        Assert.Equal(["step 0", "step 20", "step 40"], frames.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal("seed 1 (left) vs seed 2 (right) — step 40", frames[^1]!["layout"]!["title"]!["text"]!.GetValue<string>());
        // Four traces per panel; in each, all but the real value's line move.
        Assert.Equal([0, 1, 3, 4, 5, 7], frames[^1]!["traces"]!.AsArray().Select(t => t!.GetValue<int>()));
        var titles = frames[^1]!["layout"]!["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).ToArray();
        Assert.Equal([Invariant($"seed 1: w = {result.Final(0).W:F2}, b = {result.Final(0).B:F2}"), Invariant($"seed 2: w = {result.Final(1).W:F2}, b = {result.Final(1).B:F2}")], titles);
        Assert.Equal(2, animation["layout"]!["grid"]!["columns"]!.GetValue<int>());
    }

    [Fact]
    public void A_loss_sweep_over_orders_of_magnitude_gets_a_log_axis()
    {
        var wide = Figure(PointGanPlots.LossSweep([0.02, 0.5, 1.5], [("bell", [0.7, 0.9, 1.0])], "sweep", "half-width"));
        var narrow = Figure(PointGanPlots.LossSweep([1, 2, 3], [("bell", [0.7, 0.9, 1.0])], "sweep", "half-width"));

        Assert.Equal("log", wide["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("half-width (log scale)", wide["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal([0.02, 0.05, 0.1, 0.2, 0.5, 1], Values(wide["layout"]!["xaxis"]!, "tickvals"));
        Assert.Null(narrow["layout"]!["xaxis"]!["type"]);
        Assert.Equal(Math.Log(2), Values(wide["data"]![1]!, "y")[0], 5); // the flat D's ln 2 line
    }

    [Fact]
    public void Parameter_bands_hold_mean_plus_minus_std_across_seeds()
    {
        var result = PointGanTrainer.Train([1, 2, 3], Short);
        var (mean, std) = result.AcrossSeeds(p => p.W);

        var data = Figure(PointGanPlots.ParameterBands(result))["data"]!.AsArray();

        var band = Values(data[0]!, "y"); // upper edge forwards, lower edge backwards
        var n = result.RecordedSteps.Count;
        Assert.Equal(result.RecordedSteps.Select(s => (double)s), Values(data[0]!, "x").Take(n));
        Assert.Equal(mean[^1] + std[^1], band[n - 1], 5); // six significant digits
        Assert.Equal(mean[^1] - std[^1], band[n], 5);
        Assert.Equal(mean, Values(data[2]!, "y"), (a, b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a)));
    }

    [Fact]
    public void Parameter_bands_side_by_side_share_one_y_range()
    {
        var a = PointGanTrainer.Train([1, 2], Short);
        var b = PointGanTrainer.Train([3, 4], Short with { LearningRateG = 0.5 });

        var layout = Figure(PointGanPlots.ParameterBands(null, (a, "a"), (b, "b")))["layout"]!;

        Assert.Equal(Values(layout["yaxis"]!, "range"), Values(layout["yaxis2"]!, "range"));
    }

    [Fact]
    public void The_summary_has_one_row_and_one_named_bar_per_experiment()
    {
        var a = PointGanTrainer.Train([1, 2], Short);
        var b = PointGanTrainer.Train([3, 4], Short);

        var table = PointGanPlots.Summary([("a", a), ("b", b)]);
        var bars = Figure(PointGanPlots.SummaryChart([("a", a), ("b", b)]))["data"]![0]!;

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("a", table.Rows[0][0]);
        Assert.Equal(2, table.Rows[0][1]);
        Assert.Equal((a.Final(0).W + a.Final(1).W) / 2, (double)table.Rows[0][3]!, 6);
        Assert.Equal("bar", bars["type"]!.GetValue<string>());
        var (low, high) = PointGanPlots.Wilson(a.SuccessRate, 2);
        Assert.Equal(["a<br>", "b<br>"], bars["x"]!.AsArray().Select(x => x!.GetValue<string>()[..(x!.GetValue<string>().IndexOf("<br>") + 4)]));
        Assert.EndsWith(Invariant($"{a.SuccessRate * 100:0.#} % ({low * 100:0}–{high * 100:0})"), bars["x"]![0]!.GetValue<string>());
        Assert.Equal(a.SuccessRate * 100, Values(bars, "y")[0], 6);
        Assert.Equal(high * 100 - a.SuccessRate * 100, Values(bars["error_y"]!, "array")[0], 3);
        Assert.Equal(a.SuccessRate * 100 - low * 100, Values(bars["error_y"]!, "arrayminus")[0], 3);
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
