using System.Globalization;
using GanKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GanKit.Training.Variants;

/// <summary>The settings of <see cref="InfoGan"/>; the defaults are the paper's for MNIST (openai/InfoGAN).</summary>
public sealed record InfoGanOptions : IVariantOptions
{
    /// <summary>Length of G's incompressible U(−1, 1) noise.</summary>
    public int NoiseDim { get; init; } = 62;

    /// <summary>Values of the uniform categorical code c₁.</summary>
    public int Categories { get; init; } = 10;

    /// <summary>Continuous U(−1, 1) codes (c₂, c₃).</summary>
    public int ContinuousCodes { get; init; } = 2;

    /// <summary>λ for the categorical code's mutual-information term (the paper's 1).</summary>
    public double CategoricalWeight { get; init; } = 1;

    /// <summary>λ for the continuous codes' term: openai's code uses 1 for every code; the paper suggests a smaller one.</summary>
    public double ContinuousWeight { get; init; } = 1;

    /// <summary>D's and Q's optimizer: Adam 2e-4, β₁ = 0.5.</summary>
    public OptimizerSettings OptimizerD { get; init; } = new() { LearningRate = 2e-4, Beta1 = 0.5 };

    /// <summary>G's optimizer: Adam 1e-3, β₁ = 0.5.</summary>
    public OptimizerSettings OptimizerG { get; init; } = new() { LearningRate = 1e-3, Beta1 = 0.5 };

    /// <summary>G's input length: noise, the one-hot category and the continuous codes (74).</summary>
    public int InputDim => NoiseDim + Categories + ContinuousCodes;

    public void Validate()
    {
        if (NoiseDim < 1) throw new ArgumentOutOfRangeException(nameof(NoiseDim), NoiseDim, "the noise needs at least one dimension");
        if (Categories < 2) throw new ArgumentOutOfRangeException(nameof(Categories), Categories, "the categorical code has at least 2 values");
        if (ContinuousCodes < 0) throw new ArgumentOutOfRangeException(nameof(ContinuousCodes), ContinuousCodes, "the number of continuous codes cannot be negative");
        if (!(CategoricalWeight >= 0) || !(ContinuousWeight >= 0))
            throw new ArgumentOutOfRangeException(nameof(CategoricalWeight), (CategoricalWeight, ContinuousWeight), "the information terms' weights cannot be negative");
        OptimizerD.Validate(nameof(OptimizerD));
        OptimizerG.Validate(nameof(OptimizerG));
    }
}

/// <summary>
/// InfoGAN (Chen et al. 2016): part of G's input is a code c — here a 10-way category and two continuous values — and
/// a network Q, sharing D's trunk, must read c back from G's images. Maximising that mutual information (a lower bound:
/// H(c) minus Q's cross-entropy) makes G put c into something visible, without ever seeing a label: on MNIST the
/// category tends to become the digit and the continuous codes its slant and width. Standard GAN losses with G's
/// non-saturating one; the information term is added to both D/Q's and G's losses. Networks as the paper
/// (<see cref="InfoGanGenerator"/>, <see cref="InfoGanDiscriminator"/>), images in [0, 1].
/// </summary>
public sealed class InfoGan : GanVariant
{
    public InfoGan(InfoGanOptions options, Device? device = null)
        : base("InfoGAN", Checked(options), new InfoGanGenerator(options.InputDim), new InfoGanDiscriminator(options.Categories, options.ContinuousCodes), device)
    {
        Options = options;
    }

    public InfoGanOptions Options { get; }

    /// <summary>Adversarial losses and D's outputs as for any GAN; "MI category" is the lower bound on the mutual information
    /// between the category and G's images, ln(categories) − Q's cross-entropy (at most ln 10 = 2.30 nats: Q reads every
    /// category back); "code error" is Q's mean squared error on the continuous codes (1/3 for a guess of 0).</summary>
    public override IReadOnlyList<string> SeriesNames { get; } = ["loss D", "loss G", "D(x)", "D(G(z))", "MI category", "code error"];

    public override string Recipe => string.Create(CultureInfo.InvariantCulture,
        $"InfoGAN: the paper's conv G and D/Q, {Options.NoiseDim}-d U(−1, 1) noise + {Options.Categories}-way category + {Options.ContinuousCodes} U(−1, 1) codes; binary cross-entropy, non-saturating G loss; information terms λ = {Options.CategoricalWeight} (category), {Options.ContinuousWeight} (continuous) in both losses; D/Q Adam {Options.OptimizerD.LearningRate:g3}, G Adam {Options.OptimizerG.LearningRate:g3}, β₁ = {Options.OptimizerD.Beta1}");

    private InfoGanDiscriminator DiscriminatorWithQ => (InfoGanDiscriminator)Discriminator;

