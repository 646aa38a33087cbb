using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// A small LeNet-style classifier for 1×28×28 images (MNIST, Fashion-MNIST): two 5×5 stride-2 convolutions
/// (32 and 64 channels, ReLU), dropout 0.25, a 128-unit hidden layer with ReLU (<see cref="Features"/>: what
/// the GAN metrics compare), dropout 0.5, and one logit per class. Stride-2 convolutions halve the image where
/// LeNet pools, which keeps training on the CPU short. 454,922 parameters with 10 classes. Inputs are images
/// in [0, 1], as GanKit's datasets hold them. Used in notebook 05 (<c>GanKit.Metrics.Features.MnistFeatures</c>).
/// </summary>
public sealed class MnistClassifier : Module<Tensor, Tensor>
{
    /// <summary>The side of the square grey images it takes.</summary>
    public const int ImageSize = 28;

    /// <summary>The length of <see cref="Features"/>' vectors.</summary>
    public const int FeatureDim = 128;

    private readonly Conv2d conv1;      // (B, 1, 28, 28) -> (B, 32, 14, 14)
    private readonly ReLU act1;
    private readonly Conv2d conv2;      // -> (B, 64, 7, 7)
    private readonly ReLU act2;
    private readonly Dropout drop1;
    private readonly Flatten flatten;   // -> (B, 3136)
    private readonly Linear fc1;        // -> (B, 128)
    private readonly ReLU act3;         // the features
    private readonly Dropout drop2;
    private readonly Linear fc2;        // -> (B, classes): logits

    /// <param name="classCount">Classes to tell apart (10 for MNIST and Fashion-MNIST).</param>
    public MnistClassifier(int classCount = 10) : base(nameof(MnistClassifier))
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "a classifier tells at least 2 classes apart");
        ClassCount = classCount;
        conv1 = Conv2d(1, 32, 5, stride: 2, padding: 2);
        act1 = ReLU();
        conv2 = Conv2d(32, 64, 5, stride: 2, padding: 2);
        act2 = ReLU();
        drop1 = Dropout(0.25);
        flatten = Flatten();
        fc1 = Linear(64 * 7 * 7, FeatureDim);
        act3 = ReLU();
        drop2 = Dropout(0.5);
        fc2 = Linear(FeatureDim, classCount);
        RegisterComponents();
    }

    public int ClassCount { get; }

    /// <summary>The logits, (B, <see cref="ClassCount"/>), of images (B, 1, 28, 28) in [0, 1].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return fc2.call(drop2.call(Hidden(images))).MoveToOuterDisposeScope();
    }

    /// <summary>The 128-d hidden layer after its ReLU, (B, 128): the images' features.</summary>
    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Hidden(images).MoveToOuterDisposeScope();
    }

    /// <summary>The features and the logits from one pass.</summary>
    public (Tensor Features, Tensor Logits) FeaturesAndLogits(Tensor images)
    {
        using var scope = NewDisposeScope();
        var features = Hidden(images);
        var logits = fc2.call(drop2.call(features));
        return (features.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }

    // Layers run through call() so that forward hooks (ModelSummary) see each of them.
    private Tensor Hidden(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != ImageSize || images.shape[3] != ImageSize)
            throw new ArgumentException($"the classifier takes images of shape (B, 1, {ImageSize}, {ImageSize}); got [{string.Join(", ", images.shape)}]", nameof(images));
        var x = act1.call(conv1.call(images));
        x = drop1.call(act2.call(conv2.call(x)));
        return act3.call(fc1.call(flatten.call(x)));
    }
}
