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
        // TF pads 28 by 1 + 2 (→ 14), 14 by 1 + 2 (→ 7), 7 by 2 + 2 (→ 4), 4 by 2 + 2 (→ 4): the convolutions pad 1, 1, 2, 2
        // on every side and the ZeroPad2d layers add the odd row and column. PyTorch's padding 2 alone would give 32 → 14, 18 → 7.
        Assert.Equal(new[] { "pad1", "conv1", "pad2", "conv2", "conv3", "conv4" },
            rows.Where(r => r.Type is "ZeroPad2d" or "Conv2d").Select(r => r.Name));
        Assert.Equal(new[] { "(B, 1, 29, 29)", "(B, 64, 14, 14)", "(B, 64, 15, 15)", "(B, 128, 7, 7)", "(B, 256, 4, 4)", "(B, 512, 4, 4)" },
            rows.Where(r => r.Type is "ZeroPad2d" or "Conv2d").Select(r => r.OutputShapeText));
        Assert.Equal(new long[] { 1, 1, 2, 2 }, d.modules().OfType<Conv2d>().Select(c => c.padding![0]));

        // Together the same as TF's explicit (1, 2) margin: a convolution of the TF-padded input.
        manual_seed(5);
        using var scope = NewDisposeScope();
        var (extra, conv) = TensorFlowPadding.SameConv2d(2, 3, kernel: 5, stride: 2, size: 14);
        var x = randn(2, 2, 14, 14);
        var tf = nn.functional.conv2d(nn.functional.pad(x, [1, 2, 1, 2]), conv.weight, conv.bias, strides: [2, 2]);
        var ours = conv.call(extra!.call(x));
        Assert.Equal(new long[] { 2, 3, 7, 7 }, ours.shape);
        Assert.True(tf.allclose(ours, rtol: 1e-5, atol: 1e-6));
        Assert.False(nn.functional.conv2d(x, conv.weight, conv.bias, strides: [2, 2], padding: [2, 2]).allclose(ours, rtol: 1e-3, atol: 1e-3)); // symmetric 2 is another function
        Assert.Null(TensorFlowPadding.SameConv2d(2, 3, kernel: 5, stride: 2, size: 7).Extra);
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
