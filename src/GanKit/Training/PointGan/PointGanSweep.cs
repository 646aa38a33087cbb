using TorchSharp;
using static TorchSharp.torch;
using GanKit.Models;

namespace GanKit.Training.PointGan;

/// <summary>
/// The "loss doesn't work" experiment: hold one generator fixed and ask what loss each of many discriminators
/// would get against it — the loss D's training minimises. Used in notebook 02.
/// </summary>
public static class PointGanSweep
{
    /// <summary>
    /// D's loss (PointGAN's joint BCE, <see cref="PointGanTrainer.DiscriminatorLosses"/>) for every discriminator in
    /// <paramref name="discriminators"/> against <paramref name="generator"/>'s outputs on <paramref name="points"/>
    /// evenly spaced inputs x in [−1, 1] (a deterministic stand-in for x ~ U(−1, 1)). Only the D part of each
    /// <see cref="PointGanParameters"/> is used.
    /// </summary>
    public static double[] Losses(PointGanParameters generator, IReadOnlyList<PointGanParameters> discriminators, PointGanOptions? options = null, int points = 2001)
    {
        options ??= new PointGanOptions();
        var pairs = discriminators.Select(d => d with { W = generator.W, B = generator.B }).ToList();
        using var scope = NewDisposeScope();
        using var ensemble = PointGanEnsemble.FromParameters(pairs);
        var x = linspace(-1, 1, points).reshape(1, points, 1).expand(pairs.Count, points, 1);
        var fake = ensemble.Generate(x).detach();
        var losses = PointGanTrainer.DiscriminatorLosses(ensemble, fake, options).to_type(ScalarType.Float64);
        return losses.data<double>().ToArray();
    }

    /// <summary>
    /// A bell-shaped D centred on <paramref name="centre"/>: D(y) ≈ σ(<paramref name="height"/>) inside
    /// centre ± <paramref name="halfWidth"/> and σ(−height) outside, edges as steep as <paramref name="sharpness"/>.
    /// Two tanh units make the two edges: v·tanh(k(y − c + δ)) − v·tanh(k(y − c − δ)) − v.
    /// </summary>
    public static PointGanParameters Bell(double centre, double halfWidth, double height, double sharpness = 10) =>
        new(0, 0,
            HiddenWeight0: sharpness, HiddenWeight1: sharpness,
            HiddenBias0: -sharpness * (centre - halfWidth), HiddenBias1: -sharpness * (centre + halfWidth),
            OutputWeight0: height, OutputWeight1: -height, OutputBias: -height);

    /// <summary>A monotone D, the shape failed runs end with: D(y) = σ(height·tanh(sharpness·(y − threshold))).</summary>
    public static PointGanParameters Step(double threshold, double height, double sharpness = 10) =>
        new(0, 0, HiddenWeight0: sharpness, HiddenWeight1: 0, HiddenBias0: -sharpness * threshold, HiddenBias1: 0,
            OutputWeight0: height, OutputWeight1: 0, OutputBias: 0);

    /// <summary>The degenerate D that says 0.5 to everything: its loss is ln 2 whatever G does.</summary>
    public static PointGanParameters Flat => new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
