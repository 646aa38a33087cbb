namespace GanKit.Torch.Tests.Ops;

public class ReductionTests
{
    private static Tensor M() => tensor(new double[,] { { 1, 2, 3 }, { 4, 6, 8 } });

    [Fact]
    public void SumAndMeanOverDims()
    {
        using var scope = NewDisposeScope();
        var m = M();
        Assert.Equal(24, m.sum().item<double>());
        // A literal 0 converts to ScalarType too and picks sum(ScalarType?), exactly as in TorchSharp: write 0L.
        Expect.Exactly([5, 8, 11], m.sum(0L));
        Expect.Exactly([6, 18], m.sum(1));
        Expect.Shape([2, 1], m.sum(1, keepdim: true));
        Expect.Exactly([24], m.sum(new long[] { 0, 1 }, keepdim: true).flatten());
        Expect.Shape([1, 1], m.sum(0, 1, keepdim: true));
        Assert.Equal(4, m.mean().item<double>());
        Expect.Exactly([2.5, 4, 5.5], m.mean([0]));
        Expect.Shape([2, 1], m.mean([1], keepdim: true));
        var ints = tensor(new int[] { 1, 2 });
        Assert.Equal(ScalarType.Int64, ints.sum().dtype);   // integer sums widen to Int64
        Assert.Equal(ScalarType.Float64, ints.sum(ScalarType.Float64).dtype);
        Expect.Exactly([4, 12, 24], m.prod(0L));
        Assert.Equal(1152, m.prod().item<double>());
    }

    [TorchSharpDiffersFact("Tensor.var(unbiased: false) over all elements ignores unbiased: its native THSTensor_var "
        + "takes the tensor alone and calls var(), so it returns 32/7 for this input; PyTorch's var(unbiased=False) is 4")]
    public void WholeTensorVarianceWithoutBessel()
    {
        using var x = tensor(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 });
        using var v = x.var(unbiased: false);
        Assert.Equal(4.0, v.item<double>(), 12);
    }

    [Fact]
    public void StdAndVarWithAndWithoutBessel()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2, 4, 4, 4, 5, 5, 7, 9 });
        Assert.Equal(2.0, x.std(unbiased: false).item<double>(), 12);
        Assert.Equal(32.0 / 7, x.var().item<double>(), 12);
        var m = M();
        Expect.Close([4.5, 8, 12.5], m.var(0));
        Expect.Close([2.0 / 3, 8.0 / 3], m.var(1, unbiased: false));
        Expect.Close([1, 2], m.std(1));
        Expect.Shape([1, 3], m.std(0, keepdim: true));
        Expect.Close([Math.Sqrt(m.var().item<double>())], std(m, new long[] { 0, 1 }).reshape(1));
    }

    [Fact]
    public void MaxMinArgmaxWithIndices()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[,] { { 1, 9, 3 }, { 7, 2, 8 } });
        Assert.Equal(9, m.max().item<double>());
        Assert.Equal(1, min(m).item<double>());
        var (values, indexes) = m.max(1);
        Expect.Exactly([9, 8], values);
        Expect.Exactly([1, 2], indexes);
        Assert.Equal(ScalarType.Int64, indexes.dtype);
        var (mins, where) = torch.min(m, 0, keepdim: true);
        Expect.Shape([1, 3], mins);
        Expect.Exactly([1, 2, 3], mins);
        Expect.Exactly([0, 1, 0], where);
        Assert.Equal(1, m.argmax().item<long>());   // flat index
        Expect.Exactly([1, 2], argmax(m, 1));
        Expect.Exactly([0, 1, 0], m.argmin(0));
        Expect.Shape([2, 1], m.argmax(1, keepdim: true));
    }

    [Fact]
    public void TopkAndSort()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 3, 1, 4, 1, 5, 9, 2, 6 });
        var (top, at) = x.topk(3);
        Expect.Exactly([9, 6, 5], top);
        Expect.Exactly([5, 7, 4], at);
        var (low, lowAt) = topk(x, 2, largest: false);
        Expect.Exactly([1, 1], low);
        Assert.Equal(new[] { 1.0, 3.0 }, Expect.Values(lowAt).Order().ToArray());
        var (sorted, order) = x.sort();
        Expect.Exactly([1, 1, 2, 3, 4, 5, 6, 9], sorted);
        Expect.Exactly([1, 3, 6, 0, 2, 4, 7, 5], sort(x, stable: true).indices);
        Expect.Exactly([9, 6, 5, 4, 3, 2, 1, 1], x.sort(descending: true).Values);
        Expect.Exactly(Expect.Values(order), x.argsort());
        var m = tensor(new double[,] { { 3, 1 }, { 0, 2 } });
        Expect.Exactly([0, 1, 3, 2], m.sort(0).Values);
    }

    [Fact]
    public void AllAnyCumsum()
    {
        using var scope = NewDisposeScope();
        var b = tensor(new bool[] { true, false, true, true }, [2, 2]);
        Assert.False(b.all().item<bool>());
        Assert.True(b.any().item<bool>());
        Expect.Exactly([0, 1], b.all(1));
        Expect.Exactly([1, 3, 6], tensor(new double[] { 1, 2, 3 }).cumsum(0));
    }
}
