using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Data;

/// <summary>
/// d2l's 2-D Gaussian: X ~ N(0, 1) rows mapped by x·A + b (row-vector convention), so the data has
/// mean b and covariance AᵀA = [[1.01, 1.95], [1.95, 4.25]]. Used in notebook 01.
/// </summary>
public static class GaussianData
{
    /// <summary>d2l's A = [[1, 2], [−0.1, 0.5]].</summary>
    public static Tensor A() => tensor(new float[] { 1f, 2f, -0.1f, 0.5f }, 2, 2);

    /// <summary>d2l's b = [1, 2]: the mean of the data.</summary>
    public static Tensor b() => tensor(new float[] { 1f, 2f });

    /// <summary>AᵀA: the covariance of the data.</summary>
    public static Tensor Covariance()
    {
        using var scope = NewDisposeScope();
        var a = A();
        return a.t().matmul(a).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="count"/> samples, shape (count, 2): one <c>torch.randn(count, 2)</c> draw, as the
    /// PyTorch twin of d2l's code does, so the same seed gives the same data as PyTorch.
    /// </summary>
    public static Tensor Sample(long count = 1000)
    {
        using var scope = NewDisposeScope();
        var x = randn(count, 2);
        return x.matmul(A()).add(b()).MoveToOuterDisposeScope();
    }
}
