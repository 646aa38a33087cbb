using static GanKit.Torch.Tests.Optim.OptimTestKit;

namespace GanKit.Torch.Tests.Optim;

/// <summary>First and second steps against the update formulas written out by hand.</summary>
public class ClosedFormStepTests
{
    private static readonly double[] P0 = { 1.0, -2.0, 3.0 };
    private static readonly double[] G1 = { 0.5, -4.0, 0.001 };
    private static readonly double[] G2 = { -1.5, 2.0, 0.25 };

    private static double[] Map(Func<int, double> f) => Enumerable.Range(0, P0.Length).Select(f).ToArray();

    [Fact]
    public void SgdStepsAgainstTheGradient()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(P0);
        using var opt = torch.optim.SGD([p], 0.1);
        SetGrad(p, G1);
        opt.step();
        AssertClose(Map(k => P0[k] - 0.1 * G1[k]), p);
    }

    [Fact]
    public void SgdMomentumOverTwoSteps()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.1, m = 0.9, damp = 0.2;
        var p = Param(P0);
        using var opt = torch.optim.SGD([p], lr, momentum: m, dampening: damp);
        SetGrad(p, G1);
        opt.step();
        // The first step's buffer is the gradient itself (no dampening).
        var p1 = Map(k => P0[k] - lr * G1[k]);
        AssertClose(p1, p);
        SetGrad(p, G2);
        opt.step();
        AssertClose(Map(k => p1[k] - lr * (m * G1[k] + (1 - damp) * G2[k])), p);
    }

    [Fact]
    public void SgdNesterovWithWeightDecay()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.1, m = 0.9, wd = 0.01;
        var p = Param(P0);
        using var opt = torch.optim.SGD([p], lr, momentum: m, weight_decay: wd, nesterov: true);
        SetGrad(p, G1);
        opt.step();
        var d1 = Map(k => G1[k] + wd * P0[k]);
        var p1 = Map(k => P0[k] - lr * (d1[k] + m * d1[k]));
        AssertClose(p1, p);
        SetGrad(p, G2);
        opt.step();
        var d2 = Map(k => G2[k] + wd * p1[k]);
        var buf = Map(k => m * d1[k] + d2[k]);
        AssertClose(Map(k => p1[k] - lr * (d2[k] + m * buf[k])), p);
    }

    [Fact]
    public void AdamFirstStepIsLrTimesSignWithBiasCorrection()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.1, eps = 1e-8;
        var p = Param(P0);
        using var opt = torch.optim.Adam([p], lr: lr, eps: eps);
        SetGrad(p, G1);
        opt.step();
        // m̂ = g and v̂ = g² after bias correction.
        AssertClose(Map(k => P0[k] - lr * G1[k] / (Math.Abs(G1[k]) + eps)), p);
    }

    [Fact]
    public void AdamSecondStepWithWeightDecay()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.01, b1 = 0.8, b2 = 0.9, eps = 1e-6, wd = 0.1;
        var p = Param(P0);
        using var opt = torch.optim.Adam([p], lr, b1, b2, eps, wd);
        var m = new double[3];
        var v = new double[3];
        var expected = (double[])P0.Clone();
        foreach (var (g, t) in new[] { (G1, 1), (G2, 2) }) {
            SetGrad(p, g);
            opt.step();
            for (int k = 0; k < 3; k++) {
                double gk = g[k] + wd * expected[k];
                m[k] = b1 * m[k] + (1 - b1) * gk;
                v[k] = b2 * v[k] + (1 - b2) * gk * gk;
                double mhat = m[k] / (1 - Math.Pow(b1, t)), vhat = v[k] / (1 - Math.Pow(b2, t));
                expected[k] -= lr * mhat / (Math.Sqrt(vhat) + eps);
            }
            AssertClose(expected, p, 1e-9);
        }
    }

    [Fact]
    public void AmsgradNormalisesByTheLargestSecondMoment()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.01, b1 = 0.9, b2 = 0.5;
        var p = Param(1.0);
        using var opt = torch.optim.Adam([p], lr: lr, beta1: b1, beta2: b2, eps: 0, amsgrad: true);
        SetGrad(p, 4.0);
        opt.step();
        SetGrad(p, 0.0);
        opt.step();
        // v₂ = β₂v₁ < v₁, so the second step divides by √v₁ (bias-corrected with t = 2).
        double m2 = b1 * (1 - b1) * 4.0, v1 = (1 - b2) * 16.0;
        double p1 = 1.0 - lr * Math.Sign(4.0);
        double p2 = p1 - lr / (1 - b1 * b1) * m2 / (Math.Sqrt(v1) / Math.Sqrt(1 - b2 * b2));
        AssertClose([p2], p, 1e-12);
    }

    [Fact]
    public void AdamMaximizeClimbs()
    {
        using var scope = torch.NewDisposeScope();
        var p = Param(P0);
        using var opt = torch.optim.Adam([p], lr: 0.1, eps: 0, maximize: true);
        SetGrad(p, G1);
        opt.step();
        AssertClose(Map(k => P0[k] + 0.1 * Math.Sign(G1[k])), p);
    }

    [Fact]
    public void AdamWDecaysTheParameterNotTheGradient()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.1, wd = 0.5;
        var p = Param(P0);
        using var opt = torch.optim.AdamW([p], lr: lr, eps: 0, weight_decay: wd);
        SetGrad(p, G1);
        opt.step();
        AssertClose(Map(k => P0[k] * (1 - lr * wd) - lr * Math.Sign(G1[k])), p);
    }

    [Fact]
    public void RmspropFirstStep()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.01, alpha = 0.9, eps = 1e-8;
        var p = Param(P0);
        using var opt = torch.optim.RMSProp([p], lr: lr, alpha: alpha, eps: eps);
        SetGrad(p, G1);
        opt.step();
        AssertClose(Map(k => P0[k] - lr * G1[k] / (Math.Sqrt((1 - alpha) * G1[k] * G1[k]) + eps)), p);
    }

    [Fact]
    public void RmspropCenteredSubtractsTheSquaredMeanGradient()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.01, alpha = 0.9, eps = 1e-8;
        var p = Param(P0);
        using var opt = torch.optim.RMSProp([p], lr: lr, alpha: alpha, eps: eps, centered: true);
        SetGrad(p, G1);
        opt.step();
        var p1 = Map(k => {
            double v = (1 - alpha) * G1[k] * G1[k], a = (1 - alpha) * G1[k];
            return P0[k] - lr * G1[k] / (Math.Sqrt(v - a * a) + eps);
        });
        AssertClose(p1, p);
    }

    [Fact]
    public void RmspropMomentumOverTwoSteps()
    {
        using var scope = torch.NewDisposeScope();
        const double lr = 0.01, alpha = 0.5, mom = 0.9;
        var p = Param(P0);
        using var opt = torch.optim.RMSProp([p], lr: lr, alpha: alpha, eps: 0, momentum: mom);
        SetGrad(p, G1);
        opt.step();
        SetGrad(p, G2);
        opt.step();
        var expected = Map(k => {
            double v1 = (1 - alpha) * G1[k] * G1[k], v2 = alpha * v1 + (1 - alpha) * G2[k] * G2[k];
            double b1 = G1[k] / Math.Sqrt(v1), b2 = mom * b1 + G2[k] / Math.Sqrt(v2);
            return P0[k] - lr * b1 - lr * b2;
        });
        AssertClose(expected, p);
    }
}
