namespace GanKit.Torch.Tests.Ops;

public class FactoryTests
{
    [Fact]
    public void TensorFromArraysKeepsShapeAndType()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Expect.Shape([2, 3], m);
        Assert.Equal(ScalarType.Float32, m.dtype);
        Expect.Exactly([1, 2, 3, 4, 5, 6], m);
        var shaped = tensor(new long[] { 1, 2, 3, 4 }, [2, 2]);
        Assert.Equal(ScalarType.Int64, shaped.dtype);
        Expect.Shape([2, 2], shaped);
        var converted = tensor(new int[] { 1, 2 }, dtype: ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, converted.dtype);
        var scalar = tensor(2.5);
        Assert.Equal(0, scalar.ndim);
        Assert.Equal(2.5, scalar.item<double>());
    }

    [Fact]
    public void TensorOverloadsForEachElementType()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ScalarType.Int16, tensor(new short[,] { { 1, 2 } }).dtype);
        Assert.Equal(ScalarType.Int8, tensor(new sbyte[] { -1 }).dtype);
        Assert.Equal(ScalarType.Byte, tensor(new byte[,,] { { { 1 } } }).dtype);
        Assert.Equal(ScalarType.Bool, tensor(new bool[,] { { true }, { false } }).dtype);
        Assert.Equal(ScalarType.Float16, tensor(new Half[] { (Half)1.5 }).dtype);
        Expect.Exactly([1.5], tensor(new Half[] { (Half)1.5 }));
        Assert.Equal(ScalarType.Int32, tensor(7).dtype);
        Assert.Equal(ScalarType.Float32, tensor(7f).dtype);
        Assert.Equal(ScalarType.Float64, tensor(7L, ScalarType.Float64).dtype);
        var fromList = tensor(new List<float> { 1, 2, 3, 4, 5, 6 }, 2, 3);
        Expect.Shape([2, 3], fromList);
        Expect.Exactly([1, 2, 3, 4, 5, 6], fromList);
        Expect.Shape([3], tensor(new List<long> { 1, 2, 3 }));
        Expect.Shape([1, 2, 1, 1], tensor(new int[] { 1, 2 }, 1, 2, 1, 1));
        var memory = new Memory<double>([9, 1, 2, 3, 4, 9], 1, 4);
        Expect.Exactly([1, 2, 3, 4], tensor(memory, [2, 2]));
        Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3 }, [2, 2]));
        Assert.True(tensor(1.0, requires_grad: true).requires_grad);
    }

    [Fact]
    public void EyeIsTheIdentity()
    {
        using var scope = NewDisposeScope();
        Expect.Exactly([1, 0, 0, 0, 1, 0, 0, 0, 1], eye(3));
        var wide = eye(2, 3, ScalarType.Int64);
        Expect.Shape([2, 3], wide);
        Assert.Equal(ScalarType.Int64, wide.dtype);
        Expect.Exactly([1, 0, 0, 0, 1, 0], wide);
        Assert.Equal(ScalarType.Float32, eye(2).dtype);
    }

    [Fact]
    public void ArangeInfersIntegerOrFloat()
    {
        using var scope = NewDisposeScope();
        var ints = arange(5);
        Assert.Equal(ScalarType.Int64, ints.dtype);
        Expect.Exactly([0, 1, 2, 3, 4], ints);
        Expect.Exactly([2, 4, 6], arange(2, 8, 2));
        var floats = arange(0, 1, 0.25);
        Assert.Equal(ScalarType.Float32, floats.dtype);
        Expect.Exactly([0, 0.25, 0.5, 0.75], floats);
        Assert.Equal(ScalarType.Float64, arange(3, dtype: ScalarType.Float64).dtype);
        Expect.Exactly([5, 4, 3], arange(5, 2, -1));
    }

    [Fact]
    public void LinspaceIncludesBothEnds()
    {
        using var scope = NewDisposeScope();
        var x = linspace(-1, 1, 5);
        Assert.Equal(ScalarType.Float32, x.dtype);
        Expect.Exactly([-1, -0.5, 0, 0.5, 1], x);
        Expect.Exactly([3], linspace(3, 7, 1, ScalarType.Float64));
    }

    [Fact]
    public void FullAndLikeForms()
    {
        using var scope = NewDisposeScope();
        var f = full([2, 2], 7, ScalarType.Int32);
        Assert.Equal(ScalarType.Int32, f.dtype);
        Expect.Exactly([7, 7, 7, 7], f);
        var z = zeros_like(f);
        Assert.Equal(ScalarType.Int32, z.dtype);
        Expect.Exactly([0, 0, 0, 0], z);
        Expect.Exactly([1, 1, 1, 1], ones_like(f, ScalarType.Float64));
        Expect.Exactly([3.5, 3.5, 3.5, 3.5], full_like(z, 3.5, ScalarType.Float32));
    }

    [Fact]
    public void CatAndStack()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[,] { { 1, 2 } });
        var b = tensor(new float[,] { { 3, 4 }, { 5, 6 } });
        var rows = cat([a, b], 0);
        Expect.Shape([3, 2], rows);
        Expect.Exactly([1, 2, 3, 4, 5, 6], rows);
        var cols = cat(new[] { b, b }, 1);
        Expect.Shape([2, 4], cols);
        Expect.Exactly([3, 4, 3, 4, 5, 6, 5, 6], cols);
        var s = stack(new[] { tensor(new float[] { 1, 2 }), tensor(new float[] { 3, 4 }) }, 1);
        Expect.Shape([2, 2], s);
        Expect.Exactly([1, 3, 2, 4], s);
    }
}
