using GanKit.Models;
using TorchSharp.Modules;

namespace GanKit.Tests.Models;

/// <summary>Bulten's Keras networks: Keras's parameter counts, shapes, defaults and TensorFlow's 'same' padding.</summary>
public class BultenModelTests
{
    private static long Trainable(nn.Module module) => module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    private static long Statistics(nn.Module module) => module.buffers().Where(b => is_floating_point(b.dtype)).Sum(b => b.numel());

    [Theory]
    [InlineData(28, 5, 2, 1, 2)] // 28 → 14: 13·2 + 5 − 28 = 3 pixels, the larger half after
    [InlineData(14, 5, 2, 1, 2)] // 14 → 7
    [InlineData(7, 5, 2, 2, 2)]  // 7 → 4: 3·2 + 5 − 7 = 4
    [InlineData(4, 5, 1, 2, 2)]  // stride 1 keeps the size: k − 1 split evenly
    [InlineData(6, 3, 2, 0, 1)]  // 6 → 3: one pixel, after
    [InlineData(5, 1, 2, 0, 0)]  // a 1×1 kernel needs none
    public void SamePaddingFollowsTensorFlowsRule(long size, long kernel, long stride, long before, long after)
    {
        Assert.Equal((before, after), TensorFlowPadding.Same(size, kernel, stride));
        // The padded input gives exactly ⌈size / stride⌉ outputs.
        Assert.Equal((size + stride - 1) / stride, (size + before + after - kernel) / stride + 1);
    }

    [Fact]
    public void CountsAreKerasSummaries()
    {
        using var d = new BultenDiscriminator();
        using var g = new BultenGenerator();
        Assert.Equal(4_311_553, Trainable(d));
        Assert.Equal(0, Statistics(d));
        Assert.Equal(2_368_705, Trainable(g));
        Assert.Equal(25_536, Statistics(g)); // BN moving means and variances: Keras's non-trainable params
        Assert.Equal(2_394_241, Trainable(g) + Statistics(g));
    }

    [Fact]
    public void ShapesAndRangesAreTheOriginals()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var g = new BultenGenerator();
        var d = new BultenDiscriminator();
        var images = g.call(empty(3, 100).uniform_(-1, 1));
        Assert.Equal(new long[] { 3, 1, 28, 28 }, images.shape);
        Assert.All(images.data<float>().ToArray(), v => Assert.InRange(v, 0f, 1f)); // sigmoid, like MNIST / 255
        var p = d.call(images);
        Assert.Equal(new long[] { 3, 1 }, p.shape);
        Assert.All(p.data<float>().ToArray(), v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void KerasDefaultsAreExplicit()
    {
        manual_seed(2);
        using var d = new BultenDiscriminator(dropout: 0.5);
        using var g = new BultenGenerator();
        Assert.All(d.modules().Concat(g.modules()).OfType<LeakyReLU>(), a => Assert.Equal(0.3, a.negative_slope));
        Assert.Equal(8, d.modules().Concat(g.modules()).OfType<LeakyReLU>().Count()); // 4 in D, 4 in G
        Assert.Equal(new[] { 0.5, 0.5, 0.5 }, d.modules().OfType<Dropout>().Select(x => x.p));
        Assert.Equal(new[] { 0.4 }, g.modules().OfType<Dropout>().Select(x => x.p));
        var norms = g.modules().OfType<BatchNorm>().ToList();
        Assert.Equal(4, norms.Count);
        Assert.All(norms, bn => Assert.Equal((1e-3, (double?)0.1), (bn.eps, bn.momentum)));
        foreach (var (name, parameter) in d.named_parameters().Concat(g.named_parameters()))
        {
            var values = parameter.data<float>().ToArray();
            if (name.StartsWith("bn", StringComparison.Ordinal)) continue;
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                Assert.All(values, v => Assert.Equal(0f, v));
                continue;
            }
            // Glorot uniform: U(−b, b), b = √(6 / (fan_in + fan_out)); PyTorch's default would be far narrower for the convolutions.
            var (fanIn, fanOut) = nn.init.CalculateFanInAndFanOut(parameter);
            var bound = Math.Sqrt(6.0 / (fanIn + fanOut));
            Assert.InRange(values.Max(v => Math.Abs(v)), 0.9 * bound, bound);
        }
    }

    [Fact]
    public void StridedConvolutionsPadAsymmetricallyAsTensorFlowDoes()
    {
        using var d = new BultenDiscriminator();
        var rows = ModelSummary.Of(d, 1, 28, 28).Rows;
        // 28 + 1 + 2 = 31 → 14, 14 + 1 + 2 = 17 → 7, 7 + 2 + 2 = 11 → 4; PyTorch's symmetric padding 2 would give 32 → 14, 18 → 7, 11 → 4.
        Assert.Equal(new[] { "pad1", "conv1", "pad2", "conv2", "pad3", "conv3", "conv4" },
            rows.Where(r => r.Type is "ZeroPad2d" or "Conv2d").Select(r => r.Name));
        Assert.Equal(new[] { "(B, 1, 31, 31)", "(B, 64, 14, 14)", "(B, 64, 17, 17)", "(B, 128, 7, 7)", "(B, 128, 11, 11)", "(B, 256, 4, 4)", "(B, 512, 4, 4)" },
            rows.Where(r => r.Type is "ZeroPad2d" or "Conv2d").Select(r => r.OutputShapeText));

        // The extra row and column are at the bottom and right: a 1 in the top-left pixel lands at (1, 1), one in the bottom-right at (29, 29) of 31.
        using var padded = TensorFlowPadding.SamePad2d(28, 5, 2).call(ones(1, 1, 28, 28));
        Assert.Equal(0f, padded[0, 0, 0, 0].item<float>());
        Assert.Equal(1f, padded[0, 0, 1, 1].item<float>());
        Assert.Equal(1f, padded[0, 0, 28, 28].item<float>());
        Assert.Equal(0f, padded[0, 0, 29, 29].item<float>());
    }

    [Fact]
    public void DropoutIsOnlyActiveInTraining()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        var d = new BultenDiscriminator();
        var x = rand(4, 1, 28, 28);
        d.eval();
        Assert.Equal(d.call(x).data<float>().ToArray(), d.call(x).data<float>().ToArray());
        d.train();
        Assert.NotEqual(d.call(x).data<float>().ToArray(), d.call(x).data<float>().ToArray());
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        Assert.Equal("dropout", Assert.Throws<ArgumentOutOfRangeException>(() => new BultenDiscriminator(1.0)).ParamName);
        Assert.Equal("latentDim", Assert.Throws<ArgumentOutOfRangeException>(() => new BultenGenerator(0)).ParamName);
    }
}
