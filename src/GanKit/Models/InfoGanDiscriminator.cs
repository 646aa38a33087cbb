using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// InfoGAN's MNIST discriminator with its Q network (Chen et al. 2016, appendix; openai/InfoGAN), sharing one trunk:
/// 4×4 stride-2 convolutions to 64 channels (LeakyReLU) and 128 channels (batch norm, LeakyReLU), then FC 1024 (batch
/// norm, LeakyReLU). D's head is one logit, real or fake; Q's head is FC 128 (batch norm, LeakyReLU) and then the
/// parameters of the codes' posterior: one logit per category and the mean of each continuous code (a Gaussian of fixed
/// standard deviation 1, as the paper's code). LeakyReLU's slope is 0.1, the value PyTorch ports use (openai's code
/// uses its helper's 0.01). 6,692,173 parameters with 10 categories and 2 continuous codes.
/// </summary>
public sealed class InfoGanDiscriminator : Module<Tensor, Tensor>
{
    /// <summary>LeakyReLU's slope for negative inputs.</summary>
    public const double LeakySlope = 0.1;

    private readonly Conv2d conv1;          // (B, 1, 28, 28) -> (B, 64, 14, 14)
    private readonly LeakyReLU act1;
    private readonly Conv2d conv2;          // -> (B, 128, 7, 7)
    private readonly BatchNorm2d bn2;
    private readonly LeakyReLU act2;
    private readonly Flatten flatten;       // -> (B, 6272)
    private readonly Linear fc3;            // -> (B, 1024): the shared trunk's output
    private readonly BatchNorm1d bn3;
    private readonly LeakyReLU act3;
    private readonly Linear realOrFake;     // D: -> (B, 1), a logit
    private readonly Linear q1;             // Q: -> (B, 128)
    private readonly BatchNorm1d qbn1;
    private readonly LeakyReLU qact1;
    private readonly Linear q2;             // -> (B, categories + continuous): logits, then means

    /// <param name="categories">Values of the categorical code (10).</param>
    /// <param name="continuousCodes">Continuous codes (2).</param>
    public InfoGanDiscriminator(int categories = 10, int continuousCodes = 2) : base(nameof(InfoGanDiscriminator))
    {
        if (categories < 2) throw new ArgumentOutOfRangeException(nameof(categories), categories, "a categorical code has at least 2 values");
        if (continuousCodes < 0) throw new ArgumentOutOfRangeException(nameof(continuousCodes), continuousCodes, "the number of continuous codes cannot be negative");
        Categories = categories;
        ContinuousCodes = continuousCodes;
        conv1 = Conv2d(1, 64, 4, stride: 2, padding: 1);
        act1 = LeakyReLU(LeakySlope);
        conv2 = Conv2d(64, 128, 4, stride: 2, padding: 1);
        bn2 = BatchNorm2d(128);
        act2 = LeakyReLU(LeakySlope);
        flatten = Flatten();
        fc3 = Linear(128 * 7 * 7, 1024);
        bn3 = BatchNorm1d(1024);
        act3 = LeakyReLU(LeakySlope);
        realOrFake = Linear(1024, 1);
        q1 = Linear(1024, 128);
        qbn1 = BatchNorm1d(128);
        qact1 = LeakyReLU(LeakySlope);
        q2 = Linear(128, categories + continuousCodes);
        RegisterComponents();
    }

    public int Categories { get; }

    public int ContinuousCodes { get; }

    /// <summary>D's logit alone, (B, 1), for images (B, 1, 28, 28).</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return realOrFake.call(Trunk(images)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// D's logit (B, 1) and Q's posterior of the codes from one pass through the trunk: category logits (B, categories)
    /// and continuous means (B, continuous codes).
    /// </summary>
    public (Tensor Logit, Tensor CategoryLogits, Tensor ContinuousMeans) WithCodes(Tensor images)
    {
        using var scope = NewDisposeScope();
        var trunk = Trunk(images);
        var q = q2.call(qact1.call(qbn1.call(q1.call(trunk))));
        return (realOrFake.call(trunk).MoveToOuterDisposeScope(),
            q.narrow(1, 0, Categories).MoveToOuterDisposeScope(),
            q.narrow(1, Categories, ContinuousCodes).MoveToOuterDisposeScope());
    }

    private Tensor Trunk(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != 28 || images.shape[3] != 28)
            throw new ArgumentException($"the discriminator takes images of shape (B, 1, 28, 28); got [{string.Join(", ", images.shape)}]", nameof(images));
        var x = act1.call(conv1.call(images));
        x = flatten.call(act2.call(bn2.call(conv2.call(x))));
        return act3.call(bn3.call(fc3.call(x)));
    }
}
