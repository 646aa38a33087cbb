namespace GanKit.Torch.Tests.Ops;

/// <summary>Autograd of every differentiable op exposed here, against central finite differences in float64.</summary>
public class GradientTests
{
    private static Tensor R(long seed, params long[] shape)
    {
        manual_seed(seed);
        return randn(shape, ScalarType.Float64);
    }

    /// <summary>Positive values away from 0 (for log, sqrt, pow with real exponents, division).</summary>
    private static Tensor P(long seed, params long[] shape) => R(seed, shape).abs().add(0.5);

    [Fact]
    public void Pointwise()
    {
        using var scope = NewDisposeScope();
        var x = R(1, 2, 3);
        var p = P(2, 2, 3);
        GradCheck.Check(t => t.exp(), x);
        GradCheck.Check(t => t.log(), p);
        GradCheck.Check(t => t.log1p(), p);
        GradCheck.Check(t => t.sqrt(), p);
        GradCheck.Check(t => t.rsqrt(), p);
        GradCheck.Check(t => t.reciprocal(), p);
        GradCheck.Check(t => t.abs(), x);   // randn values are away from the kink at 0
        GradCheck.Check(t => t.sigmoid(), x);
        GradCheck.Check(t => t.tanh(), x);
        GradCheck.Check(t => t.square(), x);
        GradCheck.Check(t => t.pow(3), x);
        GradCheck.Check(t => t.pow(0.7), p);
        GradCheck.Check(xs => xs[0].pow(xs[1]), [p, R(3, 2, 3)]);
        GradCheck.Check(xs => xs[0] / xs[1] - xs[0] * 2 + 1 / xs[1], [x, p]);
    }

    [Fact]
    public void ClampWhereLerpAddc()
    {
        using var scope = NewDisposeScope();
        var x = R(4, 6);
        var y = R(5, 6);
        var q = P(6, 6);
        GradCheck.Check(t => t.clamp(-0.5, 0.5), x);
        GradCheck.Check(xs => xs[0].clamp(xs[1] - 2, xs[1] + 0.1), [x, y]);
        GradCheck.Check(xs => where(xs[0] > 0, xs[0], xs[1]), [x, y]);
        GradCheck.Check(xs => xs[0].lerp(xs[1], tensor(0.3)), [x, y]);
        GradCheck.Check(xs => xs[0].lerp(xs[1], xs[2].sigmoid()), [x, y, R(7, 6)]);
        GradCheck.Check(xs => xs[0].addcmul(xs[1], xs[2], 0.5), [x, y, q]);
        GradCheck.Check(xs => xs[0].addcdiv(xs[1], xs[2], 0.5), [x, y, q]);
        GradCheck.Check(xs => maximum(xs[0], xs[1]) + minimum(xs[0], xs[1]) * 2, [x, y]);
    }

    [Fact]
    public void SoftmaxFamily()
    {
        using var scope = NewDisposeScope();
        var x = R(8, 3, 4);
        GradCheck.Check(t => t.softmax(1), x);
        GradCheck.Check(t => t.softmax(-1), x);
        GradCheck.Check(t => t.log_softmax(0), x);
    }

    [Fact]
    public void MatrixProducts()
    {
        using var scope = NewDisposeScope();
        GradCheck.Check(xs => xs[0].mm(xs[1]), [R(9, 2, 3), R(10, 3, 4)]);
        GradCheck.Check(xs => matmul(xs[0], xs[1]), [R(11, 2, 2, 3), R(12, 3, 2)]);
        GradCheck.Check(xs => xs[0].bmm(xs[1]), [R(13, 2, 2, 3), R(14, 2, 3, 2)]);
        GradCheck.Check(xs => xs[0].mv(xs[1]), [R(15, 2, 3), R(16, 3)]);
        GradCheck.Check(xs => xs[0].dot(xs[1]), [R(17, 4), R(18, 4)]);
        GradCheck.Check(xs => cdist(xs[0], xs[1]), [R(19, 3, 2), R(20, 4, 2)]);
        GradCheck.Check(xs => cdist(xs[0], xs[1], 1), [R(21, 3, 2), R(22, 4, 2)]);
    }

    [Fact]
    public void Reductions()
    {
        using var scope = NewDisposeScope();
        var x = R(23, 3, 4);
        GradCheck.Check(t => t.sum(), x);
        GradCheck.Check(t => t.sum(1L, keepdim: true), x);
        GradCheck.Check(t => t.mean(), x);
        GradCheck.Check(t => t.mean([0]), x);
        GradCheck.Check(t => t.std(), x);
        GradCheck.Check(t => t.std(1, unbiased: false), x);
        GradCheck.Check(t => t.var(0, keepdim: true), x);
        GradCheck.Check(t => t.prod(1L), x);
        GradCheck.Check(t => t.cumsum(1), x);
        GradCheck.Check(t => t.max(), x);
        GradCheck.Check(t => t.max(1).values, x);
        GradCheck.Check(t => t.min(0, keepdim: true).values, x);
        GradCheck.Check(t => t.topk(2, 1).values, x);
        GradCheck.Check(t => t.sort(0).Values, x);
    }

