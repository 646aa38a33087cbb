using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>torch.linalg: decompositions and matrix functions (batched over leading dimensions).</summary>
    public static class linalg
    {
        private static Tensor One(Op op, Tensor input)
        {
            var a = new OpArgs();
            a.Tensor(input);
            return a.Call(op);
        }

        /// <summary>Eigenvalues (ascending) and eigenvectors (columns) of a symmetric/Hermitian matrix.</summary>
        public static (Tensor, Tensor) eigh(Tensor input, char UPLO = 'L')
        {
            var a = new OpArgs();
            a.Tensor(input);
            a.String(UPLO.ToString());
            return a.CallPair(Ops.eigh);
        }

        public static Tensor eigvalsh(Tensor input, char UPLO = 'L')
        {
            var a = new OpArgs();
            a.Tensor(input);
            a.String(UPLO.ToString());
            return a.Call(Ops.eigvalsh);
        }

        /// <summary>Eigenvalues of a general square matrix, always complex.</summary>
        public static Tensor eigvals(Tensor input) => One(Ops.eigvals, input);

        /// <summary>A = U · diag(S) · Vh, with S descending.</summary>
        public static (Tensor U, Tensor S, Tensor Vh) svd(Tensor input, bool fullMatrices = true)
        {
            var a = new OpArgs();
            a.Tensor(input);
            a.Bool(fullMatrices);
            var r = a.CallMany(Ops.svd, 3);
            return (r[0], r[1], r[2]);
        }

        public static Tensor svdvals(Tensor input) => One(Ops.svdvals, input);

        /// <summary>
        /// Lower Cholesky factor L (A = L·Lᵀ) of a symmetric positive-definite matrix, and LAPACK's info: 0 on success,
        /// k &gt; 0 when the leading minor of order k is not positive definite (then L is not a factor).
        /// </summary>
        public static (Tensor L, Tensor info) cholesky_ex(Tensor input, bool check_errors = false)
        {
            var a = new OpArgs();
            a.Tensor(input);
            a.Bool(false); // upper
            a.Bool(check_errors);
            return a.CallPair(Ops.cholesky_ex);
        }

        public static Tensor inv(Tensor input) => One(Ops.inv, input);

        public static Tensor det(Tensor input) => One(Ops.det, input);
    }

    public static Tensor view_as_real(Tensor input) => input.view_as_real();

    public partial class Tensor
    {
        /// <summary>A complex tensor seen as real with a trailing dimension of 2 (real, imaginary).</summary>
        public Tensor view_as_real() => Unary(Ops.view_as_real);
    }
}

file static class Ops
{
    public static readonly Op eigh = new("aten::linalg_eigh");
    public static readonly Op eigvalsh = new("aten::linalg_eigvalsh");
    public static readonly Op eigvals = new("aten::linalg_eigvals");
    public static readonly Op svd = new("aten::linalg_svd");
    public static readonly Op svdvals = new("aten::linalg_svdvals");
    public static readonly Op cholesky_ex = new("aten::linalg_cholesky_ex");
    public static readonly Op inv = new("aten::linalg_inv");
    public static readonly Op det = new("aten::linalg_det");
    public static readonly Op view_as_real = new("aten::view_as_real");
}
