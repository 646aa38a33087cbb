using F = TorchSharp.torch.nn.functional;

namespace GanKit.Torch.Tests.NN;

/// <summary>Autograd through the nn functions against central finite differences, in float64.</summary>
public class GradCheckTests
{
    private static Tensor R(params long[] shape)
    {
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        return tensor(Enumerable.Range(0, n).Select(i => Math.Sin(0.9 * i + 0.3) + 0.1 * Math.Cos(2.3 * i)).ToArray(), shape, ScalarType.Float64);
    }

    [Fact]
    public void Linear() => NNGradCheck.Check(t => F.linear(t[0], t[1], t[2]), R(4, 3), R(2, 3), R(2));

    [Fact]
    public void Conv2d() => NNGradCheck.Check(t => F.conv2d(t[0], t[1], t[2], strides: [2], padding: [1]), R(2, 2, 5, 5), R(3, 2, 3, 3), R(3));

    [Fact]
    public void ConvTranspose2d() => NNGradCheck.Check(t => F.conv_transpose2d(t[0], t[1], t[2], strides: [2, 2], padding: [1, 1]), R(1, 2, 3, 3), R(2, 3, 4, 4), R(3));

    [Fact]
    public void BatchNormInTraining() => NNGradCheck.Check(t => F.batch_norm(t[0], null, null, t[1], t[2], training: true), R(5, 3), R(3), R(3));

    [Fact]
    public void Activations() => NNGradCheck.Check(t => F.leaky_relu(t[0], 0.2) + F.tanh(t[0]) * F.sigmoid(t[0]) + F.log_softmax(t[0], 1), R(3, 4));

    [Fact]
    public void BinaryCrossEntropyWithLogits()
    {
        using var target = tensor(new double[] { 1, 0, 1, 0, 0, 1 }, [2, 3]);
        using var weight = tensor(new double[] { 1, 2, 0.5 });
        using var posWeight = tensor(new double[] { 3, 1, 0.5 }); // libtorch 1.13 does not differentiate pos_weight
        NNGradCheck.Check(t => F.binary_cross_entropy_with_logits(t[0], target, weight, pos_weights: posWeight), R(2, 3));
    }

    [Fact]
    public void CrossEntropyWithWeightsAndSmoothing()
    {
        using var target = tensor(new long[] { 2, 0, 1 });
        NNGradCheck.Check(t => F.cross_entropy(t[0], target, label_smoothing: 0.1), R(3, 4));
    }

    [Fact]
    public void UpsampleBilinear() => NNGradCheck.Check(t => F.interpolate(t[0], scale_factor: [2.0, 2.0], mode: InterpolationMode.Bilinear), R(1, 1, 2, 3));

    [Fact]
    public void Pad() => NNGradCheck.Check(t => F.pad(t[0], [1, 2, 2, 1]) * t[0].sum() + F.pad(t[0], [1, 1, 2, 0], PaddingModes.Reflect).sum(), R(1, 2, 3, 3));
}
