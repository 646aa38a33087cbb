using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// The DCGAN generator of Jovian's anime DCGAN and the PyTorch DCGAN tutorial (Radford et al.'s layout at
/// 64×64): five 4×4 transposed convolutions without biases, each but the last followed by batch norm and
/// ReLU, a Tanh output in [−1, 1] (the range of images normalised with mean = std = 0.5). The latent comes in
/// as (B, latent, 1, 1). With latent 128 and 64 feature maps it has 3,806,080 parameters (Jovian), with
/// latent 100 3,576,704 (the PyTorch tutorial). PyTorch's default initialisation; <see cref="Initialization.Dcgan"/>
/// gives the tutorial's N(0, 0.02) one. Used in notebook 04.
/// </summary>
public sealed class DcganGenerator : Module<Tensor, Tensor>
{
    private readonly ConvTranspose2d up1;   // (B, latent, 1, 1) -> (B, 8f, 4, 4)
    private readonly BatchNorm2d bn1;
    private readonly ReLU act1;
    private readonly ConvTranspose2d up2;   // -> (B, 4f, 8, 8)
    private readonly BatchNorm2d bn2;
    private readonly ReLU act2;
    private readonly ConvTranspose2d up3;   // -> (B, 2f, 16, 16)
    private readonly BatchNorm2d bn3;
    private readonly ReLU act3;
    private readonly ConvTranspose2d up4;   // -> (B, f, 32, 32)
    private readonly BatchNorm2d bn4;
    private readonly ReLU act4;
    private readonly ConvTranspose2d up5;   // -> (B, channels, 64, 64)
    private readonly Tanh tanh;

    /// <param name="latentDim">Length of the noise vector (128 in Jovian's template, 100 in the PyTorch tutorial).</param>
    /// <param name="featureMaps">Channels of the last hidden layer (ngf; 64 in both), doubled at each layer towards the input.</param>
    /// <param name="channels">Colour channels of the images (3).</param>
    public DcganGenerator(long latentDim = 128, long featureMaps = 64, long channels = 3) : base(nameof(DcganGenerator))
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), latentDim, "the latent dimension must be at least 1");
        if (featureMaps < 1) throw new ArgumentOutOfRangeException(nameof(featureMaps), featureMaps, "the generator needs at least one feature map");
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "images have at least one channel");
        LatentDim = latentDim;
        var f = featureMaps;
        up1 = ConvTranspose2d(latentDim, 8 * f, 4, stride: 1, bias: false);
        bn1 = BatchNorm2d(8 * f);
        act1 = ReLU();
        up2 = ConvTranspose2d(8 * f, 4 * f, 4, stride: 2, padding: 1, bias: false);
        bn2 = BatchNorm2d(4 * f);
        act2 = ReLU();
        up3 = ConvTranspose2d(4 * f, 2 * f, 4, stride: 2, padding: 1, bias: false);
        bn3 = BatchNorm2d(2 * f);
        act3 = ReLU();
        up4 = ConvTranspose2d(2 * f, f, 4, stride: 2, padding: 1, bias: false);
        bn4 = BatchNorm2d(f);
        act4 = ReLU();
        up5 = ConvTranspose2d(f, channels, 4, stride: 2, padding: 1, bias: false);
        tanh = Tanh();
        RegisterComponents();
    }

    public long LatentDim { get; }

    /// <summary>Maps (B, latent, 1, 1) noise — or (B, latent), which is reshaped — to (B, channels, 64, 64) images in [−1, 1].</summary>
    public override Tensor forward(Tensor z)
    {
        if (z.dim() == 2) z = z.view(z.shape[0], z.shape[1], 1, 1);
        if (z.dim() != 4 || z.shape[1] != LatentDim || z.shape[2] != 1 || z.shape[3] != 1)
            throw new ArgumentException($"the generator takes noise of shape (B, {LatentDim}, 1, 1); got [{string.Join(", ", z.shape)}]", nameof(z));
        using var scope = NewDisposeScope();
        // Layers run through call() so that forward hooks (ModelSummary) see each of them.
        var x = act1.call(bn1.call(up1.call(z)));
        x = act2.call(bn2.call(up2.call(x)));
        x = act3.call(bn3.call(up3.call(x)));
        x = act4.call(bn4.call(up4.call(x)));
        return tanh.call(up5.call(x)).MoveToOuterDisposeScope();
    }
}
