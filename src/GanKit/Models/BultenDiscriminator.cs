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
/// biases, TensorFlow's 'same' padding (asymmetric for the strided convolutions, see
/// <see cref="TensorFlowPadding"/>).
/// Keras flattens channels-last (h, w, c) where this flattens (c, h, w): the dense weights are the
/// same function up to a fixed permutation, and glorot-uniform draws are i.i.d., so the model is the
/// original's (Keras weights would need that permutation to load).
/// Used in notebook 03.
/// </summary>
public sealed class BultenDiscriminator : Module<Tensor, Tensor>
{
    public const double KerasLeakySlope = 0.3;

    // TF 'same' for the stride-2 layers: 1 zero before, 2 after. The convolutions pad 1 (2 for conv3)
    // on every side themselves; pad1 and pad2 add the extra bottom row and right column.
    private readonly ZeroPad2d? pad1;    // (B, 1, 28, 28) -> (B, 1, 29, 29)
    private readonly Conv2d conv1;       // -> (B, 64, 14, 14)
    private readonly LeakyReLU act1;
    private readonly ZeroPad2d? pad2;    // -> (B, 64, 15, 15)
    private readonly Conv2d conv2;       // -> (B, 128, 7, 7)
    private readonly LeakyReLU act2;
    private readonly Dropout drop2;
    private readonly ZeroPad2d? pad3;    // none: 7 -> 4 pads 2 and 2
    private readonly Conv2d conv3;       // -> (B, 256, 4, 4)
    private readonly LeakyReLU act3;
    private readonly Dropout drop3;
    private readonly ZeroPad2d? pad4;    // none: stride 1 pads 2 and 2
    private readonly Conv2d conv4;       // -> (B, 512, 4, 4)
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
        (pad1, conv1) = TensorFlowPadding.SameConv2d(1, 64, kernel: 5, stride: 2, size: 28);
        act1 = LeakyReLU(KerasLeakySlope);
        (pad2, conv2) = TensorFlowPadding.SameConv2d(64, 128, kernel: 5, stride: 2, size: 14);
        act2 = LeakyReLU(KerasLeakySlope);
        drop2 = Dropout(dropout);
        (pad3, conv3) = TensorFlowPadding.SameConv2d(128, 256, kernel: 5, stride: 2, size: 7);
        act3 = LeakyReLU(KerasLeakySlope);
        drop3 = Dropout(dropout);
        (pad4, conv4) = TensorFlowPadding.SameConv2d(256, 512, kernel: 5, stride: 1, size: 4);
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
        var x = act1.call(conv1.call(Pad(pad1, images)));
        x = drop2.call(act2.call(conv2.call(Pad(pad2, x))));
        x = drop3.call(act3.call(conv3.call(Pad(pad3, x))));
        x = drop4.call(act4.call(conv4.call(Pad(pad4, x))));
        return sigmoid.call(dense.call(flatten.call(x))).MoveToOuterDisposeScope();
    }

    private static Tensor Pad(ZeroPad2d? extra, Tensor x) => extra is null ? x : extra.call(x);
}
