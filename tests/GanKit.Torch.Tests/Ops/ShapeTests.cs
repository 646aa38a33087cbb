namespace GanKit.Torch.Tests.Ops;

public class ShapeTests
{
    private static Tensor Counting(params long[] shape) => arange(shape.Aggregate(1L, (a, b) => a * b), ScalarType.Float64).reshape(shape);

    [Fact]
    public void ViewReshapeFlatten()
    {
        using var scope = NewDisposeScope();
        var x = Counting(2, 3, 4);
        Expect.Shape([6, 4], x.view(6, 4));
        Expect.Shape([4, 6], x.reshape(4, -1));
        Expect.Shape([24], x.flatten());
        Expect.Shape([2, 12], x.flatten(1));
        Expect.Shape([6, 4], flatten(x, 0, 1));
        Expect.Shape([2, 3, 2, 2], x.unflatten(2, 2, 2));
        Expect.Shape([3, 8], x.view_as(zeros(3, 8)));
        // a view shares storage: writing through it changes the original
        x.view(24).fill_(1);
        Assert.Equal(24, x.sum().item<double>());
    }

    [Fact]
    public void PermuteTransposeAndT()
    {
        using var scope = NewDisposeScope();
        var x = Counting(2, 3, 4);
        var p = x.permute(2, 0, 1);
        Expect.Shape([4, 2, 3], p);
        Assert.Equal(x[1, 2, 3].item<double>(), p[3, 1, 2].item<double>());
        Expect.Shape([2, 4, 3], x.transpose(1, 2));
        Expect.Shape([4, 3, 2], x.T);
        Assert.Equal(x[1, 2, 3].item<double>(), x.T[3, 2, 1].item<double>());
        Expect.Shape([2, 4, 3], x.mT);
        var m = Counting(2, 3);
        Expect.Exactly([0, 3, 1, 4, 2, 5], m.t());
        Expect.Exactly([0, 3, 1, 4, 2, 5], t(m).contiguous());
    }

    [Fact]
    public void SqueezeUnsqueeze()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 3, 1);
        Expect.Shape([3], x.squeeze());
        Expect.Shape([3, 1], x.squeeze(0));
        Expect.Shape([1, 3], squeeze(x, -1));
        Expect.Shape([1, 1, 3, 1], x.unsqueeze(0));
        Expect.Shape([1, 3, 1, 1], unsqueeze(x, -1));
        var y = zeros(2, 1);
        Assert.Same(y, y.squeeze_(1));
        Expect.Shape([2], y);
        y.unsqueeze_(0);
        Expect.Shape([1, 2], y);
    }

    [Fact]
    public void ExpandRepeatNarrow()
    {
        using var scope = NewDisposeScope();
        var col = tensor(new double[,] { { 1 }, { 2 } });
        var e = col.expand(2, 3);
        Expect.Exactly([1, 1, 1, 2, 2, 2], e);
        Expect.Shape([4, 2, 3], col.expand(4, -1, 3));
        Expect.Shape([2, 5], col.expand_as(zeros(2, 5)));
        Expect.Exactly([1, 2, 1, 2], tensor(new double[] { 1, 2 }).repeat(2));
        Expect.Exactly([1, 1, 2, 2, 1, 1, 2, 2], col.repeat(2, 2));
        var x = Counting(4, 3);
        Expect.Exactly([3, 4, 5, 6, 7, 8], x.narrow(0, 1, 2));
        Expect.Exactly([1, 2, 4, 5, 7, 8, 10, 11], narrow(x, 1, 1, 2));
    }

    [Fact]
    public void ChunkSplitUnbind()
    {
        using var scope = NewDisposeScope();
        var x = arange(7, ScalarType.Float64);
        var chunks = x.chunk(3);
        Assert.Equal(3, chunks.Length);
        Expect.Exactly([0, 1, 2], chunks[0]);
        Expect.Exactly([6], chunks[2]);
        var parts = x.split(3);
        Assert.Equal(3, parts.Length);
        Expect.Exactly([3, 4, 5], parts[1]);
        var sized = x.split(new long[] { 2, 5 });
        Expect.Exactly([2, 3, 4, 5, 6], sized[1]);
        var m = Counting(2, 4);
        var halves = m.chunk(2, 1);
        Expect.Exactly([0, 1, 4, 5], halves[0]);
        var rows = m.unbind();
        Assert.Equal(2, rows.Length);
        Expect.Exactly([4, 5, 6, 7], rows[1]);
        Assert.Equal(4, torch.split(m, new long[] { 1, 1, 2 }, 1)[2].numel());
    }

    [Fact]
    public void ContiguityFollowsTheStrides()
    {
        using var x = torch.rand(3, 4);
        Assert.True(x.is_contiguous());
        using var t = x.t();
        Assert.False(t.is_contiguous());
        using var c = t.contiguous();
        Assert.True(c.is_contiguous());
    }
}
