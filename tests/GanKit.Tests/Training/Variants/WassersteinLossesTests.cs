using System.Text.Json;
using GanKit.Training.Variants;

namespace GanKit.Tests.Training.Variants;

/// <summary>
/// WassersteinLosses against its PyTorch twin (make_gradient_penalty_golden.py, PyTorch 1.13 on the same libtorch):
/// a tiny critic with the golden's weights, fixed inputs, and the penalty down to its double backward.
/// </summary>
public class WassersteinLossesTests
{
    /// <summary>
    /// Relative tolerance on the golden's libtorch: both sides run the same float32 kernels in the same order on one
    /// thread, so the values agree to the last bit (measured: every difference is 0). 1e-6 leaves room for a rounding
    /// difference in a sum and still catches a wrong formula: without the double backward, the weights' gradients
    /// are off by up to 5 (see <see cref="GoldenGradientsWouldCatchAMissingDoubleBackward"/>).
    /// </summary>
    private const double SameLibtorch = 1e-6;

    /// <summary>Another libtorch (the official package's, Debian 13's) may sum in another order: float32 rounding, not measured here.</summary>
    private const double OtherLibtorch = 1e-4;

    private const double Lambda = 10.0;

    private static readonly JsonElement Golden = LoadGolden();

    private static JsonElement LoadGolden()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Training", "Variants", "gradient_penalty.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static double Tolerance =>
        MajorMinor(torch.__version__) == MajorMinor(Golden.GetProperty("torch").GetString()!) ? SameLibtorch : OtherLibtorch;

    // "1.13.0a0" (Debian's PyTorch), "2.10.0+cpu" → "1.13", "2.10".
    private static string MajorMinor(string version) => string.Join('.', version.Split('.').Take(2));

    private static double[] Values(JsonElement element) => element.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static long[] Shape => Golden.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();

    private static Tensor Input(string name) => tensor(Values(Golden.GetProperty(name)).Select(v => (float)v).ToArray()).reshape(Shape);

    /// <summary>The golden's critic, real and fake inputs, and ε (one per example), as every PyTorch comparison starts.</summary>
    private static (nn.Module<Tensor, Tensor> Critic, Tensor Real, Tensor Fake, Tensor Epsilon) GoldenCase() =>
        (Critic(), Input("real"), Input("fake"), tensor(Values(Golden.GetProperty("epsilon")).Select(v => (float)v).ToArray()));

