namespace GanKit.Torch.Tests.Ops;

public class LinearAlgebraTests
{
    [Fact]
    public void EighOfASymmetricMatrix()
    {
        using var scope = NewDisposeScope();
        // [[2,1],[1,2]] has eigenvalues 1 and 3, eigenvectors (1,-1)/√2 and (1,1)/√2.
        var a = tensor(new double[,] { { 2, 1 }, { 1, 2 } });
        var (values, vectors) = linalg.eigh(a);
        Expect.Close([1, 3], values, 1e-12);
        var v = vectors.abs();
        Expect.Close([Math.Sqrt(0.5), Math.Sqrt(0.5), Math.Sqrt(0.5), Math.Sqrt(0.5)], v, 1e-12);
        // A·V = V·diag(λ)
        Expect.Close(Expect.Values(vectors * values), a.mm(vectors), 1e-12);
        Expect.Close([1, 3], linalg.eigvalsh(a), 1e-12);
    }

    [Fact]
    public void SvdReconstructs()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[,] { { 3, 0 }, { 0, -2 }, { 0, 0 } });
        var (u, s, vh) = linalg.svd(a, fullMatrices: false);
        Expect.Close([3, 2], s, 1e-12);
        Expect.Shape([3, 2], u);
        Expect.Close(Expect.Values(a), (u * s).mm(vh), 1e-12);
        var (uf, _, _) = linalg.svd(a);
        Expect.Shape([3, 3], uf);
        Expect.Close([3, 2], linalg.svdvals(a), 1e-12);
    }

    [Fact]
    public void EigvalsAreComplex()
    {
        using var scope = NewDisposeScope();
        // a rotation by 90°: eigenvalues ±i
        var r = tensor(new double[,] { { 0, -1 }, { 1, 0 } });
        var ev = linalg.eigvals(r);
        Assert.Equal(ScalarType.ComplexFloat64, ev.dtype);
        var parts = view_as_real(ev);
        Expect.Shape([2, 2], parts);
        var values = Expect.Values(parts);
        Assert.Equal(0, values[0], 12);
        Assert.Equal(0, values[2], 12);
        Assert.Equal(new[] { -1.0, 1.0 }, new[] { values[1], values[3] }.Order().Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void CholeskyFactorsAPositiveDefiniteMatrixAndReportsOneThatIsNot()
    {
        using var scope = NewDisposeScope();
        // [[4,2],[2,5]] = L·Lᵀ with L = [[2,0],[1,2]].
        var (l, info) = linalg.cholesky_ex(tensor(new double[,] { { 4, 2 }, { 2, 5 } }));
        Expect.Close([2, 0, 1, 2], l, 1e-12);
        Assert.Equal(0, info.item<int>());
        // The leading 2×2 minor of [[1,2,0],[2,1,0],[0,0,1]] is −3: LAPACK's info names order 2.
        var (_, failed) = linalg.cholesky_ex(tensor(new double[,] { { 1, 2, 0 }, { 2, 1, 0 }, { 0, 0, 1 } }));
        Assert.Equal(2, failed.item<int>());
    }

    [Fact]
    public void InverseAndDeterminant()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[,] { { 4, 7 }, { 2, 6 } });
        Assert.Equal(10, linalg.det(a).item<double>(), 12);
        Expect.Close([0.6, -0.7, -0.2, 0.4], linalg.inv(a), 1e-12);
    }
}
