using System.Runtime.InteropServices;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using F = TorchSharp.torch.nn.functional;

namespace GanKit.Torch.Tests.NN;

[Collection(SeededRandomStream.Name)]
public class LayerTests
{
    [Fact]
    public void LinearComputesXWtPlusB()
    {
        using var lin = Linear(new Parameter(tensor(new float[] { 1, 2, 3, -1, 0, 2 }, [2, 3])), new Parameter(tensor(new float[] { 0.5f, -0.5f })));
        using var x = tensor(new float[] { 1, 1, 1, 2, 0, -1 }, [2, 3]);
        using var y = lin.call(x);
        // rows: [6.5, 0.5], [2 − 3 + 0.5, −2 − 2 − 0.5]
        Assert.Equal(new float[] { 6.5f, 0.5f, -0.5f, -4.5f }, y.data<float>().ToArray());
        Assert.Equal((3L, 2L), (lin.in_features, lin.out_features));
    }

    [Fact]
    public void Conv2dMatchesPyTorch()
    {
        using var conv = Conv2d(2, 3, 3, stride: 2, padding: 1).@double();
        conv.load_state_dict(new() { ["weight"] = NNGolden.Tensor("conv.w"), ["bias"] = NNGolden.Tensor("conv.b") });
        using var x = NNGolden.Tensor("conv.x");
        using var y = conv.call(x);
        NNAssert.CloseToGolden("conv2d.s2p1", y, 1e-12);
    }

    [Fact]
    public void Conv2dSamePaddingKeepsTheSize()
    {
        using var conv = Conv2d(1, 1, 3, Padding.Same, bias: false);
        init.ones_(conv.weight);
        using var x = ones(1, 1, 4, 4);
        using var y = conv.call(x);
        Assert.Equal(new long[] { 1, 1, 4, 4 }, y.shape);
        // corners see 4 ones, edges 6, the centre 9
        Assert.Equal(new float[] { 4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4 }, y.data<float>().ToArray());
    }

    [Fact]
    public void ConvTranspose2dMatchesPyTorchAndDoublesTheSize()
    {
        using var convT = ConvTranspose2d(2, 3, 4, stride: 2, padding: 1).@double();
        convT.load_state_dict(new() { ["weight"] = NNGolden.Tensor("convt.w"), ["bias"] = NNGolden.Tensor("conv.b") });
        using var x = NNGolden.Tensor("conv.x");
        using var y = convT.call(x);
        Assert.Equal(new long[] { 2, 3, 10, 10 }, y.shape);
        NNAssert.CloseToGolden("conv_transpose2d.s2p1", y, 1e-12);
    }