    /// <summary>The golden's critic: Flatten, Linear(4→8), LeakyReLU(0.2), Linear(8→1), with its weights.</summary>
    private static nn.Module<Tensor, Tensor> Critic()
    {
        var critic = nn.Sequential(nn.Flatten(), nn.Linear(4, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1));
        var parameters = critic.named_parameters().ToArray();
        var expected = Golden.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(p => p.GetProperty("name").GetString()), parameters.Select(p => p.name));
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            var shape = expected[i].GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            using var values = tensor(Values(expected[i].GetProperty("values")).Select(v => (float)v).ToArray()).reshape(shape);
            parameters[i].parameter.copy_(values);
        }
        return critic;
    }

    /// <summary>The largest difference relative to max(|expected|, 1e-3), and fails past <paramref name="tolerance"/>.</summary>
    private static double AssertClose(double[] expected, Tensor actual, string what, double tolerance)
    {
        using var asDouble = actual.detach().reshape(-1).to_type(ScalarType.Float64);
        var values = asDouble.data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        var worst = expected.Zip(values, (e, a) => Math.Abs(e - a) / Math.Max(Math.Abs(e), 1e-3)).Max();
        Assert.True(worst <= tolerance, $"{what}: relative difference {worst:G3} to PyTorch, tolerance {tolerance:G3}");
        return worst;
    }

    private static double AssertClose(double expected, Tensor actual, string what, double tolerance) =>
        AssertClose([expected], actual, what, tolerance);

    private static void AssertGradients(JsonElement expected, nn.Module<Tensor, Tensor> critic, string what, double tolerance)
    {
        foreach (var (name, parameter) in critic.named_parameters())
            AssertClose(Values(expected.GetProperty(name)), parameter.grad!, $"{what} of {name}", tolerance);
    }

    [Fact]
    public void LossesInterpolatesNormsAndPenaltyMatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var (critic, real, fake, epsilon) = GoldenCase();
        var tolerance = Tolerance;

        var realOutput = critic.forward(real);
        var fakeOutput = critic.forward(fake);
        AssertClose(Values(Golden.GetProperty("real_output")), realOutput, "D(real)", tolerance);
        AssertClose(Values(Golden.GetProperty("fake_output")), fakeOutput, "D(fake)", tolerance);
        AssertClose(Golden.GetProperty("critic_loss").GetDouble(), WassersteinLosses.Critic(realOutput, fakeOutput), "critic loss", tolerance);
        AssertClose(Golden.GetProperty("generator_loss").GetDouble(), WassersteinLosses.Generator(fakeOutput), "generator loss", tolerance);

        var interpolates = WassersteinLosses.Interpolates(real, fake, epsilon);
        Assert.True(interpolates.is_leaf && interpolates.requires_grad);
        AssertClose(Values(Golden.GetProperty("interpolates")), interpolates, "interpolates", tolerance);
        AssertClose(Values(Golden.GetProperty("gradient_norms")), WassersteinLosses.GradientNorms(critic, interpolates), "gradient norms", tolerance);
        AssertClose(Golden.GetProperty("penalty").GetDouble(), WassersteinLosses.GradientPenalty(critic, real, fake, epsilon), "penalty", tolerance);
    }

    [Fact]
    public void PenaltyBackpropagatesIntoTheCriticLikePyTorch()
    {
        using var scope = NewDisposeScope();
        var (critic, real, fake, epsilon) = GoldenCase();

        var loss = WassersteinLosses.Critic(critic.forward(real), critic.forward(fake));
        var penalty = WassersteinLosses.GradientPenalty(critic, real, fake, epsilon);
        loss.add(penalty.mul(Lambda)).backward();

        AssertGradients(Golden.GetProperty("total_gradients"), critic, "d(loss + 10 penalty)", Tolerance);
    }

    [Fact]
    public void GoldenGradientsWouldCatchAMissingDoubleBackward()
    {
        // The penalty moves the weights' gradients far beyond the tolerance, so the test above checks the double backward.
        var total = Golden.GetProperty("total_gradients");
        var lossOnly = Golden.GetProperty("critic_loss_gradients");
        var shift = new[] { "1.weight", "3.weight" }
            .Max(name => Values(total.GetProperty(name)).Zip(Values(lossOnly.GetProperty(name)), (t, l) => Math.Abs(t - l)).Max());
        Assert.True(shift > 1e4 * OtherLibtorch, $"the penalty changes the gradients by only {shift:G3}");
    }

    [Fact]
    public void WithoutCreateGraphThePenaltyIsSilentlyLost()
    {
        using var scope = NewDisposeScope();
        var (critic, real, fake, epsilon) = GoldenCase();

        // The same penalty with a plain gradient: a constant, which adds nothing to the critic's gradients.
        var interpolates = WassersteinLosses.Interpolates(real, fake, epsilon);
        var gradient = autograd.grad([critic.forward(interpolates).sum()], [interpolates])[0];
        var constant = gradient.flatten(1).square().sum(1).sqrt().sub(1).square().mean();
        Assert.False(constant.requires_grad);
        Assert.True(WassersteinLosses.GradientPenalty(critic, real, fake, epsilon).requires_grad);

        var loss = WassersteinLosses.Critic(critic.forward(real), critic.forward(fake));
        loss.add(constant.mul(Lambda)).backward();
        AssertGradients(Golden.GetProperty("critic_loss_gradients"), critic, "d(loss + 10 constant)", Tolerance);
    }

    [Fact]
    public void DrawnEpsilonIsTorchRandAndReproducibleWithASeed()
    {
        using var scope = NewDisposeScope();
        var critic = Critic();
        var real = Input("real");
        var fake = Input("fake");
        var seed = Golden.GetProperty("draw_seed").GetInt64();

        manual_seed(seed);
        var first = WassersteinLosses.GradientPenalty(critic, real, fake);
        manual_seed(seed);
        var second = WassersteinLosses.GradientPenalty(critic, real, fake);
        manual_seed(seed);
        var epsilon = rand(Shape[0]);

        Assert.Equal(first.item<float>(), second.item<float>());
        AssertClose(Values(Golden.GetProperty("drawn_epsilon")), epsilon, "torch.rand after manual_seed", Tolerance);
        AssertClose(Golden.GetProperty("drawn_penalty").GetDouble(), first, "penalty with the drawn epsilon", Tolerance);
    }

    [Fact]
    public void ClipWeightsClampsEveryParameterInPlace()
    {
        using var scope = NewDisposeScope();
        var critic = Critic();
        var before = critic.parameters().Select(p => p.detach().clone()).ToArray();
        WassersteinLosses.ClipWeights(critic, 0.1);

        var after = critic.parameters().ToArray();
        Assert.Contains(before, p => p.abs().max().item<float>() > 0.1f);
        for (var i = 0; i < after.Length; i++)
        {
            Assert.True(after[i].is_leaf && after[i].requires_grad);
            Assert.True(after[i].allclose(before[i].clamp(-0.1, 0.1), rtol: 0, atol: 0));
        }
    }

    [Fact]
    public void ClipWeightsNeedsAPositiveBound()
    {
        using var critic = nn.Linear(2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => WassersteinLosses.ClipWeights(critic, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WassersteinLosses.ClipWeights(critic, double.NaN));
    }

    [Fact]
    public void BadInputsAreRefusedWithClearMessages()
    {
        using var scope = NewDisposeScope();
        var critic = Critic();
        var real = Input("real");

        var mismatch = Assert.Throws<ArgumentException>(() => WassersteinLosses.GradientPenalty(critic, real, zeros(4, 4)));
        Assert.Contains("real and fake must have the same shape, got [4, 1, 2, 2] and [4, 4]", mismatch.Message);

        var empty = Assert.Throws<ArgumentException>(() => WassersteinLosses.GradientPenalty(critic, zeros(0, 1, 2, 2), zeros(0, 1, 2, 2)));
        Assert.Contains("at least one example, got shape [0, 1, 2, 2]", empty.Message);

        var epsilon = Assert.Throws<ArgumentException>(() => WassersteinLosses.GradientPenalty(critic, real, real, rand(4, 2)));
        Assert.Contains("epsilon must have one value per example (4), got shape [4, 2]", epsilon.Message);
    }
}
