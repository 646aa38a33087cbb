namespace GanKit.Torch.Tests.Ops;

public class BitwiseTests
{
    [Fact]
    public void MaskOperators()
    {
        using var scope = NewDisposeScope();
        var x = arange(6, ScalarType.Float64);
        var mask = (x > 1) & (x < 4) | (x == 5);
        Assert.Equal(ScalarType.Bool, mask.dtype);
        Expect.Exactly([0, 0, 1, 1, 0, 1], mask);
        Expect.Exactly([1, 1, 0, 0, 1, 0], ~mask);
        Expect.Exactly([0, 0, 1, 1, 1, 0], (x > 1) ^ (x > 4));
        Expect.Exactly([2, 3, 5], x[mask]);
        var ints = tensor(new long[] { 12, 10 });
        Expect.Exactly([8, 2], ints & tensor(new long[] { 8, 3 }));
        Expect.Exactly([14, 11], bitwise_or(ints, tensor(new long[] { 6, 1 })));
    }

    [Fact]
    public void RemainderFollowsTheDivisorSignAndFmodTheDividend()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 7, -7, 7.5 });
        Expect.Exactly([1, 2, 1.5], x % 3);
        Expect.Exactly([-2, -1, -1.5], x % tensor(new double[] { -3, -3, -3 }));
        Expect.Exactly([1, -1, 1.5], x.fmod(3));
        var y = tensor(new long[] { 5, -5 });
        y.remainder_(4);
        Expect.Exactly([1, 3], y);
    }

    [Fact]
    public void NonzeroAndWhereOfACondition()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[,] { { 0, 3 }, { 4, 0 } });
        var nz = m.nonzero();
        Expect.Shape([2, 2], nz);
        Expect.Exactly([0, 1, 1, 0], nz);
        var (rows, cols) = (where(m != 0)[0], where(m != 0)[1]);
        Expect.Exactly([0, 1], rows);
        Expect.Exactly([1, 0], cols);
        Expect.Exactly([3, 4], m[rows, cols]);
    }
}
