using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public static IDisposable no_grad() => new AutoGradMode(false);

    public static IDisposable enable_grad(bool enabled = true) => new AutoGradMode(enabled);

    public static IDisposable set_grad_enabled(bool mode = true) => new AutoGradMode(mode);

    public static bool is_grad_enabled() => NativeMethods.gk_is_grad_enabled() != 0;

    public static class autograd
    {
        /// <summary>
        /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without
        /// touching <c>.grad</c>. With <paramref name="create_graph"/> the result is differentiable
        /// again, as WGAN-GP's gradient penalty needs. Inputs that do not reach the outputs give
        /// null entries when <paramref name="allow_unused"/> is set. As in TorchSharp (unlike PyTorch, where it defaults
        /// to <paramref name="create_graph"/>), the graph is freed unless <paramref name="retain_graph"/> is set: a
        /// penalty that is backpropagated later needs both.
        /// </summary>
        public static unsafe IList<Tensor> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor>? grad_outputs = null,
                                               bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            if (grad_outputs is not null && grad_outputs.Count != outputs.Count)
                throw new ArgumentException($"grad_outputs has {grad_outputs.Count} tensors for {outputs.Count} outputs.", nameof(grad_outputs));
            var outs = Handles(outputs);
            var gouts = grad_outputs is null ? null : Handles(grad_outputs);
            var ins = Handles(inputs);
            var result = new IntPtr[ins.Length];
            fixed (IntPtr* po = outs, pg = gouts, pi = ins, pr = result) {
                NativeMethods.Check(NativeMethods.gk_autograd_grad(po, pg, outs.Length, pi, ins.Length,
                    retain_graph ? 1 : 0, create_graph ? 1 : 0, allow_unused ? 1 : 0, pr));
            }
            return result.Select(h => h == IntPtr.Zero ? null! : new Tensor(h)).ToList();
        }

        /// <summary>Accumulates gradients of <paramref name="tensors"/> into the leaves' <c>.grad</c>.</summary>
        public static unsafe void backward(IList<Tensor> tensors, IList<Tensor>? grad_tensors = null, bool? retain_graph = null,
                                           bool create_graph = false, IList<Tensor>? inputs = null)
        {
            if (inputs is not null)
                throw new NotSupportedException("backward(inputs: ...) is not supported by GanKit.Torch; use torch.autograd.grad.");
            if (grad_tensors is not null && grad_tensors.Count != tensors.Count)
                throw new ArgumentException($"grad_tensors has {grad_tensors.Count} tensors for {tensors.Count} outputs.", nameof(grad_tensors));
            var ts = Handles(tensors);
            var gs = grad_tensors is null ? null : Handles(grad_tensors);
            int retain = retain_graph is bool r ? (r ? 1 : 0) : -1;
            fixed (IntPtr* pt = ts, pg = gs) {
                NativeMethods.Check(NativeMethods.gk_backward(pt, pg, ts.Length, retain, create_graph ? 1 : 0));
            }
        }

        public static void backward(Tensor tensor, IList<Tensor>? grad_tensors = null, bool? retain_graph = null, bool create_graph = false, IList<Tensor>? inputs = null) =>
            backward([tensor], grad_tensors, retain_graph, create_graph, inputs);

        public static void backward(Tensor tensor, Tensor grad_tensor, bool? retain_graph = null, bool create_graph = false, IList<Tensor>? inputs = null) =>
            backward([tensor], [grad_tensor], retain_graph, create_graph, inputs);

        private static IntPtr[] Handles(IList<Tensor> tensors)
        {
            var handles = new IntPtr[tensors.Count];
            for (int k = 0; k < handles.Length; k++) handles[k] = tensors[k]?.Handle ?? IntPtr.Zero;
            return handles;
        }
    }
}

/// <summary>Sets grad mode for a region and restores the previous mode on dispose (grad mode is per thread).</summary>
internal sealed class AutoGradMode : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    public AutoGradMode(bool enabled)
    {
        _previous = NativeMethods.gk_is_grad_enabled() != 0;
        NativeMethods.gk_set_grad_enabled(enabled ? 1 : 0);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        NativeMethods.gk_set_grad_enabled(_previous ? 1 : 0);
    }
}
