using GanKit.Models;

namespace GanKit.Tests.Models;

public class ModelSummaryTests
{
    [Fact]
    public void GeneratorSummaryIsKerassFromAForwardPass()
    {
        using var g = new BultenGenerator();
        var summary = ModelSummary.Of(g, 100);
        Assert.Equal((2_394_241L, 2_368_705L, 25_536L), (summary.TotalParameters, summary.TrainableParameters, summary.NonTrainableParameters));
        Assert.Equal(summary.TotalParameters, summary.Rows.Sum(r => r.Parameters));
        Assert.Equal(18, summary.Rows.Count); // every leaf layer, in call order
        Assert.Equal(("dense", "Linear", "(B, 12544)", 1_266_944L), (summary.Rows[0].Name, summary.Rows[0].Type, summary.Rows[0].OutputShapeText, summary.Rows[0].Parameters));
        Assert.Equal(("bn0", 50_176L), (summary.Rows[1].Name, summary.Rows[1].Parameters)); // γ, β and the two moving statistics, as Keras counts
        Assert.Equal(("reshape", "(B, 256, 7, 7)"), (summary.Rows[3].Name, summary.Rows[3].OutputShapeText));
        Assert.Equal(("sigmoid", "(B, 1, 28, 28)"), (summary.Rows[^1].Name, summary.Rows[^1].OutputShapeText));
        Assert.Equal(new[] { 819_328L, 204_864L, 51_232L, 801L }, summary.Rows.Where(r => r.Type == "Conv2d").Select(r => r.Parameters));

        var table = summary.ToTable();
        Assert.Equal(new[] { "Layer", "Type", "Output shape", "Params" }, table.Columns);
        Assert.Equal(18, table.Rows.Count);
        Assert.Equal("BultenGenerator: 2,394,241 params (2,368,705 trainable, 25,536 non-trainable)", table.Title);
        Assert.Contains("(B, 64, 28, 28)", table.ToHtml());
    }

    [Fact]
    public void DiscriminatorSummaryCountsFrozenParametersAsNonTrainable()
    {
        using var d = new BultenDiscriminator();
        var summary = ModelSummary.Of(d, 1, 28, 28);
        Assert.Equal((4_311_553L, 0L), (summary.TrainableParameters, summary.NonTrainableParameters));
        Assert.Equal(("dense", "(B, 1)", 8_193L), (summary.Rows[^2].Name, summary.Rows[^2].OutputShapeText, summary.Rows[^2].Parameters));
        foreach (var p in d.parameters()) p.requires_grad = false;
        var frozen = ModelSummary.Of(d, 1, 28, 28);
        Assert.Equal((0L, 4_311_553L), (frozen.TrainableParameters, frozen.NonTrainableParameters));
    }

    [Fact]
    public void TheModelIsLeftAsItWas()
    {
        manual_seed(4);
        using var g = new BultenGenerator();
        g.train();
        List<double[]> Buffers() => g.buffers().Select(b => { using var d = b.to_type(ScalarType.Float64); return d.data<double>().ToArray(); }).ToList();
        var statistics = Buffers(); // running statistics and num_batches_tracked
        ModelSummary.Of(g, 100);
        Assert.True(g.training);
        Assert.All(g.modules(), m => Assert.True(m.training));
        Assert.Equal(statistics, Buffers());
        g.eval();
        ModelSummary.Of(g, 100);
        Assert.All(g.modules(), m => Assert.False(m.training));
        // No hooks are left behind: a later forward pass adds no rows anywhere.
        var again = ModelSummary.Of(g, 100);
        Assert.Equal(18, again.Rows.Count);
    }

    [Fact]
    public void ABadInputShapeIsNamed()
    {
        using var g = new BultenGenerator();
        Assert.Equal("inputShape", Assert.Throws<ArgumentException>(() => ModelSummary.Of(g)).ParamName);
        Assert.Equal("inputShape", Assert.Throws<ArgumentException>(() => ModelSummary.Of(g, 0)).ParamName);
    }
}
