using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using GanKit.Data;
using GanKit.Models;

namespace GanKit.Training.PointGan;

/// <summary>
/// Trains many PointGAN seeds at once as one <see cref="PointGanEnsemble"/>: every step is a handful
/// of small batched ops whatever the seed count, so fifty seeds cost a few times one seed, not fifty
/// (on a busy 2-core machine: 1.4 s for one seed, 9 s for fifty, 3000 steps each). G and D take turns each
/// step on the same inputs x: D first, on one BCE over the stacked [G(x) (target 0); 1 (target 1)]
/// (averaged over noisy copies of G in the noise variants), then G on BCE(D(G(x)), 1).
/// Used in notebook 02.
/// </summary>
public static class PointGanTrainer
{
    public static PointGanResult Train(IReadOnlyList<int> seeds, PointGanOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (seeds.Count == 0) throw new ArgumentException("PointGAN needs at least one seed to train.", nameof(seeds));
        var clock = Stopwatch.StartNew();
        using var draws = PointGanDraws.ForSeeds(seeds, options);
        using var ensemble = new PointGanEnsemble(draws.Initial);
        using var optimizerD = options.OptimizerSettingsD.Create(ensemble.DiscriminatorParameters);
        using var optimizerG = options.OptimizerSettingsG.Create(ensemble.GeneratorParameters);
        var recordedSteps = new List<int> { 0 };
        var snapshots = new List<float[]> { Snapshot(ensemble) };
        var cancelled = false;
        for (var step = 0; step < options.Steps; step++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            using (var scope = NewDisposeScope())
            {
                var x = draws.Inputs.select(1, step); // (S, batch, 1)
                UpdateDiscriminator(ensemble, optimizerD, x, draws.Noise?.select(1, step), options);
                UpdateGenerator(ensemble, optimizerG, x);
            }
            if ((step + 1) % options.RecordEvery == 0 || step + 1 == options.Steps)
            {
                recordedSteps.Add(step + 1);
                snapshots.Add(Snapshot(ensemble));
            }
        }
        return new PointGanResult(seeds, options, recordedSteps, snapshots, cancelled, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// PointGAN's D loss per seed, shape (S): one BCE over the stacked generated (target
    /// <see cref="PointGanOptions.FakeTarget"/>) and real (target <see cref="PointGanOptions.RealTarget"/>)
    /// examples, averaged over the rows. With one G and many D settings in the ensemble, it is the
    /// "loss doesn't work" sweep: the loss each D would get against that G.
    /// </summary>
    /// <param name="fake">(S, M, 1) generated examples; M ones are stacked after them as the real examples.</param>
    public static Tensor DiscriminatorLosses(PointGanEnsemble ensemble, Tensor fake, PointGanOptions options)
    {
        using var scope = NewDisposeScope();
        var real = PointData.RealLike(fake);
        var outputs = ensemble.Discriminate(cat(new List<Tensor> { fake, real }, 1)); // (S, 2M, 1)
        var targets = cat(new List<Tensor> { full_like(fake, options.FakeTarget), full_like(real, options.RealTarget) }, 1);
        var weights = options.RealWeight == 1 && options.FakeWeight == 1
            ? null
            : cat(new List<Tensor> { full_like(fake, options.FakeWeight), full_like(real, options.RealWeight) }, 1);
        var perExample = binary_cross_entropy(outputs, targets, weights, nn.Reduction.None); // (S, 2M, 1)
        return perExample.sum(new long[] { 1, 2 }).div(outputs.shape[1]).MoveToOuterDisposeScope();
    }

    private static void UpdateDiscriminator(PointGanEnsemble ensemble, OptimizerHelper optimizer, Tensor x, Tensor? noise, PointGanOptions options)
    {
        optimizer.zero_grad();
        var fake = noise is null ? ensemble.Generate(x).detach() : ensemble.GenerateNoisy(x, noise, options.NoiseScale);
        // Summing the per-seed losses keeps every seed's gradient its own.
        DiscriminatorLosses(ensemble, fake, options).sum().backward();
        optimizer.step();
    }

    private static void UpdateGenerator(PointGanEnsemble ensemble, OptimizerHelper optimizer, Tensor x)
    {
        optimizer.zero_grad();
        var output = ensemble.Discriminate(ensemble.Generate(x));
        // Sum of per-seed means, so each seed's gradient is its own.
        binary_cross_entropy(output, ones_like(output), null, nn.Reduction.Sum).div(output.shape[1]).backward();
        optimizer.step();
    }

    private static float[] Snapshot(PointGanEnsemble ensemble)
    {
        using var values = ensemble.Values();
        return values.data<float>().ToArray();
    }
}
