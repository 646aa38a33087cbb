namespace GanKit.Torch.Tests.Ops;

/// <summary>In-place ops return the very tensor they changed, as optimisers and initialisers rely on.</summary>
public class InPlaceTests
{
    [Fact]
    public void FillZeroCopy()
    {
        using var scope = NewDisposeScope();
        var x = empty(2, 2);
        Assert.Same(x, x.fill_(3.5));
        Expect.Exactly([3.5, 3.5, 3.5, 3.5], x);
        x.zero_();
        Expect.Exactly([0, 0, 0, 0], x);
        Assert.Same(x, x.copy_(tensor(new double[] { 1, 2 })));   // broadcasts and converts float64 → float32
        Assert.Equal(ScalarType.Float32, x.dtype);
        Expect.Exactly([1, 2, 1, 2], x);
    }

    [TorchSharpDiffersFact("its zero_() zeroes the tensor but returns a new Tensor object on it (zeros(shape) into "
        + "this), unlike its other in-place methods; in PyTorch x.zero_() is x")]
    public void ZeroReturnsTheTensorItZeroed()
    {
        using var x = ones(2, 2);
        Assert.Same(x, x.zero_());
        Expect.Exactly([0, 0, 0, 0], x);
    }

    [Fact]
    public void PointwiseInPlace()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 4, 9 });
        Assert.Same(x, x.sqrt_());
        Expect.Exactly([1, 2, 3], x);
        x.pow_(2).exp_().log_();
        Expect.Close([1, 4, 9], x);
        Assert.Same(x, x.abs_().neg_().abs_());
        var s = tensor(new double[] { 0 });
        s.sigmoid_();
        Expect.Exactly([0.5], s);
        s.tanh_();
        Expect.Close([Math.Tanh(0.5)], s);
    }

    [Fact]
    public void SamplersFillInPlaceWithTheirDistribution()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var u = empty(10000, ScalarType.Float64);
        Assert.Same(u, u.uniform_(2, 4));
        Assert.True(u.min().item<double>() >= 2 && u.max().item<double>() < 4);
        Assert.Equal(3, u.mean().item<double>(), 1);
        var n = empty(10000, ScalarType.Float64);
        Assert.Same(n, n.normal_(-1, 3));
        Assert.Equal(-1, n.mean().item<double>(), 0);
        Assert.InRange(n.std().item<double>(), 2.9, 3.1);
    }

    [Fact]
    public void InPlaceOnALeafThatNeedsGradIsRefused()
    {
        using var scope = NewDisposeScope();
        var w = ones(2, requires_grad: true);
        var e = Assert.ThrowsAny<Exception>(() => w.mul_(2));
        Assert.Contains("leaf Variable that requires grad", e.Message);
        using (no_grad()) w.mul_(2);   // as optimisers do it
        Expect.Exactly([2, 2], w);
    }
}
