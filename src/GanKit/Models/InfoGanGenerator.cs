using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// InfoGAN's MNIST generator (Chen et al. 2016, appendix; openai/InfoGAN): the 74-d input (62 noise values, a one-hot
/// code of 10 categories and 2 continuous codes) → FC 1024 → FC 7·7·128, each with batch norm and ReLU, then two 4×4
/// stride-2 transposed convolutions (64 channels with batch norm and ReLU, then 1), and a sigmoid: (B, 1, 28, 28)
/// images in [0, 1], the mean of a Bernoulli per pixel as in the paper. 6,652,481 parameters at the paper's sizes.
/// </summary>
public sealed class InfoGanGenerator : Module<Tensor, Tensor>
{
    private readonly Linear fc1;                // (B, input) -> (B, 1024)
    private readonly BatchNorm1d bn1;
    private readonly ReLU act1;
    private readonly Linear fc2;                // -> (B, 6272)
    private readonly BatchNorm1d bn2;
    private readonly ReLU act2;
    private readonly Unflatten toMaps;          // -> (B, 128, 7, 7)
    private readonly ConvTranspose2d up3;       // -> (B, 64, 14, 14)
    private readonly BatchNorm2d bn3;
    private readonly ReLU act3;
    private readonly ConvTranspose2d up4;       // -> (B, 1, 28, 28)
    private readonly Sigmoid sigmoid;

    /// <param name="inputDim">Noise plus codes: 62 + 10 + 2 = 74 in the paper.</param>
    public InfoGanGenerator(long inputDim = 74) : base(nameof(InfoGanGenerator))
    {
        if (inputDim < 1) throw new ArgumentOutOfRangeException(nameof(inputDim), inputDim, "the generator needs at least one input");
        InputDim = inputDim;
        fc1 = Linear(inputDim, 1024);
        bn1 = BatchNorm1d(1024);
        act1 = ReLU();
        fc2 = Linear(1024, 128 * 7 * 7);
        bn2 = BatchNorm1d(128 * 7 * 7);
        act2 = ReLU();
        toMaps = Unflatten(1, [128, 7, 7]);
        up3 = ConvTranspose2d(128, 64, 4, stride: 2, padding: 1);
        bn3 = BatchNorm2d(64);
        act3 = ReLU();
        up4 = ConvTranspose2d(64, 1, 4, stride: 2, padding: 1);
        sigmoid = Sigmoid();
        RegisterComponents();
    }

    public long InputDim { get; }

    /// <summary>Maps (B, input) noise-and-codes to (B, 1, 28, 28) images in [0, 1].</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != InputDim)
            throw new ArgumentException($"the generator takes (B, {InputDim}) noise and codes; got [{string.Join(", ", input.shape)}]", nameof(input));
        using var scope = NewDisposeScope();
        // Layers run through call() so that forward hooks (ModelSummary) see each of them.
        var x = act1.call(bn1.call(fc1.call(input)));
        x = toMaps.call(act2.call(bn2.call(fc2.call(x))));
        x = act3.call(bn3.call(up3.call(x)));
        return sigmoid.call(up4.call(x)).MoveToOuterDisposeScope();
    }
}
