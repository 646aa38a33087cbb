using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// Many independent PointGAN pairs trained at once: every parameter has a leading seed axis S, and
/// the forward passes broadcast (G, D's first layer) or batch-multiply (D's second layer) over it.
/// A loss that sums the per-seed losses gives each seed exactly its own gradient, and element-wise
/// optimisers (Adam, SGD, their weight decay) then update each seed as if it trained alone.
/// Used in notebook 02.
/// </summary>
public sealed class PointGanEnsemble : Module
{
    // G: y = x·w + b                               w, b: (S, 1, 1)
    private readonly Parameter generator_weight;
    private readonly Parameter generator_bias;
    // D layer 1: h = tanh(y·W1 + b1)  (S,N,1)->(S,N,2)   W1, b1: (S, 1, 2)  (Linear(1, 2) transposed)
    private readonly Parameter hidden_weight;
    private readonly Parameter hidden_bias;
    // D layer 2: p = σ(h @ W2 + b2)   (S,N,2)->(S,N,1)   W2: (S, 2, 1), b2: (S, 1, 1)
    private readonly Parameter output_weight;
    private readonly Parameter output_bias;

    /// <param name="initial">(S, 9) starting values in <see cref="PointGanParameters"/> order.</param>
    public PointGanEnsemble(Tensor initial) : base(nameof(PointGanEnsemble))
    {
        if (initial.dim() != 2 || initial.shape[1] != PointGanParameters.Count)
            throw new ArgumentException($"initial values need shape (seeds, {PointGanParameters.Count}), got [{string.Join(", ", initial.shape)}]", nameof(initial));
        Seeds = initial.shape[0];
        generator_weight = Slice(initial, 0, 1, 1, 1);
        generator_bias = Slice(initial, 1, 1, 1, 1);
        hidden_weight = Slice(initial, 2, 2, 1, 2);
        hidden_bias = Slice(initial, 4, 2, 1, 2);
        output_weight = Slice(initial, 6, 2, 2, 1);
        output_bias = Slice(initial, 8, 1, 1, 1);
        RegisterComponents();
    }

    /// <summary>
    /// An ensemble holding the given pairs, one per seed row: for example one generator beside many
    /// discriminator settings, to sweep D's loss against a fixed G.
    /// </summary>
    public static PointGanEnsemble FromParameters(IReadOnlyList<PointGanParameters> pairs)
    {
        var values = pairs.SelectMany(p => p.ToArray()).Select(v => (float)v).ToArray();
        using var initial = tensor(values, pairs.Count, PointGanParameters.Count);
        return new PointGanEnsemble(initial);
    }

    /// <summary>Number of independent pairs (the leading axis).</summary>
    public long Seeds { get; }

    public IEnumerable<Parameter> GeneratorParameters => [generator_weight, generator_bias];

    public IEnumerable<Parameter> DiscriminatorParameters => [hidden_weight, hidden_bias, output_weight, output_bias];

    /// <summary>G on inputs x of shape (S, N, 1).</summary>
    public Tensor Generate(Tensor x) => x.mul(generator_weight).add(generator_bias);

    /// <summary>
    /// G with Gaussian noise on its two parameters: <paramref name="noise"/> (S, K, 2) holds K draws of
    /// (ε_w, ε_b) per seed, scaled by <paramref name="scale"/>; the K noisy generators all see x (S, N, 1).
    /// Returns (S, K·N, 1), no gradient: the noise variant uses it only while training D.
    /// </summary>
    public Tensor GenerateNoisy(Tensor x, Tensor noise, double scale)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var perturbation = noise.mul(scale).unsqueeze(-1);                              // (S, K, 2, 1)
        var weights = generator_weight.unsqueeze(1).add(perturbation.narrow(2, 0, 1));  // (S, K, 1, 1)
        var biases = generator_bias.unsqueeze(1).add(perturbation.narrow(2, 1, 1));     // (S, K, 1, 1)
        var y = x.unsqueeze(1).mul(weights).add(biases);                                // (S, K, N, 1)
        return y.reshape(Seeds, -1, 1).MoveToOuterDisposeScope();
    }

    /// <summary>D's probability that each y (S, N, 1) is real.</summary>
    public Tensor Discriminate(Tensor y)
    {
        using var scope = NewDisposeScope();
        var hidden = y.mul(hidden_weight).add(hidden_bias).tanh();               // (S, N, 2)
        return hidden.bmm(output_weight).add(output_bias).sigmoid().MoveToOuterDisposeScope(); // (S, N, 1)
    }

    /// <summary>All parameters as (S, 9) in <see cref="PointGanParameters"/> order (a detached copy).</summary>
    public Tensor Values()
    {
        using var scope = NewDisposeScope();
        Tensor[] parts = [generator_weight, generator_bias, hidden_weight, hidden_bias, output_weight, output_bias];
        return cat(parts.Select(p => p.detach().reshape(Seeds, -1)).ToList(), 1).MoveToOuterDisposeScope();
    }

    /// <summary>Columns [start, start + length) of every seed's row, as a fresh (S, rows, columns) parameter owned by this module.</summary>
    private static Parameter Slice(Tensor initial, long start, long length, long rows, long columns)
    {
        using var scope = NewDisposeScope();
        var parameter = new Parameter(initial.narrow(1, start, length).reshape(initial.shape[0], rows, columns).detach().clone());
        parameter.DetachFromDisposeScope();
        return parameter;
    }
}
