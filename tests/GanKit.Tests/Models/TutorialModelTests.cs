using GanKit.Models;

namespace GanKit.Tests.Models;

public class TutorialModelTests
{
    private static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void GaussianNetworksHaveD2lShapesAndSizes()
    {
        using var g = new GaussianGenerator();
        using var d = new GaussianDiscriminator();
        using var z = randn(8, 2);
        using var fake = g.forward(z);
        using var logits = d.forward(fake);
        Assert.Equal(new long[] { 8, 2 }, fake.shape);
        Assert.Equal(new long[] { 8, 1 }, logits.shape);
        Assert.Equal(6, ParameterCount(g));
        Assert.Equal(15 + 18 + 4, ParameterCount(d));
    }

    [Fact]
    public void PointNetworksHaveArticleShapesAndDGivesProbabilities()
    {
        using var g = new PointGenerator();
        using var d = new PointDiscriminator();
        using var x = randn(16, 1).mul(5);
        using var p = d.forward(g.forward(x));
        Assert.Equal(new long[] { 16, 1 }, p.shape);
        Assert.Equal(2, ParameterCount(g));
        Assert.Equal(7, ParameterCount(d));
        Assert.All(p.data<float>().ToArray(), v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void NormalInitDrawsWeightsWithStd002AndZeroesBiases()
    {
        manual_seed(0);
        using var d = Initialization.Normal(new GaussianDiscriminator(2, 200, 300));
        foreach (var (name, parameter) in d.named_parameters())
        {
            var values = parameter.data<float>().ToArray();
            if (name.EndsWith("bias")) Assert.All(values, v => Assert.Equal(0f, v));
            else if (values.Length > 10_000)
            {
                var std = Math.Sqrt(values.Select(v => (double)v * v).Average());
                Assert.InRange(std, 0.019, 0.021); // 60,000 draws: relative error of the std ≈ 0.3 %
            }
        }
    }

    [Fact]
    public void NormalInitWithBiasesDrawsEveryParameterInParameterOrder()
    {
        using var g = new GaussianGenerator(); // its default init draws too: seed after it
        manual_seed(4);
        Initialization.Normal(g, biasesToo: true);
        manual_seed(4);
        using var expectedWeight = randn(2, 2).mul(0.02);
        using var expectedBias = randn(2).mul(0.02);
        var parameters = g.parameters().ToArray();
        AssertClose(expectedWeight, parameters[0]);
        AssertClose(expectedBias, parameters[1]);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var e = expected.data<float>().ToArray();
        var a = actual.data<float>().ToArray();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++) Assert.Equal(e[i], a[i], 6);
    }
}
