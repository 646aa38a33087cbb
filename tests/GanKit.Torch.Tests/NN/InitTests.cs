using static TorchSharp.torch.nn;

namespace GanKit.Torch.Tests.NN;

[Collection(SeededRandomStream.Name)]
public class InitTests
{
    [Fact]
    public void DefaultInitialisationEqualsPyTorchsForTheSameSeed()
    {
        manual_seed(0);
        using (var m = Linear(5, 3)) {
            NNAssert.CloseToGolden("init.linear.weight", m.weight);
            NNAssert.CloseToGolden("init.linear.bias", m.bias!);
        }
        manual_seed(1);
        using (var m = Conv2d(2, 3, 3)) {
            NNAssert.CloseToGolden("init.conv2d.weight", m.weight);
            NNAssert.CloseToGolden("init.conv2d.bias", m.bias!);
        }
        manual_seed(2);
        using (var m = ConvTranspose2d(3, 2, 4, stride: 2, padding: 1)) {
            NNAssert.CloseToGolden("init.convt2d.weight", m.weight);
            NNAssert.CloseToGolden("init.convt2d.bias", m.bias!);
        }
        manual_seed(3);
        using (var m = Embedding(6, 4, padding_idx: 1)) NNAssert.CloseToGolden("init.embedding.weight", m.weight!);
    }

    [Fact]
    public void InitFunctionsEqualPyTorchsForTheSameSeed()
    {
        using var t = empty(4, 6);
        manual_seed(4);
        init.kaiming_normal_(t, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
        NNAssert.CloseToGolden("init.kaiming_normal", t);
        manual_seed(5);
        init.xavier_uniform_(t, gain: init.calculate_gain(init.NonlinearityType.Tanh));
        NNAssert.CloseToGolden("init.xavier_uniform_tanh", t);
        using var n = empty(3, 5);
        manual_seed(6);
        init.normal_(n, 0.0, 0.02);
        NNAssert.CloseToGolden("init.normal_0_0.02", n);
    }

    [Fact]
    public void LinearDefaultFollowsTheKaimingUniformBoundAndVariance()
    {
        // kaiming_uniform_(a=√5): gain √(2/(1+5)), bound √3·gain/√fan_in = 1/√fan_in; U(−b, b) has variance b²/3.
        manual_seed(11);
        using var m = Linear(400, 300);
        var bound = 1 / Math.Sqrt(400);
        var w = NNAssert.Values(m.weight);
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        var mean = w.Average();
        var variance = w.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.02 * bound, 0.02 * bound);
        Assert.InRange(variance, 0.97 * bound * bound / 3, 1.03 * bound * bound / 3);
        Assert.True(w.Max() > 0.99 * bound && w.Min() < -0.99 * bound);
        Assert.All(NNAssert.Values(m.bias!), v => Assert.InRange(v, -bound, bound));
    }

    [Fact]
    public void ConvolutionFansAreComputedAsPyTorchDoes()
    {
        using var conv = Conv2d(3, 8, 5);
        Assert.Equal((3L * 25, 8L * 25), init.CalculateFanInAndFanOut(conv.weight));
        // ConvTranspose weights are (in, out/groups, k, k): fan_in is out·k².
        using var convT = ConvTranspose2d(16, 4, 4);
        Assert.Equal(new long[] { 16, 4, 4, 4 }, convT.weight.shape);
        Assert.Equal((4L * 16, 16L * 16), init.CalculateFanInAndFanOut(convT.weight));
        var bound = 1 / Math.Sqrt(4 * 16);
        Assert.All(NNAssert.Values(convT.bias!), v => Assert.InRange(v, -bound, bound));
        using var vector = ones(3);
        Assert.Throws<ArgumentException>(() => init.CalculateFanInAndFanOut(vector));
    }

    [Fact]
    public void KaimingNormalHasTheStandardDeviationOfItsFormula()
    {
        using var t = empty(500, 200);
        manual_seed(12);
        init.kaiming_normal_(t, a: 0.2, mode: init.FanInOut.FanIn, nonlinearity: init.NonlinearityType.LeakyReLU);
        var std = Math.Sqrt(2.0 / (1 + 0.04)) / Math.Sqrt(200);
        var v = NNAssert.Values(t);
        var sd = Math.Sqrt(v.Select(x => x * x).Average());
        Assert.InRange(sd, 0.98 * std, 1.02 * std);
    }

    [Fact]
    public void GainsAndConstantsAreExact()
    {
        Assert.Equal(1.0, init.calculate_gain(init.NonlinearityType.Linear));
        Assert.Equal(1.0, init.calculate_gain(init.NonlinearityType.Sigmoid));
        Assert.Equal(5.0 / 3, init.calculate_gain(init.NonlinearityType.Tanh));
        Assert.Equal(Math.Sqrt(2), init.calculate_gain(init.NonlinearityType.ReLU));
        Assert.Equal(Math.Sqrt(2 / 1.0004), init.calculate_gain(init.NonlinearityType.LeakyReLU, 0.02), 12);

        using var t = empty(2, 3);
        init.constant_(t, 2.5);
        Assert.All(t.data<float>().ToArray(), v => Assert.Equal(2.5f, v));
        init.zeros_(t);
        Assert.All(t.data<float>().ToArray(), v => Assert.Equal(0f, v));
        init.ones_(t);
        Assert.All(t.data<float>().ToArray(), v => Assert.Equal(1f, v));
        init.uniform_(t, 3, 4);
        Assert.All(t.data<float>().ToArray(), v => Assert.InRange(v, 3f, 4f));

        using var bn = BatchNorm2d(3);
        Assert.Equal(new float[] { 1, 1, 1 }, bn.weight.data<float>().ToArray());
        Assert.Equal(new float[] { 0, 0, 0 }, bn.bias!.data<float>().ToArray());
        Assert.Equal(new float[] { 0, 0, 0 }, bn.running_mean!.data<float>().ToArray());
        Assert.Equal(new float[] { 1, 1, 1 }, bn.running_var!.data<float>().ToArray());
    }

    [Fact]
    public void InitOnParametersIsNotRecordedByAutograd()
    {
        using var lin = Linear(3, 3);
        init.xavier_normal_(lin.weight);
        Assert.True(lin.weight.is_leaf);
        Assert.True(lin.weight.requires_grad);
    }
}