    /// <summary>G's input: <paramref name="noise"/> (B, noise), the one-hot <paramref name="categories"/> (int64 (B))
    /// and <paramref name="continuous"/> codes (B, continuous codes), side by side.</summary>
    public Tensor Input(Tensor noise, Tensor categories, Tensor continuous)
    {
        using var scope = NewDisposeScope();
        var oneHot = F.one_hot(categories.to(ScalarType.Int64, noise.device), Options.Categories).to(noise.dtype);
        return cat([noise, oneHot, continuous.to(noise.dtype, noise.device)], 1).MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="count"/> rows of U(−1, 1) noise (B, noise) from torch's generator.</summary>
    public Tensor SampleNoise(long count, Device? device = null) => rand([count, Options.NoiseDim], device: device).mul(2).sub(1);

    /// <summary>Noise and continuous codes drawn anew, category i mod categories for example i.</summary>
    public override Tensor SampleInput(long count)
    {
        using var scope = NewDisposeScope();
        var categories = arange(count, dtype: ScalarType.Int64).remainder(Options.Categories);
        return Input(SampleNoise(count), categories, SampleCodes(count, CPU)).MoveToOuterDisposeScope();
    }

    /// <summary>Images of the requested categories (int64 (B)), with new noise and continuous codes.</summary>
    public Tensor GenerateCategories(Tensor categories)
    {
        using var scope = NewDisposeScope();
        var count = categories.shape[0];
        return Generate(Input(SampleNoise(count), categories, SampleCodes(count, CPU))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// G's inputs for a grid: one row per entry of <paramref name="rowCategories"/>, one column per row of
    /// <paramref name="columnNoise"/> (the same noise down each column), continuous codes at 0; row-major.
    /// </summary>
    public Tensor CategoryGridInput(IReadOnlyList<long> rowCategories, Tensor columnNoise)
    {
        using var scope = NewDisposeScope();
        var columns = columnNoise.shape[0];
        var rows = rowCategories.Select(k => Input(columnNoise, full(columns, k, ScalarType.Int64), zeros(columns, Options.ContinuousCodes))).ToList();
        return cat(rows, 0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// G's inputs for a sweep of continuous code <paramref name="code"/> (0-based) over <paramref name="values"/>: one
    /// row per row of <paramref name="rowNoise"/> with its category from <paramref name="rowCategories"/>, one column
    /// per value, every other continuous code at 0; row-major.
    /// </summary>
    public Tensor SweepInput(int code, IReadOnlyList<double> values, Tensor rowNoise, IReadOnlyList<long> rowCategories)
    {
        if (code < 0 || code >= Options.ContinuousCodes)
            throw new ArgumentOutOfRangeException(nameof(code), code, $"InfoGAN here has continuous codes 0 … {Options.ContinuousCodes - 1}");
        if (rowCategories.Count != rowNoise.shape[0])
            throw new ArgumentException($"one category per noise row: {rowNoise.shape[0]} rows, {rowCategories.Count} categories", nameof(rowCategories));
        using var scope = NewDisposeScope();
        var (rows, n, k) = (rowNoise.shape[0], values.Count, Options.ContinuousCodes);
        var rowOf = Enumerable.Range(0, (int)rows * n).Select(i => (long)(i / n)).ToArray();
        var codeValues = new float[rows * n * k];
        for (var i = 0; i < rows * n; i++) codeValues[i * k + code] = (float)values[i % n];
        var noise = rowNoise.index_select(0, tensor(rowOf));
        var categories = tensor(rowOf.Select(r => rowCategories[(int)r]).ToArray());
        var codes = tensor(codeValues, [rows * n, k]);
        return Input(noise, categories, codes).MoveToOuterDisposeScope();
    }

    protected override Tensor ToUnitRange(Tensor generated) => generated;

    protected override double[] TrainStep(BatchStream data)
    {
        var real = data.Next().Images;
        var batch = real.shape[0];
        var categories = randint(Options.Categories, [batch], dtype: ScalarType.Int64, device: Device);
        var codes = SampleCodes(batch, Device);
        var fake = Generator.forward(Input(SampleNoise(batch, Device), categories, codes));
        var ones = torch.ones([batch, 1], device: Device);
        var zeros = torch.zeros([batch, 1], device: Device);
        var q = DiscriminatorWithQ;

        OptimizerD.zero_grad();
        var realLogit = q.forward(real);
        var (fakeLogit, categoryLogits, codeMeans) = q.WithCodes(fake.detach());
        var adversarialD = F.binary_cross_entropy_with_logits(realLogit, ones).add(F.binary_cross_entropy_with_logits(fakeLogit, zeros));
        var (informationD, _, _) = Information(categoryLogits, codeMeans, categories, codes);
        adversarialD.add(informationD).backward();
        OptimizerD.step();

        OptimizerG.zero_grad();
        var (logitG, categoryLogitsG, codeMeansG) = q.WithCodes(fake);
        var adversarialG = F.binary_cross_entropy_with_logits(logitG, ones);
        var (informationG, crossEntropy, codeError) = Information(categoryLogitsG, codeMeansG, categories, codes);
        adversarialG.add(informationG).backward();
        OptimizerG.step();

        return [adversarialD.item<float>(), adversarialG.item<float>(), realLogit.sigmoid().mean().item<float>(), fakeLogit.sigmoid().mean().item<float>(),
            Math.Log(Options.Categories) - crossEntropy, codeError];
    }

    /// <summary>
    /// The one change InfoGAN makes to the losses: the information term to minimise, for Q's outputs on images G drew
    /// from <paramref name="categories"/> (int64 (B)) and continuous <paramref name="codes"/> (B, continuous codes): λ_cat·CE(Q's category logits, c₁) + λ_cont·½·Σ mean (c − μ)² (the negative
    /// log-likelihood of a unit-variance Gaussian, constants dropped): minus the mutual-information lower bound up to
    /// the codes' fixed entropies. Also returns the cross-entropy and the mean squared code error as numbers.
    /// </summary>
    public (Tensor Loss, double CrossEntropy, double CodeError) Information(Tensor categoryLogits, Tensor codeMeans, Tensor categories, Tensor codes)
    {
        var crossEntropy = F.cross_entropy(categoryLogits, categories);
        var loss = crossEntropy.mul(Options.CategoricalWeight);
        var codeError = 0.0;
        if (Options.ContinuousCodes > 0)
        {
            var squared = codeMeans.sub(codes).square();
            loss = loss.add(squared.sum(1).mean().mul(0.5 * Options.ContinuousWeight));
            codeError = squared.mean().item<float>();
        }
        return (loss, crossEntropy.item<float>(), codeError);
    }

    private Tensor SampleCodes(long count, Device device) => rand([count, Options.ContinuousCodes], device: device).mul(2).sub(1);
}
