using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// The DCGAN discriminator of Jovian's anime DCGAN and the PyTorch DCGAN tutorial: four 4×4 stride-2
/// convolutions without biases (64 → 32 → 16 → 8 → 4 pixels) with LeakyReLU(0.2), batch norm after each but
/// (in the PyTorch tutorial) the first, then a 4×4 convolution to one number, flattened, and a sigmoid: the
/// probability that each image is real, shape (B, 1). Jovian's template puts batch norm after the first
/// convolution too: 2,765,696 parameters, 2,765,568 without it. Used in notebook 04.
/// </summary>
public sealed class DcganDiscriminator : Module<Tensor, Tensor>
{
    public const double LeakySlope = 0.2;

    private readonly Conv2d conv1;          // (B, channels, 64, 64) -> (B, f, 32, 32)
    private readonly BatchNorm2d? bn1;      // Jovian's template only
    private readonly LeakyReLU act1;
    private readonly Conv2d conv2;          // -> (B, 2f, 16, 16)
    private readonly BatchNorm2d bn2;
    private readonly LeakyReLU act2;
    private readonly Conv2d conv3;          // -> (B, 4f, 8, 8)
    private readonly BatchNorm2d bn3;
    private readonly LeakyReLU act3;
    private readonly Conv2d conv4;          // -> (B, 8f, 4, 4)
    private readonly BatchNorm2d bn4;
    private readonly LeakyReLU act4;
    private readonly Conv2d conv5;          // -> (B, 1, 1, 1)
    private readonly Flatten flatten;       // -> (B, 1)
    private readonly Sigmoid sigmoid;

    /// <param name="featureMaps">Channels of the first layer (ndf; 64 in both), doubled at each layer.</param>
    /// <param name="channels">Colour channels of the images (3).</param>
    /// <param name="batchNormFirst">Batch norm after the first convolution: Jovian's template (true) or the PyTorch tutorial (false).</param>
    public DcganDiscriminator(long featureMaps = 64, long channels = 3, bool batchNormFirst = true) : base(nameof(DcganDiscriminator))
    {
        if (featureMaps < 1) throw new ArgumentOutOfRangeException(nameof(featureMaps), featureMaps, "the discriminator needs at least one feature map");
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "images have at least one channel");
        Channels = channels;
        var f = featureMaps;
        conv1 = Conv2d(channels, f, 4, stride: 2, padding: 1, bias: false);
        bn1 = batchNormFirst ? BatchNorm2d(f) : null;
        act1 = LeakyReLU(LeakySlope);
        conv2 = Conv2d(f, 2 * f, 4, stride: 2, padding: 1, bias: false);
        bn2 = BatchNorm2d(2 * f);
        act2 = LeakyReLU(LeakySlope);
        conv3 = Conv2d(2 * f, 4 * f, 4, stride: 2, padding: 1, bias: false);
        bn3 = BatchNorm2d(4 * f);
        act3 = LeakyReLU(LeakySlope);
        conv4 = Conv2d(4 * f, 8 * f, 4, stride: 2, padding: 1, bias: false);
        bn4 = BatchNorm2d(8 * f);
        act4 = LeakyReLU(LeakySlope);
        conv5 = Conv2d(8 * f, 1, 4, stride: 1, bias: false);
        flatten = Flatten();
        sigmoid = Sigmoid();
        RegisterComponents();
    }

    public long Channels { get; }

    /// <summary>Maps (B, channels, 64, 64) images in [−1, 1] to (B, 1) probabilities of being real.</summary>
    public override Tensor forward(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != Channels || images.shape[2] != 64 || images.shape[3] != 64)
            throw new ArgumentException($"the discriminator takes images of shape (B, {Channels}, 64, 64); got [{string.Join(", ", images.shape)}]", nameof(images));
        using var scope = NewDisposeScope();
        // Layers run through call() so that forward hooks (ModelSummary) see each of them.
        var x = conv1.call(images);
        x = act1.call(bn1 is null ? x : bn1.call(x));
        x = act2.call(bn2.call(conv2.call(x)));
        x = act3.call(bn3.call(conv3.call(x)));
        x = act4.call(bn4.call(conv4.call(x)));
        return sigmoid.call(flatten.call(conv5.call(x))).MoveToOuterDisposeScope();
    }
}
