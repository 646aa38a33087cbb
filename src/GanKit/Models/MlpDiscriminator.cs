using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanKit.Models;

/// <summary>
/// The fully connected discriminator of notebook 06's CGAN, and the critic of its WGAN and WGAN-GP: [image (784) ‖
/// condition] → 512 → 256 → 1, LeakyReLU(0.2) after each hidden layer, no batch norm (WGAN-GP's penalty treats
/// every example on its own) and no sigmoid: the output is a logit for CGAN's binary cross-entropy and an unbounded
/// score for the Wasserstein critics. Images (B, 1, 28, 28) are flattened; a condition comes already appended,
/// (B, 784 + condition). 533,505 parameters without a condition (538,625 with a 10-class label).
/// </summary>
public sealed class MlpDiscriminator : Module<Tensor, Tensor>
{
    private const int Pixels = MlpGenerator.ImageSize * MlpGenerator.ImageSize;

    private readonly Flatten flatten;   // (B, 1, 28, 28) or (B, 784 + condition) -> (B, 784 + condition)
    private readonly Linear fc1;        // -> (B, 512)
    private readonly LeakyReLU act1;
    private readonly Linear fc2;        // -> (B, 256)
    private readonly LeakyReLU act2;
    private readonly Linear fc3;        // -> (B, 1): a logit or a critic score

    /// <param name="conditionDim">Length of the condition appended to each flattened image (10 for CGAN; 0: none).</param>
    public MlpDiscriminator(long conditionDim = 0) : base(nameof(MlpDiscriminator))
    {
        if (conditionDim < 0) throw new ArgumentOutOfRangeException(nameof(conditionDim), conditionDim, "the condition's length cannot be negative");
        ConditionDim = conditionDim;
        flatten = Flatten();
        fc1 = Linear(Pixels + conditionDim, 512);
        act1 = LeakyReLU(0.2);
        fc2 = Linear(512, 256);
        act2 = LeakyReLU(0.2);
        fc3 = Linear(256, 1);
        RegisterComponents();
    }

    public long ConditionDim { get; }

    /// <summary>One output per example, (B, 1).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = flatten.call(input);
        if (x.shape[1] != Pixels + ConditionDim)
            throw new ArgumentException(
                $"the discriminator takes 28×28 images with {ConditionDim} condition values appended, (B, {Pixels + ConditionDim}); got [{string.Join(", ", input.shape)}]", nameof(input));
        x = act1.call(fc1.call(x));
        x = act2.call(fc2.call(x));
        return fc3.call(x).MoveToOuterDisposeScope();
    }
}
