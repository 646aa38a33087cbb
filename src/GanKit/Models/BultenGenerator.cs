using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// Wouter Bulten's Keras MNIST generator (<c>net_generator</c>): a dense layer to 7·7·256 units with
/// batch norm, LeakyReLU and dropout, then two ×2 nearest-neighbour upsamplings each followed by a
/// 5×5 'same' convolution, batch norm and LeakyReLU (128, 64 channels), a 32-channel convolution
/// block, and a 1-channel convolution with a sigmoid: images in [0, 1]. 2,394,241 numbers, as Keras
/// reports, of which 25,536 are the batch norms' moving means and variances (buffers here).
/// Keras's defaults are made explicit: LeakyReLU α = 0.3; BatchNormalization(momentum = 0.9) is
/// PyTorch momentum 0.1, with Keras's ε = 1e-3; glorot-uniform kernels and zero biases.
/// Keras reshapes the dense output channels-last (7, 7, 256) where this unflattens to (256, 7, 7):
/// the same function up to a fixed permutation of the dense units, whose draws are i.i.d.
/// Used in notebook 03.
/// </summary>
public sealed class BultenGenerator : Module<Tensor, Tensor>
{
    public const double KerasBatchNormMomentum = 0.1; // Keras momentum 0.9: moving = 0.9·moving + 0.1·batch
    public const double KerasBatchNormEpsilon = 1e-3;

    private readonly Linear dense;        // (B, 100) -> (B, 12544)
    private readonly BatchNorm1d bn0;
    private readonly LeakyReLU act0;
    private readonly Unflatten reshape;   // -> (B, 256, 7, 7)
    private readonly Dropout drop0;
    private readonly Upsample up1;        // -> (B, 256, 14, 14)
    private readonly Conv2d conv1;        // -> (B, 128, 14, 14)
    private readonly BatchNorm2d bn1;
    private readonly LeakyReLU act1;
    private readonly Upsample up2;        // -> (B, 128, 28, 28)
    private readonly Conv2d conv2;        // -> (B, 64, 28, 28)
    private readonly BatchNorm2d bn2;
    private readonly LeakyReLU act2;
    private readonly Conv2d conv3;        // -> (B, 32, 28, 28)
    private readonly BatchNorm2d bn3;
    private readonly LeakyReLU act3;
    private readonly Conv2d conv4;        // -> (B, 1, 28, 28)
    private readonly Sigmoid sigmoid;     // pixels in [0, 1], like MNIST / 255

    /// <param name="latentDim">Length of the noise vector (100 in the original).</param>
    /// <param name="dropout">Dropout after the reshape (0.4 in the original).</param>
    public BultenGenerator(long latentDim = 100, double dropout = 0.4) : base(nameof(BultenGenerator))
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), latentDim, "the latent dimension must be at least 1");
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "a dropout rate lies in [0, 1)");
        LatentDim = latentDim;
        dense = Linear(latentDim, 256 * 7 * 7);
        bn0 = BatchNorm1d(256 * 7 * 7, KerasBatchNormEpsilon, KerasBatchNormMomentum);
        act0 = LeakyReLU(BultenDiscriminator.KerasLeakySlope);
        reshape = Unflatten(1, [256, 7, 7]);
        drop0 = Dropout(dropout);
        up1 = Upsample(scale_factor: [2.0, 2.0]);
        conv1 = Conv2d(256, 128, 5, Padding.Same);
        bn1 = BatchNorm2d(128, KerasBatchNormEpsilon, KerasBatchNormMomentum);
        act1 = LeakyReLU(BultenDiscriminator.KerasLeakySlope);
        up2 = Upsample(scale_factor: [2.0, 2.0]);
        conv2 = Conv2d(128, 64, 5, Padding.Same);
        bn2 = BatchNorm2d(64, KerasBatchNormEpsilon, KerasBatchNormMomentum);
        act2 = LeakyReLU(BultenDiscriminator.KerasLeakySlope);
        conv3 = Conv2d(64, 32, 5, Padding.Same);
        bn3 = BatchNorm2d(32, KerasBatchNormEpsilon, KerasBatchNormMomentum);
        act3 = LeakyReLU(BultenDiscriminator.KerasLeakySlope);
        conv4 = Conv2d(32, 1, 5, Padding.Same);
        sigmoid = Sigmoid();
        RegisterComponents();
        Initialization.KerasDefaults(this);
    }

    public long LatentDim { get; }

    // Layers run through call() so that forward hooks (ModelSummary) see each of them.
    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var x = drop0.call(reshape.call(act0.call(bn0.call(dense.call(z)))));
        x = act1.call(bn1.call(conv1.call(up1.call(x))));
        x = act2.call(bn2.call(conv2.call(up2.call(x))));
        x = act3.call(bn3.call(conv3.call(x)));
        return sigmoid.call(conv4.call(x)).MoveToOuterDisposeScope();
    }
}