    [Fact]
    public void ShapeOps()
    {
        using var scope = NewDisposeScope();
        var x = R(24, 2, 3, 4);
        GradCheck.Check(t => t.view(6, 4) * tensor(new double[] { 1, 2, 3, 4 }), x);
        GradCheck.Check(t => t.reshape(4, 6).exp(), x);
        GradCheck.Check(t => t.flatten(1).tanh(), x);
        GradCheck.Check(t => t.permute(2, 0, 1).exp(), x);
        GradCheck.Check(t => t.transpose(0, 2).sigmoid(), x);
        GradCheck.Check(t => t.T.exp(), x);
        GradCheck.Check(t => t.mT.exp(), x);
        GradCheck.Check(t => t.unsqueeze(1).expand(2, 5, 3, 4), x);
        GradCheck.Check(t => t.repeat(2, 1, 1), x);
        GradCheck.Check(t => t.narrow(2, 1, 2), x);
        GradCheck.Check(t => t.chunk(2, 2)[1], x);
        GradCheck.Check(t => t.split(new long[] { 1, 2 }, 1)[1], x);
        GradCheck.Check(t => t.unbind(0)[1], x);
        GradCheck.Check(t => t[TensorIndex.None].squeeze(0), x);
        GradCheck.Check(xs => cat([xs[0], xs[1]], 1), [R(25, 2, 3), R(26, 2, 2)]);
        GradCheck.Check(xs => stack(new[] { xs[0], xs[1] }, 1), [R(27, 2, 3), R(28, 2, 3)]);
        GradCheck.Check(t => R(29, 3, 3).mm(t.t()), R(30, 2, 3));
    }

    [Fact]
    public void Indexing()
    {
        using var scope = NewDisposeScope();
        var x = R(31, 3, 4);
        var rows = tensor(new long[] { 2, 0, 2 });   // repeated rows: gradients must accumulate
        GradCheck.Check(t => t[1], x);
        GradCheck.Check(t => t[TensorIndex.Ellipsis, TensorIndex.Slice(1, null, 2)], x);
        GradCheck.Check(t => t[rows], x);
        GradCheck.Check(t => t[t.detach() > 0], x);
        GradCheck.Check(t => t.index_select(0, rows), x);
        GradCheck.Check(t => t.gather(1, tensor(new long[,] { { 0 }, { 3 }, { 3 } })), x);
        GradCheck.Check(t => t.masked_fill(t.detach() > 0, 2.0), x);
        GradCheck.Check(t => t.masked_select(t.detach() < 0), x);
        // assignment into a copy: gradients flow to both the kept and the written elements
        GradCheck.Check(t => {
            var c = t.clone();
            c[0] = t[2] * 3;
            c[TensorIndex.Colon, 1] = t[TensorIndex.Colon, 0].exp();
            return c;
        }, x);
        GradCheck.Check(t => t.remainder(0.7), x);
    }

    [Fact]
    public void LinearAlgebra()
    {
        using var scope = NewDisposeScope();
        var a = R(32, 3, 3);
        GradCheck.Check(t => linalg.eigh(t + t.t()).Item1, a);   // eigenvalues only: eigenvectors have a sign freedom
        GradCheck.Check(t => linalg.svdvals(t), a);
        GradCheck.Check(t => linalg.det(t), a);
        GradCheck.Check(t => linalg.inv(t + eye(3, dtype: ScalarType.Float64) * 3), a);
    }

    // A gradient penalty's shape: the gradient of a critic's output with respect to its input, differentiable again,
    // backpropagated into the critic's weights (WGAN-GP).
    [Fact]
    public void ADifferentiableGradientCanBeBackpropagatedWhenItsGraphIsRetained()
    {
        using var w = tensor(new[] { 0.5, -2.0, 3.0 }).requires_grad_();
        using var x = tensor(new[] { 1.0, 4.0, -1.0 }).requires_grad_();
        using var output = nn.functional.leaky_relu(w.mul(x).sum().reshape(1), 0.2).sum();
        var gx = autograd.grad([output], [x], retain_graph: true, create_graph: true)[0];
        Expect.Close([0.2 * 0.5, 0.2 * -2.0, 0.2 * 3.0], gx, 1e-12);   // w·x = -10.5 < 0: LeakyReLU's slope 0.2 times w
        gx.square().sum().backward();
        Expect.Close([2 * 0.04 * 0.5, 2 * 0.04 * -2.0, 2 * 0.04 * 3.0], w.grad!, 1e-12);   // d/dw (0.2 w)² = 0.08 w
    }

    // TorchSharp frees the graph unless retain_graph is set, even with create_graph (PyTorch would keep it); so does the
    // binding, so that code written on it works on the official package too. Two layers, so that the penalty's backward
    // into the first layer's weights passes through the forward graph again.
    [Fact]
    public void CreateGraphAloneDoesNotRetainTheGraph()
    {
        foreach (var retain in new[] { true, false }) {
            using var scope = NewDisposeScope();
            var w1 = R(1, 4, 3).requires_grad_();
            var w2 = R(2, 1, 4).requires_grad_();
            var x = R(3, 2, 3).requires_grad_();
            var output = nn.functional.linear(nn.functional.leaky_relu(nn.functional.linear(x, w1), 0.2), w2).sum();
            var gx = autograd.grad([output], [x], retain_graph: retain, create_graph: true)[0];
            if (retain) {
                gx.square().sum().backward();
                Assert.NotNull(w1.grad);
            } else {
                Assert.ThrowsAny<Exception>(() => gx.square().sum().backward());
            }
        }
    }
}