    [Fact]
    public void BatchNormUsesBatchStatisticsInTrainingAndRunningOnesInEval()
    {
        using var bn = BatchNorm1d(3, momentum: 0.3).@double();
        bn.load_state_dict(new() { ["weight"] = tensor(new double[] { 1, 2, 0.5 }), ["bias"] = tensor(new double[] { 0, -1, 0.25 }) }, strict: false);
        using var x = NNGolden.Tensor("bn.x");
        using (var y = bn.call(x)) NNAssert.CloseToGolden("bn.train_out", y, 1e-12);
        NNAssert.CloseToGolden("bn.running_mean", bn.running_mean!, 1e-12);
        NNAssert.CloseToGolden("bn.running_var", bn.running_var!, 1e-12);
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
        bn.eval();
        using (var y = bn.call(x)) NNAssert.CloseToGolden("bn.eval_out", y, 1e-12);
        NNAssert.CloseToGolden("bn.running_mean", bn.running_mean!, 1e-12); // eval leaves them alone
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNormTrainingOutputHasZeroMeanAndUnitVariancePerChannel()
    {
        manual_seed(3);
        using var bn = BatchNorm2d(2);
        using var x = randn(4, 2, 3, 3, ScalarType.Float64) * 3 + 1;
        using var y = bn.@double().call(x);
        var v = NNAssert.Values(y);
        for (int c = 0; c < 2; c++) {
            var channel = Enumerable.Range(0, v.Length).Where(i => i / 9 % 2 == c).Select(i => v[i]).ToArray();
            Assert.Equal(0, channel.Average(), 10);
            Assert.Equal(1, channel.Select(e => e * e).Average(), 3); // biased variance, eps = 1e-5
        }
        Assert.Throws<ArgumentException>(() => bn.call(ones(2, 2)));
    }

    [Fact]
    public void DropoutZeroesAndRescalesOnlyWhenTraining()
    {
        using var drop = Dropout(0.25);
        using var x = ones(1000);
        manual_seed(5);
        using (var y = drop.call(x)) {
            var v = y.data<float>().ToArray();
            Assert.All(v, e => Assert.True(e == 0f || Math.Abs(e - 1 / 0.75f) < 1e-6));
            Assert.InRange(v.Count(e => e == 0f), 200, 300);
        }
        drop.eval();
        using (var y = drop.call(x)) Assert.All(y.data<float>().ToArray(), e => Assert.Equal(1f, e));
        Assert.Contains("dropout probability has to be between 0 and 1", Assert.Throws<ExternalException>(() => F.dropout(x, 1.5)).Message);
    }

    [Fact]
    public void ActivationsFollowTheirFormulas()
    {
        var xs = new float[] { -2, -0.5f, 0, 1.5f };
        using var x = tensor(xs);
        using (var y = ReLU().call(x)) Assert.Equal(xs.Select(v => Math.Max(v, 0)), y.data<float>().ToArray());
        using (var y = LeakyReLU(0.2).call(x)) Assert.Equal(xs.Select(v => v > 0 ? v : 0.2f * v), y.data<float>().ToArray());
        using (var y = Tanh().call(x)) NNAssert.Close(xs.Select(v => Math.Tanh(v)).ToArray(), [4], y);
        using (var y = Sigmoid().call(x)) NNAssert.Close(xs.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), [4], y);
        using (var y = F.softmax(x, 0)) NNAssert.Close(xs.Select(v => Math.Exp(v) / xs.Sum(u => Math.Exp(u))).ToArray(), [4], y);
        using (var y = F.log_softmax(x, 0)) NNAssert.Close(xs.Select(v => v - Math.Log(xs.Sum(u => Math.Exp(u)))).ToArray(), [4], y);

        // In place the input changes, and the result is an alias of it to be disposed on its own (TorchSharp's design).
        using var z = tensor(xs);
        using (var alias = F.leaky_relu(z, 0.1, inplace: true)) {
            Assert.NotSame(z, alias);
            Assert.Equal(xs.Select(v => v > 0 ? v : 0.1f * v), z.data<float>().ToArray());
            alias.mul_(2);
        }
        Assert.Equal(xs.Select(v => 2 * (v > 0 ? v : 0.1f * v)), z.data<float>().ToArray());   // through the alias
    }

    [Fact]
    public void FlattenAndUnflattenReshape()
    {
        using var x = zeros(2, 3, 4, 5);
        using (var y = Flatten().call(x)) Assert.Equal(new long[] { 2, 60 }, y.shape);
        using (var y = Flatten(0, 2).call(x)) Assert.Equal(new long[] { 24, 5 }, y.shape);
        using var flat = zeros(2, 60);
        using (var y = Unflatten(1, [3, 4, 5]).call(flat)) Assert.Equal(new long[] { 2, 3, 4, 5 }, y.shape);
        Assert.ThrowsAny<Exception>(() => Unflatten(1, [7, 7]).call(flat));
    }

    [Fact]
    public void UpsampleMatchesPyTorch()
    {
        using var x = NNGolden.Tensor("up.x");
        using (var y = Upsample(scale_factor: [2.0, 2.0]).call(x)) NNAssert.CloseToGolden("up.nearest_x2", y, 1e-12);
        using (var y = Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear).call(x)) NNAssert.CloseToGolden("up.bilinear_x2", y, 1e-12);
        using (var y = F.interpolate(x, size: [3, 4], mode: InterpolationMode.Bilinear, align_corners: true)) NNAssert.CloseToGolden("up.bilinear_size_ac", y, 1e-12);
        // One factor per spatial dimension, as in PyTorch and libtorch's C++ interpolate.
        Assert.Contains("scale_factor shape must match input shape", Assert.Throws<ExternalException>(() => F.interpolate(x, scale_factor: [2.0])).Message);
        using (var y = F.upsample_bilinear(x, size: [3, 4], align_corners: true)) NNAssert.CloseToGolden("up.bilinear_size_ac", y, 1e-12);
    }

    [TorchSharpDiffersFact("F.upsample_nearest passes align_corners: false on to libtorch, which refuses any align_corners "
        + "in nearest mode ('align_corners option can only be set with the interpolating modes'); PyTorch's works")]
    public void UpsampleNearestMatchesPyTorch()
    {
        using var x = NNGolden.Tensor("up.x");
        using var y = F.upsample_nearest(x, scale_factor: [2.0, 2.0]);
        NNAssert.CloseToGolden("up.nearest_x2", y, 1e-12);
    }

#if !TORCHSHARP_PACKAGE
    // The binding implements a subset of TorchSharp's modes, and says so; TorchSharp has them all.
    [Fact]
    public void InterpolationModesTheBindingLacksAreRefused()
    {
        using var x = NNGolden.Tensor("up.x");
        Assert.Throws<NotSupportedException>(() => F.interpolate(x, scale_factor: [2.0, 2.0], mode: InterpolationMode.Bicubic));
    }
