using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace GanKit.Torch.Tests.NN;

public class LossTests
{
    public static TheoryData<Reduction, string> Reductions => new() {
        { Reduction.None, "none" }, { Reduction.Mean, "mean" }, { Reduction.Sum, "sum" },
    };

    private static Tensor G(string name) => NNGolden.Tensor(name);

    private static Tensor Classes() => NNGolden.Tensor("loss.cls", ScalarType.Int64);

    [Theory, MemberData(nameof(Reductions))]
    public void BinaryCrossEntropyMatchesPyTorch(Reduction reduction, string name)
    {
        using var scope = NewDisposeScope();
        NNAssert.CloseToGolden($"bce.{name}", F.binary_cross_entropy(G("loss.p"), G("loss.y"), reduction: reduction), 1e-12);
        NNAssert.CloseToGolden($"bce_w.{name}", BCELoss(G("loss.wbce"), reduction).call(G("loss.p"), G("loss.y")), 1e-12);
        NNAssert.CloseToGolden($"bcel.{name}", BCEWithLogitsLoss(reduction: reduction).call(G("loss.logits"), G("loss.y")), 1e-12);
        NNAssert.CloseToGolden($"bcel_w_pw.{name}", F.binary_cross_entropy_with_logits(G("loss.logits"), G("loss.y"), G("loss.wbce"), reduction, G("loss.posw")), 1e-12);
    }

    [Theory, MemberData(nameof(Reductions))]
    public void MseAndClassificationLossesMatchPyTorch(Reduction reduction, string name)
    {
        using var scope = NewDisposeScope();
        NNAssert.CloseToGolden($"mse.{name}", MSELoss(reduction).call(G("loss.p"), G("loss.y")), 1e-12);
        NNAssert.CloseToGolden($"ce.{name}", CrossEntropyLoss(reduction: reduction).call(G("loss.scores"), Classes()), 1e-12);
        NNAssert.CloseToGolden($"ce_w.{name}", CrossEntropyLoss(G("loss.wce"), reduction: reduction).call(G("loss.scores"), Classes()), 1e-12);
        NNAssert.CloseToGolden($"ce_ignore2.{name}", CrossEntropyLoss(ignore_index: 2, reduction: reduction).call(G("loss.scores"), Classes()), 1e-12);
        NNAssert.CloseToGolden($"ce_ls0.1.{name}", new TorchSharp.Modules.CrossEntropyLoss(reduction: reduction, label_smoothing: 0.1).call(G("loss.scores"), Classes()), 1e-12);
        NNAssert.CloseToGolden($"nll_w.{name}", NLLLoss(G("loss.wce"), reduction).call(F.log_softmax(G("loss.scores"), 1), Classes()), 1e-12);
    }

    [Fact]
    public void LossesAgreeWithHandComputedValues()
    {
        using var scope = NewDisposeScope();
        // BCE of p = 0.8 for target 1 and p = 0.4 for target 0: −(ln 0.8 + ln 0.6)/2
        var bce = F.binary_cross_entropy(tensor(new double[] { 0.8, 0.4 }), tensor(new double[] { 1, 0 })).item<double>();
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, bce, 12);
        // BCE with logits equals BCE of the sigmoid; pos_weight 2 doubles the positive term
        var logit = 0.3;
        var withPos = F.binary_cross_entropy_with_logits(tensor(new[] { logit }), tensor(new double[] { 1 }), pos_weights: tensor(new double[] { 2 })).item<double>();
        Assert.Equal(-2 * Math.Log(1 / (1 + Math.Exp(-logit))), withPos, 12);
        // MSE: ((1 − 0)² + (2 − 4)²)/2
        Assert.Equal(2.5, F.mse_loss(tensor(new double[] { 1, 2 }), tensor(new double[] { 0, 4 })).item<double>(), 12);
        // cross-entropy of [0, ln 3] for class 1: −ln(3/4)
        Assert.Equal(-Math.Log(0.75), F.cross_entropy(tensor(new[] { 0, Math.Log(3) }, [1, 2]), tensor(new long[] { 1 })).item<double>(), 12);
        // weighted mean divides by the sum of the picked weights
        var nll = F.nll_loss(tensor(new double[] { -1, -2, -3, -4 }, [2, 2]), tensor(new long[] { 0, 1 }), tensor(new double[] { 1, 3 })).item<double>();
        Assert.Equal((1 * 1 + 3 * 4) / 4.0, nll, 12);
    }

    [Fact]
    public void BadTargetsGiveManagedExceptions()
    {
        using var scope = NewDisposeScope();
        Assert.ThrowsAny<Exception>(() => F.cross_entropy(G("loss.scores"), tensor(new long[] { 0, 9, 1 })));
        Assert.ThrowsAny<Exception>(() => F.binary_cross_entropy(G("loss.p"), ones(5, ScalarType.Float64)));
        Assert.ThrowsAny<Exception>(() => MSELoss().call(ones(2, 3), ones(4, 5)));
    }
}
