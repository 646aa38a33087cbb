using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// The fully connected generator of notebook 06's CGAN, WGAN and WGAN-GP (the common modern MLP of PyTorch ports of
/// these papers): [noise ‖ condition] → 256 → 512 → 1024 → 784 units, LeakyReLU(0.2) after each hidden layer, batch
/// norm on the second and third, a Tanh output reshaped to (B, 1, 28, 28) images in [−1, 1]. The condition (a one-hot
/// label for CGAN) is simply appended to the noise; unconditional variants have none. With 100-d noise and no condition
/// it has 1,489,424 parameters (1,491,984 with a 10-class label).
/// </summary>
public sealed class MlpGenerator : Module<Tensor, Tensor>
{
    /// <summary>The side of the square grey images it draws.</summary>
    public const int ImageSize = 28;

    private readonly Linear fc1;            // (B, latent + condition) -> (B, 256)
    private readonly LeakyReLU act1;
    private readonly Linear fc2;            // -> (B, 512)
    private readonly BatchNorm1d bn2;
    private readonly LeakyReLU act2;
    private readonly Linear fc3;            // -> (B, 1024)
    private readonly BatchNorm1d bn3;
    private readonly LeakyReLU act3;
    private readonly Linear fc4;            // -> (B, 784)
    private readonly Tanh tanh;
    private readonly Unflatten toImage;     // -> (B, 1, 28, 28)

    /// <param name="latentDim">Length of the noise vector (100).</param>
    /// <param name="conditionDim">Length of the condition appended to it (10 for CGAN's one-hot digit label; 0: none).</param>
    public MlpGenerator(long latentDim = 100, long conditionDim = 0) : base(nameof(MlpGenerator))
    {
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), latentDim, "the latent dimension must be at least 1");
        if (conditionDim < 0) throw new ArgumentOutOfRangeException(nameof(conditionDim), conditionDim, "the condition's length cannot be negative");
        LatentDim = latentDim;
        ConditionDim = conditionDim;
        fc1 = Linear(latentDim + conditionDim, 256);
        act1 = LeakyReLU(0.2);
        fc2 = Linear(256, 512);
        bn2 = BatchNorm1d(512);
        act2 = LeakyReLU(0.2);
        fc3 = Linear(512, 1024);
        bn3 = BatchNorm1d(1024);
        act3 = LeakyReLU(0.2);
        fc4 = Linear(1024, ImageSize * ImageSize);
        tanh = Tanh();
        toImage = Unflatten(1, [1, ImageSize, ImageSize]);
        RegisterComponents();
    }

    public long LatentDim { get; }

    public long ConditionDim { get; }

    /// <summary>Maps (B, latent + condition) inputs to (B, 1, 28, 28) images in [−1, 1].</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != LatentDim + ConditionDim)
            throw new ArgumentException(
                $"the generator takes (B, {LatentDim + ConditionDim}) inputs ({LatentDim} noise + {ConditionDim} condition); got [{string.Join(", ", input.shape)}]", nameof(input));
        using var scope = NewDisposeScope();
        // Layers run through call() so that forward hooks (ModelSummary) see each of them.
        var x = act1.call(fc1.call(input));
        x = act2.call(bn2.call(fc2.call(x)));
        x = act3.call(bn3.call(fc3.call(x)));
        return toImage.call(tanh.call(fc4.call(x))).MoveToOuterDisposeScope();
    }
}
