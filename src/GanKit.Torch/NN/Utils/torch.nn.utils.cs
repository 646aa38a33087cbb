using TorchSharp.Modules;
using TorchSharp.Optim;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            /// <summary>
            /// Scales all gradients in place so that their joint p-norm (as if concatenated into one
            /// vector) is at most <paramref name="max_norm"/>; <paramref name="norm_type"/> may be
            /// <see cref="double.PositiveInfinity"/>. Follows PyTorch 1.13: scale = min(max_norm / (norm + 1e-6), 1).
            /// </summary>
            /// <returns>The total norm before clipping (0 when no parameter has a gradient).</returns>
            public static double clip_grad_norm_(IEnumerable<Parameter> tensors, double max_norm, double norm_type = 2.0)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var grads = Gradients(tensors);
                if (grads.Length == 0) return 0;
                var total_norm = ForeachOps.Norm(ForeachOps.Stack(ForeachOps.Norm(grads, norm_type)), norm_type);
                // Python's max_norm / t is t.reciprocal() * max_norm.
                var clip_coef = ForeachOps.Reciprocal(total_norm + 1e-6) * max_norm;
                var clip_coef_clamped = ForeachOps.ClampMax(clip_coef, 1.0);
                ForeachOps.MulInPlace(grads, Enumerable.Repeat(clip_coef_clamped, grads.Length).ToArray());
                return total_norm.item<double>();
            }

            /// <summary>Clamps every gradient in place to [−clip_value, clip_value].</summary>
            public static void clip_grad_value_(IEnumerable<Parameter> tensors, double clip_value)
            {
                using var scope = NewDisposeScope();
                foreach (var g in Gradients(tensors)) ForeachOps.ClampInPlace(g, -clip_value, clip_value);
            }

            private static Tensor[] Gradients(IEnumerable<Parameter> tensors) =>
                tensors.Select(p => p.grad).OfType<Tensor>().ToArray();
        }
    }
}
