using GanKit.Training;

namespace GanKit.Tests.Training;

/// <summary>
/// One trainer iteration of a 1-D GAN worked out by hand: G(z) = gw·z + gb, D(x) = σ(a·x + c) as a
/// logit a·x + c, SGD with optional weight decay, mean-reduced BCE. The formulas are the chain rule written out, nothing else.
/// </summary>
internal sealed class HandComputedGanStep
{
    public double A, C, Gw, Gb;
    public double LossD, LossG, DReal, DFake, GradNormD, GradNormG;

    private static double Sigmoid(double l) => 1 / (1 + Math.Exp(-l));

    private static double Bce(double logit, double target) =>
        -(target * Math.Log(Sigmoid(logit)) + (1 - target) * Math.Log(1 - Sigmoid(logit)));

    public HandComputedGanStep(double a, double c, double gw, double gb, double[] real, double[] z, double[] realWeights,
        GanOptions options)
    {
        var n = real.Length;
        var fake = z.Select(v => gw * v + gb).ToArray();
        // D step: L = ½[mean_i wr_i·BCE(a·x_i + c, t_real) + mean_j wf·BCE(a·f_j + c, t_fake)], dBCE/dl = σ(l) − t.
        double dA = 0, dC = 0, realLoss = 0, fakeLoss = 0;
        for (var i = 0; i < n; i++)
        {
            var w = realWeights[i] * options.RealWeight;
            var l = a * real[i] + c;
            realLoss += w * Bce(l, options.RealTarget) / n;
            dA += 0.5 * w * (Sigmoid(l) - options.RealTarget) * real[i] / n;
            dC += 0.5 * w * (Sigmoid(l) - options.RealTarget) / n;
            var lf = a * fake[i] + c;
            fakeLoss += options.FakeWeight * Bce(lf, options.FakeTarget) / n;
            dA += 0.5 * options.FakeWeight * (Sigmoid(lf) - options.FakeTarget) * fake[i] / n;
            dC += 0.5 * options.FakeWeight * (Sigmoid(lf) - options.FakeTarget) / n;
        }
        LossD = (realLoss + fakeLoss) / 2;
        DReal = real.Average(x => Sigmoid(a * x + c));
        DFake = fake.Average(f => Sigmoid(a * f + c));
        GradNormD = Math.Sqrt(dA * dA + dC * dC);
        // SGD with L2 weight decay: θ ← θ − lr·(g + λ·θ); the gradient norm is measured before the decay term.
        A = a - options.LearningRateD * (dA + options.WeightDecayD * a);
        C = c - options.LearningRateD * (dC + options.WeightDecayD * c);

        // G step through the updated D: non-saturating BCE(l', 1) has dL/dl' = σ(l') − 1;
        // minimax −BCE(l', 0) = log(1 − σ(l')) has dL/dl' = −σ(l'); and dl'/dgw = A·z, dl'/dgb = A.
        double dGw = 0, dGb = 0;
        LossG = 0;
        for (var j = 0; j < n; j++)
        {
            var l = A * fake[j] + C;
            var nonSaturating = options.GeneratorLoss == GeneratorLoss.NonSaturating;
            LossG += (nonSaturating ? Bce(l, 1) : -Bce(l, 0)) / n;
            var dl = (nonSaturating ? Sigmoid(l) - 1 : -Sigmoid(l)) / n;
            dGw += dl * A * z[j];
            dGb += dl * A;
        }
        GradNormG = Math.Sqrt(dGw * dGw + dGb * dGb);
        Gw = gw - options.LearningRateG * (dGw + options.WeightDecayG * gw);
        Gb = gb - options.LearningRateG * (dGb + options.WeightDecayG * gb);
    }
}