#endif

    [Fact]
    public void PadAddsZerosAsymmetricallyFromTheLastDimension()
    {
        using var x = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [1, 1, 2, 3]);
        // (left 1, right 0, top 1, bottom 2): a 5×4 image, the data at rows 1–2, columns 1–3.
        using var y = F.pad(x, [1, 0, 1, 2]);
        Assert.Equal(new long[] { 1, 1, 5, 4 }, y.shape);
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0 }, y.data<float>().ToArray());
        using (var z = ZeroPad2d((1, 0, 1, 2)).call(x)) Assert.Equal(y.data<float>().ToArray(), z.data<float>().ToArray());
        using (var z = F.pad(x, (1L, 0L, 1L, 2L), value: -1)) Assert.Equal(-1f, z[0, 0, 4, 0].item<float>());
        using (var z = ZeroPad2d(2).call(x)) Assert.Equal(new long[] { 1, 1, 6, 7 }, z.shape);
        using (var z = F.pad(x, 1)) Assert.Equal(new long[] { 3, 3, 4, 5 }, z.shape); // every dimension, both sides
        Assert.Contains("Padding length must be divisible by 2", Assert.Throws<ExternalException>(() => F.pad(x, [1, 2, 3])).Message);
    }

    [Fact]
    public void PadReflectsAndReplicates()
    {
        using var x = tensor(new float[] { 1, 2, 3 }, [1, 1, 3]);
        using (var y = F.pad(x, [2, 1], PaddingModes.Reflect)) Assert.Equal(new float[] { 3, 2, 1, 2, 3, 2 }, y.data<float>().ToArray());
        using (var y = F.pad(x, [2, 1], PaddingModes.Replicate)) Assert.Equal(new float[] { 1, 1, 1, 2, 3, 3 }, y.data<float>().ToArray());
        using (var y = F.pad(x, [2, 1], PaddingModes.Circular)) Assert.Equal(new float[] { 2, 3, 1, 2, 3, 1 }, y.data<float>().ToArray());
        Assert.ThrowsAny<Exception>(() => F.pad(x, [1, 1], PaddingModes.Reflect, value: 5)); // a fill value belongs to constant mode
    }

    [Fact]
    public void EmbeddingLooksUpRowsAndKeepsThePaddingRowOutOfTraining()
    {
        using var weights = tensor(new float[] { 0, 0, 1, 2, 3, 4, 5, 6 }, [4, 2]);
        using var emb = Embedding_from_pretrained(weights, freeze: false, padding_idx: 0);
        Assert.True(emb.weight!.requires_grad);
        using var idx = tensor(new long[] { 2, 0, 2, 3 });
        using var y = emb.call(idx);
        Assert.Equal(new float[] { 3, 4, 0, 0, 3, 4, 5, 6 }, y.data<float>().ToArray());
        using (var s = y.sum()) s.backward();
        using var g = emb.weight.grad!;
        Assert.Equal(new float[] { 0, 0, 0, 0, 2, 2, 1, 1 }, g.data<float>().ToArray());
        using var frozen = Embedding_from_pretrained(weights);
        Assert.False(frozen.weight!.requires_grad);
        Assert.Equal(new[] { "weight" }, frozen.state_dict().Keys.ToArray());
        using var bad = tensor(new long[] { 4 });
        Assert.ThrowsAny<Exception>(() => emb.call(bad));
    }

    [Fact]
    public void OneHotPutsEachIndexInANewLastDimension()
    {
        using var idx = tensor(new long[] { 2, 0, 3, 2 }, [2, 2]);
        using var y = F.one_hot(idx, 4);
        Assert.Equal(new long[] { 2, 2, 4 }, y.shape);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.Equal(new long[] { 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0 }, y.data<long>().ToArray());
        using var inferred = F.one_hot(idx);   // −1: one more than the largest index
        Assert.Equal(4, inferred.shape[2]);
        using var outside = tensor(new long[] { 4 });
        Assert.ThrowsAny<Exception>(() => F.one_hot(outside, 4));
    }

    [Fact]
    public void WrongShapesGiveManagedExceptions()
    {
        using var lin = Linear(3, 2);
        using var x = ones(2, 4);
        var e = Assert.ThrowsAny<Exception>(() => lin.call(x));
        Assert.Contains("shape", e.Message, StringComparison.OrdinalIgnoreCase);
        using var conv = Conv2d(3, 2, 3);
        using var img = ones(1, 2, 5, 5);
        Assert.ThrowsAny<Exception>(() => conv.call(img));
    }
}
