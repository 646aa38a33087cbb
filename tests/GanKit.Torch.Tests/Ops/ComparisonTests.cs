namespace GanKit.Torch.Tests.Ops;

public class ComparisonTests
{
    [Fact]
    public void MethodsAndOperatorsAreElementwise()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2, 3 });
        var b = tensor(new double[] { 3, 2, 1 });
        Expect.Exactly([0, 1, 0], a.eq(b));
        Expect.Exactly([1, 0, 1], a.ne(b));
        Expect.Exactly([1, 0, 0], a.lt(b));
        Expect.Exactly([1, 1, 0], a.le(b));
        Expect.Exactly([0, 0, 1], a.gt(b));
        Expect.Exactly([0, 1, 1], a.ge(b));
        Expect.Exactly([1, 0, 0], a < b);
        Expect.Exactly([0, 0, 1], a > b);
        Expect.Exactly([1, 1, 0], a <= b);
        Expect.Exactly([0, 1, 1], a >= b);
        Expect.Exactly([0, 0, 1], a > 2);
        Expect.Exactly([1, 1, 0], 2.5 > a);
        Expect.Exactly([0, 1, 1], 2 <= a);
        // As in TorchSharp, == and != compare elements and return Bool tensors.
        var same = a == b;
        Assert.Equal(ScalarType.Bool, same.dtype);
        Expect.Exactly([0, 1, 0], same);
        Expect.Exactly([1, 0, 1], a != b);
        Expect.Exactly([0, 1, 0], a == 2);
        Expect.Exactly([0, 1, 0], eq(a, b));
        // comparisons broadcast and promote
        Expect.Exactly([1, 0, 1, 0, 1, 0], tensor(new long[,] { { 1 }, { 2 } }) == tensor(new double[] { 1, 2, 1 }));
    }

    [Fact]
    public void LogicalOps()
    {
        using var scope = NewDisposeScope();
        var p = tensor(new[] { true, true, false, false });
        var q = tensor(new[] { true, false, true, false });
        Expect.Exactly([1, 0, 0, 0], p.logical_and(q));
        Expect.Exactly([1, 1, 1, 0], logical_or(p, q));
        Expect.Exactly([0, 1, 1, 0], p.logical_xor(q));
        Expect.Exactly([0, 0, 1, 1], p.logical_not());
    }

    [Fact]
    public void WholeTensorEquality()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 1, 2 });
        Assert.True(a.Equals(tensor(new double[] { 1, 2 })));
        Assert.False(a.Equals(tensor(new double[] { 1, 3 })));
        Assert.False(a.Equals(tensor(new double[] { 1, 2, 3 })));
        Assert.True(a.Equals(tensor(new float[] { 1, 2 })));   // torch.equal compares values across dtypes
        Assert.False(tensor(new[] { double.NaN }).Equals(tensor(new[] { double.NaN })));
        Assert.True(a.Equals((object)tensor(new double[] { 1, 2 })));
        Assert.True(a.allclose(tensor(new double[] { 1 + 1e-9, 2 })));
        Assert.False(allclose(a, tensor(new double[] { 1.1, 2 })));
        Assert.True(a.allclose(tensor(new double[] { 1.05, 2 }), atol: 0.1));
    }
}
