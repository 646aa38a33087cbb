using TorchSharp;
using static TorchSharp.torch;
using GanKit.Data;
using GanKit.Models;

namespace GanKit.Training.PointGan;

/// <summary>
/// Every random number a PointGAN run uses, drawn up front per seed: <c>torch.manual_seed(seed)</c>,
/// then the 9 initial parameters, G's inputs for every step, and G's parameter noise. A seed's run is
/// therefore identical whether it trains alone or inside a batch of seeds.
/// </summary>
public sealed class PointGanDraws : IDisposable
{
    // PyTorch's default init bounds for Linear(1,1), Linear(1,2), Linear(2,1): U(−1/√fan_in, 1/√fan_in),
    // which kaiming_uniform(a = √5) also gives for the weights.
    private static readonly float[] InitBounds = [1f, 1f, 1f, 1f, 1f, 1f, 1 / MathF.Sqrt(2), 1 / MathF.Sqrt(2), 1 / MathF.Sqrt(2)];

    private PointGanDraws(Tensor initial, Tensor inputs, Tensor? noise)
    {
        Initial = initial;
        Inputs = inputs;
        Noise = noise;
    }

    /// <summary>(S, 9) initial parameters in <see cref="PointGanParameters"/> order.</summary>
    public Tensor Initial { get; }

    /// <summary>(S, steps, batch, 1) inputs x ~ U(−1, 1).</summary>
    public Tensor Inputs { get; }

    /// <summary>(S, steps, K, 2) standard normal (ε_w, ε_b) per noisy copy of G, or null without noise.</summary>
    public Tensor? Noise { get; }

    public static PointGanDraws ForSeeds(IReadOnlyList<int> seeds, PointGanOptions options)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed", nameof(seeds));
        using var scope = NewDisposeScope();
        var initial = new List<Tensor>();
        var inputs = new List<Tensor>();
        var noise = new List<Tensor>();
        using var bounds = tensor(InitBounds);
        foreach (var seed in seeds)
        {
            manual_seed(seed);
            initial.Add(rand(PointGanParameters.Count).mul(2).sub(1).mul(bounds));
            inputs.Add(PointData.Inputs(options.Steps, options.BatchSize, 1));
            if (options.HasNoise) noise.Add(randn(options.Steps, options.NoiseSamples, 2));
        }
        var draws = new PointGanDraws(stack(initial), stack(inputs), options.HasNoise ? stack(noise) : null);
        draws.Initial.DetachFromDisposeScope();
        draws.Inputs.DetachFromDisposeScope();
        draws.Noise?.DetachFromDisposeScope();
        return draws;
    }

    public void Dispose()
    {
        Initial.Dispose();
        Inputs.Dispose();
        Noise?.Dispose();
    }
}
