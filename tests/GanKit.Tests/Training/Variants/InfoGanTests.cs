using GanKit.Training.Variants;

namespace GanKit.Tests.Training.Variants;

public class InfoGanTests
{
    private static readonly InfoGanOptions Options = new();

    [Fact]
    public void TheInputIsNoiseThenTheOneHotCategoryThenTheContinuousCodes()
    {
        manual_seed(1);
        using var gan = new InfoGan(Options);
        using var noise = gan.SampleNoise(2);
        Assert.True(noise.min().item<float>() >= -1f && noise.max().item<float>() <= 1f);
        using var input = gan.Input(noise, tensor(new long[] { 4, 9 }), tensor(new float[] { 0.5f, -0.25f, 1, -1 }, [2, 2]));
        Assert.Equal([2L, 74], input.shape);
        Assert.Equal(noise.data<float>().ToArray(), input[.., ..62].contiguous().data<float>().ToArray());
        Assert.Equal(1f, input[0, 62 + 4].item<float>());
        Assert.Equal(1f, input[1, 62 + 9].item<float>());
        Assert.Equal(1f, input[.., 62..72].sum().item<float>() / 2);
        Assert.Equal(new[] { 0.5f, -0.25f, 1, -1 }, input[.., 72..].contiguous().data<float>().ToArray());
    }

    [Fact]
    public void GridAndSweepInputsAreRowMajor()
    {
        manual_seed(2);
        using var gan = new InfoGan(Options);
        using var noise = gan.SampleNoise(3);
        using var grid = gan.CategoryGridInput([5, 1], noise);
        Assert.Equal([6L, 74], grid.shape);
        Assert.Equal(1f, grid[2, 62 + 5].item<float>());           // row 0, column 2: category 5, noise row 2
        Assert.Equal(1f, grid[3, 62 + 1].item<float>());           // row 1, column 0
        Assert.Equal(noise[2].data<float>().ToArray(), grid[5, ..62].contiguous().data<float>().ToArray());
        using var sweep = gan.SweepInput(1, [-1, 0, 1], noise[..2], [7, 2]);
        Assert.Equal([6L, 74], sweep.shape);
        Assert.Equal(new[] { 0f, -1f, 0f, 0f, 0f, 1f }, sweep[..3, 72..].contiguous().data<float>().ToArray());
        Assert.Equal(1f, sweep[4, 62 + 2].item<float>());
        Assert.Equal(noise[1].data<float>().ToArray(), sweep[3, ..62].contiguous().data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => gan.SweepInput(2, [0, 1], noise, [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => gan.SweepInput(0, [0, 1], noise, [0]));
    }

    [Fact]
    public void AStepTrainsDQAndGAndReportsTheInformationTerms()
    {
        using var data = VariantTestData.Digits(8);
        manual_seed(3);
        using var gan = new InfoGan(Options);
        var before = gan.Generator.parameters().Select(p => p.clone()).ToList();
        var qBefore = gan.Discriminator.parameters().Select(p => p.clone()).ToList();
        var values = gan.Step(new BatchStream(data, 4));
        Assert.Equal(gan.SeriesNames.Count, values.Length);
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
        Assert.True(values[4] <= Math.Log(10) + 1e-6, $"the MI bound {values[4]} exceeds ln 10");
        Assert.True(values[5] >= 0);
        Assert.Contains(gan.Generator.parameters().Zip(before), pair => !pair.First.allclose(pair.Second, rtol: 0, atol: 0));
        Assert.Contains(gan.Discriminator.parameters().Zip(qBefore), pair => !pair.First.allclose(pair.Second, rtol: 0, atol: 0));
        foreach (var t in before.Concat(qBefore)) t.Dispose();
    }

    [Fact]
    public void BadSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InfoGan(Options with { Categories = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InfoGan(Options with { ContinuousWeight = -0.1 }));
    }
}
