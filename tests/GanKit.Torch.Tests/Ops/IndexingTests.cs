using System.Runtime.InteropServices;

namespace GanKit.Torch.Tests.Ops;

public class IndexingTests
{
    private static Tensor Counting(params long[] shape) => arange(shape.Aggregate(1L, (a, b) => a * b), ScalarType.Float64).reshape(shape);

    [Fact]
    public void IntegersSelect()
    {
        using var scope = NewDisposeScope();
        var x = Counting(3, 4);
        Expect.Shape([4], x[1]);
        Expect.Exactly([4, 5, 6, 7], x[1]);
        Assert.Equal(6, x[1, 2].item<double>());
        Assert.Equal(0, x[1, 2].ndim);
        Assert.Equal(11, x[-1, -1].item<double>());
        var y = Counting(2, 2, 2, 2, 2, 2, 2);
        Assert.Equal(127, y[1, 1, 1, 1, 1, 1, 1].item<double>());
        Assert.Equal(63, y[0, 1, 1, 1, 1, 1, 1].item<double>());
    }

    [Fact]
    public void SlicesEllipsisAndNone()
    {
        using var scope = NewDisposeScope();
        var x = Counting(2, 3, 4);
        var s = x[TensorIndex.Ellipsis, TensorIndex.None, TensorIndex.Slice(0, 2)];
        Expect.Shape([2, 3, 1, 2], s);
        Expect.Exactly([4, 5], s[0, 1]);
        Expect.Shape([2, 4], x[TensorIndex.Colon, 1]);
        Expect.Exactly([1, 3], x[0, 0, TensorIndex.Slice(1, null, 2)]);
        Expect.Exactly([8, 9, 10, 11], x[0, -1]);
        Expect.Shape([1, 2, 3, 4], x[TensorIndex.None]);
        Expect.Exactly([3, 7, 11], x[0, TensorIndex.Ellipsis, 3]);
        Expect.Shape([2, 3, 4], x[TensorIndex.Ellipsis]);
        Expect.Shape([1, 2, 3, 4], x[TensorIndex.Bool(true)]);   // as Python's t[True]
        Expect.Shape([0, 2, 3, 4], x[TensorIndex.Bool(false)]);
        Expect.Shape([2, 1, 4], x[TensorIndex.Colon, 0, TensorIndex.Bool(true)]);
    }

    [Fact]
    public void RangesAndIndexFromEnd()
    {
        using var scope = NewDisposeScope();
        var v = arange(10, ScalarType.Float64);
        Expect.Exactly([1, 2], v[1..3]);
        Expect.Exactly([7, 8, 9], v[^3..]);
        Expect.Exactly([0, 1, 2, 3, 4, 5, 6, 7], v[..^2]);
        Assert.Equal(9, v[^1].item<double>());
        var m = Counting(3, 4);
        Expect.Exactly([5, 6, 9, 10], m[1.., 1..3]);
    }

    [Fact]
    public void IndexTensorsAndMasks()
    {
        using var scope = NewDisposeScope();
        var x = Counting(3, 4);
        var rows = tensor(new long[] { 2, 0 });
        Expect.Exactly([8, 9, 10, 11, 0, 1, 2, 3], x[rows]);
        Expect.Exactly([8, 1], x[rows, tensor(new long[] { 0, 1 })]);
        Expect.Exactly([2, 10], x[TensorIndex.Colon, TensorIndex.Tensor(tensor(new long[] { 2 }))][TensorIndex.Tensor(tensor(new long[] { 0, 2 }))].flatten());
        var mask = x > 8;
        Expect.Exactly([9, 10, 11], x[mask]);
        Expect.Exactly([0, 1, 2, 3, 8, 9, 10, 11], x[tensor(new[] { true, false, true })]);
        Expect.Exactly([1, 5, 9], x.index_select(1, tensor(new long[] { 1 })).flatten());
        Expect.Exactly([1, 4, 11], x.gather(1, tensor(new long[,] { { 1 }, { 0 }, { 3 } })).flatten());
        Expect.Exactly([9, 10, 11], x.masked_select(mask));
        Expect.Exactly([0, 1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1], x.masked_fill(mask, -1));
    }

    [Fact]
    public void AssignmentWritesThrough()
    {
        using var scope = NewDisposeScope();
        var x = zeros(3, 3, ScalarType.Float64);
        x[1] = tensor(new double[] { 1, 2, 3 });
        x[0, 0] = tensor(9.0);
        x[TensorIndex.Colon, 2] = tensor(7.0);   // broadcasts
        Expect.Exactly([9, 0, 7, 1, 2, 7, 0, 0, 7], x);
        x[x > 5] = tensor(-1.0);
        Expect.Exactly([-1, 0, -1, 1, 2, -1, 0, 0, -1], x);
        x.index_put_(5, TensorIndex.Slice(1, 3), 0);
        Expect.Exactly([-1, 0, -1, 5, 2, -1, 5, 0, -1], x);
        var acc = zeros(3, ScalarType.Float64);
        acc.index_put_(ones(3, ScalarType.Float64), new[] { TensorIndex.Tensor(tensor(new long[] { 0, 0, 2 })) }, accumulate: true);
        Expect.Exactly([2, 0, 1], acc);
        x[1..3, 1..3] = zeros(2, 2, ScalarType.Float64);
        Expect.Exactly([-1, 0, -1, 5, 0, 0, 5, 0, 0], x);
    }

    [Fact]
    public void OutOfRangeAndBadIndicesThrowManagedExceptions()
    {
        using var scope = NewDisposeScope();
        var x = Counting(3, 4);
        var e = Assert.ThrowsAny<Exception>(() => x[3]);
        Assert.Contains("out of range", e.Message);
        Assert.ThrowsAny<Exception>(() => x[0, 0, 0]);
        Assert.ThrowsAny<Exception>(() => x[tensor(new long[] { 5 })]);
        Assert.Contains("step must be greater than zero", Assert.Throws<ExternalException>(() => x[TensorIndex.Slice(0, 2, -1)]).Message);
    }

    [Fact]
    public void EveryEllipsisSkipsTheDimensionsNotIndexed()
    {
        using var scope = NewDisposeScope();
        var x = Counting(3, 4);
        // As in PyTorch (and libtorch's C++ indexing), a second ellipsis is no error.
        Expect.Exactly(Expect.Values(x), x[TensorIndex.Ellipsis, TensorIndex.Ellipsis]);
        Expect.Exactly([0, 4, 8], x[TensorIndex.Ellipsis, TensorIndex.Single(0), TensorIndex.Ellipsis]);
    }
}
