namespace GanKit.Torch.Tests.Ops;

public class MathTests
{
    private static Tensor V(params double[] values) => tensor(values);

    [Fact]
    public void PointwiseFunctions()
    {
        using var scope = NewDisposeScope();
        var x = V(-2, -0.5, 0, 1, 3);
        Expect.Close(new[] { -2, -0.5, 0, 1, 3.0 }.Select(Math.Exp).ToArray(), x.exp());
        Expect.Close([2, 0.5, 0, 1, 3], x.abs());
        Expect.Close([2, 0.5, 0, 1, 3], abs(x));
        Expect.Close(new[] { -2, -0.5, 0, 1, 3.0 }.Select(Math.Tanh).ToArray(), tanh(x));
        Expect.Close(new[] { -2, -0.5, 0, 1, 3.0 }.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), x.sigmoid());
        var p = V(0.25, 1, 4);
        Expect.Close([0.5, 1, 2], p.sqrt());
        Expect.Close([Math.Log(0.25), 0, Math.Log(4)], log(p));
        Expect.Close([1.0 / 16, 1, 16], p.pow(2));
        Expect.Close([0.5, 1, 2], p.pow(V(0.5, 3, 0.5)));
        Expect.Close([1.0 / 16, 1, 16], p.square());
    }

    [Fact]
    public void ClampAndInPlaceClamp()
    {
        using var scope = NewDisposeScope();
        var x = V(-3, -1, 0, 2, 5);
        Expect.Exactly([-1, -1, 0, 2, 2], x.clamp(-1, 2));
        Expect.Exactly([0, 0, 0, 2, 5], clamp(x, min: 0));
        Expect.Exactly([-3, -1, 0, 1, 1], x.clamp(max: 1));
        Expect.Exactly([-2, -1, 0, 2, 3], x.clamp(V(-2, -2, -2, -2, -2), V(3, 3, 3, 3, 3)));
        var same = x.clamp_(-1, 1);
        Assert.Same(x, same);
        Expect.Exactly([-1, -1, 0, 1, 1], x);
    }

    [Fact]
    public void RoundGoesHalfToEven()
    {
        using var scope = NewDisposeScope();
        var x = V(-1.5, -0.5, 0.4999, 0.5, 1.5, 2.5, 2.6);
        Expect.Exactly([-2, -0, 0, 0, 2, 2, 3], x.round());
        Expect.Exactly([-2, -0, 0, 0, 2, 2, 3], round(x));
        Expect.Close([1.23, -0.12], V(1.2345, -0.125).round(2)); // half to even at the second decimal too
        var same = x.round_();
        Assert.Same(x, same);
        Expect.Exactly([-2, -0, 0, 0, 2, 2, 3], x);
        var y = V(0.125, 7.777);
        round_(y, 1);
        Expect.Close([0.1, 7.8], y);
    }

    [Fact]
    public void WherePicksByCondition()
    {
        using var scope = NewDisposeScope();
        var a = V(1, 2, 3);
        var b = V(10, 20, 30);
        var picked = where(a > 1.5, a, b);
        Expect.Exactly([10, 2, 3], picked);
        Assert.Throws<ArgumentException>(() => where(a, a, b));
        // broadcasting a row condition over a matrix
        var m = tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        Expect.Exactly([1, 0, 3, 0], where(tensor(new[] { true, false }), m, zeros_like(m)));
    }

    [Fact]
    public void SoftmaxAndLogSoftmax()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[,] { { 1, 2, 3 }, { 0, 0, 0 } });
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Expect.Close([Math.Exp(1) / z, Math.Exp(2) / z, Math.Exp(3) / z, 1.0 / 3, 1.0 / 3, 1.0 / 3], x.softmax(1));
        Expect.Close([1 - Math.Log(z), 2 - Math.Log(z), 3 - Math.Log(z), -Math.Log(3), -Math.Log(3), -Math.Log(3)], x.log_softmax(1));
        Expect.Close([Math.Exp(1) / (Math.Exp(1) + 1), Math.Exp(2) / (Math.Exp(2) + 1), Math.Exp(3) / (Math.Exp(3) + 1),
                      1 / (Math.Exp(1) + 1), 1 / (Math.Exp(2) + 1), 1 / (Math.Exp(3) + 1)], softmax(x, 0));
        Assert.Equal(ScalarType.Float64, tensor(new float[] { 1, 2 }).softmax(0, ScalarType.Float64).dtype);
    }

    [Fact]
    public void MatrixProducts()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = tensor(new double[,] { { 5, 6 }, { 7, 8 } });
        Expect.Exactly([19, 22, 43, 50], a.mm(b));
        Expect.Exactly([19, 22, 43, 50], matmul(a, b));
        Expect.Exactly([5, 11], a.matmul(V(1, 2)));   // matrix · vector
        var batch = stack(new[] { a, b });
        var prod = bmm(batch, stack(new[] { b, a }));
        Expect.Shape([2, 2, 2], prod);
        Expect.Exactly([19, 22, 43, 50, 23, 34, 31, 46], prod);
        // matmul broadcasts a matrix over a batch
        Expect.Exactly([19, 22, 43, 50, 19, 22, 43, 50], matmul(stack(new[] { a, a }), b));
    }

    [Fact]
    public void CdistIsPairwiseDistance()
    {
        using var scope = NewDisposeScope();
        var x1 = tensor(new double[,] { { 0, 0 }, { 3, 4 } });
        var x2 = tensor(new double[,] { { 0, 0 }, { 1, 1 }, { 3, 0 } });
        Expect.Close([0, Math.Sqrt(2), 3, 5, Math.Sqrt(13), 4], cdist(x1, x2));
        Expect.Close([0, 2, 3, 7, 5, 4], cdist(x1, x2, 1));
        Assert.Throws<ArgumentException>(() => cdist(x1, x2, -1));
    }

    [Fact]
    public void DtypePromotionAndBroadcasting()
    {
        using var scope = NewDisposeScope();
        var ints = tensor(new long[] { 1, 2 });
        var floats = tensor(new float[] { 0.5f, 0.5f });
        var doubles = tensor(new double[] { 0.25, 0.25 });
        var sum = ints + floats;
        Assert.Equal(ScalarType.Float32, sum.dtype);
        Expect.Exactly([1.5, 2.5], sum);
        Assert.Equal(ScalarType.Float64, (floats + doubles).dtype);
        Assert.Equal(ScalarType.Float32, (ints * 0.5).dtype);   // a float scalar does not widen past the default float
        Assert.Equal(ScalarType.Int64, (ints * 2).dtype);
        Assert.Equal(ScalarType.Float32, (ints / 2).dtype);     // true division of integers
        var column = tensor(new double[,] { { 1 }, { 2 }, { 3 } });
        var row = tensor(new double[] { 10, 20 });
        var grid = column + row;
        Expect.Shape([3, 2], grid);
        Expect.Exactly([11, 21, 12, 22, 13, 23], grid);
    }

    [Fact]
    public void LerpAddcmulAddcdiv()
    {
        using var scope = NewDisposeScope();
        var start = V(0, 10);
        var end = V(10, 20);
        Expect.Exactly([2.5, 12.5], start.lerp(end, tensor(0.25)));
        Expect.Exactly([5, 17.5], start.lerp(end, V(0.5, 0.75)));
        var x = V(1, 1);
        Assert.Same(x, x.addcmul_(V(2, 3), V(4, 5), 0.5));
        Expect.Exactly([5, 8.5], x);
        Expect.Exactly([1 + 0.5 * 2 / 4, 1 + 0.5 * 3 / 5], V(1, 1).addcdiv(V(2, 3), V(4, 5), 0.5));
        var y = V(1, 1);
        y.addcdiv_(V(2, 3), V(4, 5), 2);
        Expect.Exactly([2, 2.2], y);
        var m = V(0, 10);
        m.lerp_(V(10, 20), tensor(0.5));
        Expect.Exactly([5, 15], m);
        Expect.Exactly([4, 4.75], addcmul(V(1, 1), V(2, 3), V(3, 2.5), 0.5));
    }

    [Fact]
    public void MaximumMinimum()
    {
        using var scope = NewDisposeScope();
        Expect.Exactly([3, 5], maximum(V(1, 5), V(3, 2)));
        Expect.Exactly([1, 2], V(1, 5).min(V(3, 2)));
        Expect.Exactly([3, 5], max(V(1, 5), V(3, 2)));
    }

    [Fact]
    public void DivisionRoundingModes()
    {
        using var scope = NewDisposeScope();
        var x = V(7, -7);
        Expect.Exactly([3, -3], x.div(2, RoundingMode.trunc));
        Expect.Exactly([3, -4], x.div(V(2, 2), RoundingMode.floor));
        var y = V(7, -7);
        Assert.Same(y, y.div_(2, RoundingMode.floor));
        Expect.Exactly([3, -4], y);
        y.div_(V(-2, -2), RoundingMode.trunc);
        Expect.Exactly([-1, 2], y);
        Expect.Exactly([3.5, -3.5], x / 2);
    }
}
