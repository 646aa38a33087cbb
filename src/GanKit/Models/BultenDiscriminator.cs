using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// Wouter Bulten's Keras MNIST discriminator (<c>net_discriminator</c>): four 5×5 convolutions
/// (64, 128, 256 with stride 2, then 512 with stride 1), each followed by LeakyReLU(0.3) and, from the
/// second on, dropout; then a dense layer to one sigmoid probability. 4,311,553 parameters, as Keras
/// reports. Keras's defaults are made explicit: LeakyReLU α = 0.3, glorot-uniform kernels, zero
/// biases, TensorFlow's asymmetric 'same' padding for the strided convolutions.
/// Keras flattens channels-last (h, w, c) where this flattens (c, h, w): the dense weights are the
/// same function up to a fixed permutation, and glorot-uniform draws are i.i.d., so the model is the
/// original's (Keras weights would need that permutation to load).
/// Used in notebook 03.
/// </summary>
public sealed class BultenDiscriminator : Module<Tensor, Tensor>
{
    public const double KerasLeakySlope = 0.3;

    private readonly ZeroPad2d pad1;     // (B, 1, 28, 28) -> (B, 1, 31, 31): TF 'same' pads 1 before, 2 after
    private readonly Conv2d conv1;       // -> (B, 64, 14, 14)
    private readonly LeakyReLU act1;
    private readonly ZeroPad2d pad2;     // -> (B, 64, 17, 17)
    private readonly Conv2d conv2;       // -> (B, 128, 7, 7)
    private readonly LeakyReLU act2;
    private readonly Dropout drop2;
    private readonly ZeroPad2d pad3;     // -> (B, 128, 11, 11): 2 before, 2 after
    private readonly Conv2d conv3;       // -> (B, 256, 4, 4)
    private readonly LeakyReLU act3;
    private readonly Dropout drop3;
    private readonly Conv2d conv4;       // stride 1, 'same' (2 on every side): -> (B, 512, 4, 4)
    private readonly LeakyReLU act4;
    private readonly Dropout drop4;
    private readonly Flatten flatten;    // -> (B, 8192)
    private readonly Linear dense;       // -> (B, 1)
    private readonly Sigmoid sigmoid;    // P(real)

    /// <param name="dropout">Dropout after conv2, conv3 and conv4 (0.4 in the original; the Comet adaptation tries 0.5).</param>
    public BultenDiscriminator(double dropout = 0.4) : base(nameof(BultenDiscriminator))
    {
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "a dropout rate lies in [0, 1)");
        DropoutRate = dropout;
        pad1 = TensorFlowPadding.SamePad2d(28, 5, 2);
        conv1 = Conv2d(1, 64, 5, stride: 2);
        act1 = LeakyReLU(KerasLeakySlope);
        pad2 = TensorFlowPadding.SamePad2d(14, 5, 2);
        conv2 = Conv2d(64, 128, 5, stride: 2);
        act2 = LeakyReLU(KerasLeakySlope);
        drop2 = Dropout(dropout);
        pad3 = TensorFlowPadding.SamePad2d(7, 5, 2);
        conv3 = Conv2d(128, 256, 5, stride: 2);
        act3 = LeakyReLU(KerasLeakySlope);
        drop3 = Dropout(dropout);
        conv4 = Conv2d(256, 512, 5, Padding.Same);
        act4 = LeakyReLU(KerasLeakySlope);
        drop4 = Dropout(dropout);
        flatten = Flatten();
        dense = Linear(512 * 4 * 4, 1);
        sigmoid = Sigmoid();
        RegisterComponents();
        Initialization.KerasDefaults(this);
    }

    /// <summary>The dropout rate after conv2, conv3 and conv4.</summary>
    public double DropoutRate { get; }

    // Layers run through call() so that forward hooks (ModelSummary) see each of them.
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = act1.call(conv1.call(pad1.call(images)));
        x = drop2.call(act2.call(conv2.call(pad2.call(x))));
        x = drop3.call(act3.call(conv3.call(pad3.call(x))));
        x = drop4.call(act4.call(conv4.call(x)));
        return sigmoid.call(dense.call(flatten.call(x))).MoveToOuterDisposeScope();
    }
}
