using TorchSharp.Native;
using TorchSharp.Utils;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// A tensor: a managed owner of one native libtorch tensor handle. Dispose it, or let the
    /// innermost <see cref="DisposeScope"/> do so; the finalizer is only a fallback.
    /// </summary>
    [TypeFormatterSource(typeof(TypeFormatterSource))]
    public partial class Tensor : IDisposable
    {
        private IntPtr handle;

        internal Tensor(IntPtr handle) : this(handle, register: true) { }

        /// <param name="handle">The native tensor this object now owns.</param>
        /// <param name="register">False when the caller places the tensor in a scope itself (see <see cref="Modules.Parameter"/>).</param>
        private protected Tensor(IntPtr handle, bool register)
        {
            if (handle == IntPtr.Zero) throw new ArgumentException("a tensor needs a native handle", nameof(handle));
            this.handle = handle;
            if (register) DisposeScopeManager.ThreadSingleton.Register(this);
        }

        /// <summary>Hands the native handle to a new owner; this object becomes invalid (the new owner takes its scope slot).</summary>
        internal IntPtr MoveHandle()
        {
            var h = Handle;
            handle = IntPtr.Zero;
            GC.SuppressFinalize(this);
            return h;
        }

        internal DisposeScope? OwningDisposeScope { get; set; }

        /// <summary>Where this tensor sits in its owning scope's slot array.</summary>
        internal int ScopeSlot { get; set; }

        /// <summary>The native handle; throws once the tensor has been disposed.</summary>
        public IntPtr Handle => handle != IntPtr.Zero
            ? handle
            : throw new InvalidOperationException("Tensor invalid -- empty handle. It was disposed, by hand or by its dispose scope.");

        public bool IsInvalid => handle == IntPtr.Zero;

        public string? name { get; set; }

        ~Tensor() => Dispose(false);

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            // Scope bookkeeping is thread-local; the finalizer thread only frees native memory.
            if (disposing) {
                if (OwningDisposeScope is { } scope) scope.MarkAsDisposed(this);
                else if (handle != IntPtr.Zero) DisposeScopeManager.Statistics.DisposedOutsideScopeCount++;
            }
            if (handle == IntPtr.Zero) return;
            NativeMethods.gk_tensor_free(handle);
            handle = IntPtr.Zero;
        }

        public Tensor MoveToOuterDisposeScope() => OwningDisposeScope?.MoveToOuter(this) ?? this;

        public Tensor DetachFromDisposeScope() => OwningDisposeScope?.Detach(this) ?? this;

        public Tensor MoveToOtherDisposeScope(Tensor other) => MoveToOtherDisposeScope(other.OwningDisposeScope);

        public Tensor MoveToOtherDisposeScope(DisposeScope? other)
        {
            if (OwningDisposeScope is null) other?.Attach(this);
            else OwningDisposeScope.MoveToOther(other, this);
            return this;
        }

        // ---- metadata ------------------------------------------------------------------

        private TensorInfo Info
        {
            get {
                NativeMethods.Check(NativeMethods.gk_tensor_info(Handle, out var info));
                return info;
            }
        }

        public long Dimensions => NativeMethods.gk_tensor_ndim(Handle);

        public long dim() => Dimensions;

        public long ndim => Dimensions;

        public long NumberOfElements => Info.NumEl;

        public long numel() => NumberOfElements;

        public long ElementSize => torch.ElementSize(dtype);

        public long element_size() => ElementSize;

        public ScalarType dtype => (ScalarType)NativeMethods.gk_tensor_dtype(Handle);

        public DeviceType device_type => (DeviceType)Info.DeviceType;

        public int device_index => Info.DeviceIndex;

        public Device device
        {
            get {
                var info = Info;
                return info.DeviceType == (int)DeviceType.CPU ? CPU : new Device((DeviceType)info.DeviceType, info.DeviceIndex);
            }
        }

        public bool is_cuda => device_type == DeviceType.CUDA;

        public unsafe long[] shape
        {
            get {
                var h = Handle;
                Span<long> buffer = stackalloc long[16];
                int n;
                fixed (long* p = buffer) n = NativeMethods.gk_tensor_sizes(h, p, buffer.Length);
                if (n <= buffer.Length) return buffer[..n].ToArray();
                var sizes = new long[n];
                fixed (long* p = sizes) NativeMethods.gk_tensor_sizes(h, p, n);
                return sizes;
            }
        }

        public long[] size() => shape;

        public long size(int dim)
        {
            var s = shape;
            var d = dim < 0 ? dim + s.Length : dim;
            if (d < 0 || d >= s.Length)
                throw new IndexOutOfRangeException($"Dimension out of range (expected to be in range of [{-s.Length}, {s.Length - 1}], but got {dim})");
            return s[d];
        }

        public unsafe long[] stride()
        {
            var h = Handle;
            var strides = new long[NativeMethods.gk_tensor_ndim(h)];
            fixed (long* p = strides) NativeMethods.gk_tensor_strides(h, p, strides.Length);
            return strides;
        }

        public long stride(int dim)
        {
            var s = stride();
            return s[dim < 0 ? dim + s.Length : dim];
        }

        // ---- autograd state --------------------------------------------------------------

        public bool requires_grad
        {
            get => Info.RequiresGrad != 0;
            set => NativeMethods.Check(NativeMethods.gk_tensor_set_requires_grad(Handle, value ? 1 : 0));
        }

        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        public bool is_leaf => Info.IsLeaf != 0;

        /// <summary>The accumulated gradient, or null before the first backward pass reaches this tensor.</summary>
        public Tensor? grad
        {
            get {
                NativeMethods.Check(NativeMethods.gk_tensor_grad(Handle, out var g));
                return g == IntPtr.Zero ? null : new Tensor(g);
            }
            set => NativeMethods.Check(NativeMethods.gk_tensor_set_grad(Handle, value?.Handle ?? IntPtr.Zero));
        }

        public void backward() => autograd.backward([this]);

        public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null) =>
            autograd.backward([this], grad_tensors, retain_graph, create_graph, inputs);

        // ---- element access ---------------------------------------------------------------

        /// <summary>The value of a one-element tensor.</summary>
        public unsafe T item<T>() where T : unmanaged
        {
            var n = numel();
            if (n != 1) throw new ArgumentException($"item() needs a tensor with one element, this one has {n}.");
            using var converted = dtype == ScalarTypeOf<T>() ? null : to_type(ScalarTypeOf<T>());
            T value;
            NativeMethods.Check(NativeMethods.gk_tensor_copy_out((converted ?? this).Handle, &value, sizeof(T)));
            return value;
        }

        /// <summary>The elements in row-major order, copied into an accessor (converting nothing: T must match dtype).</summary>
        public TensorAccessor<T> data<T>() where T : unmanaged
        {
            if (ScalarTypeOf<T>() != dtype)
                throw new ArgumentException($"data<{typeof(T).Name}>() does not match the tensor's dtype {dtype}.");
            return new TensorAccessor<T>(this);
        }

        internal unsafe T[] ToArrayOf<T>() where T : unmanaged
        {
            var result = new T[numel()];
            fixed (T* p = result) NativeMethods.Check(NativeMethods.gk_tensor_copy_out(Handle, p, (long)result.Length * sizeof(T)));
            return result;
        }

        public override string ToString() => ToMetadataString();

        internal string ToMetadataString()
        {
            if (IsInvalid) return "";
            return $"[{string.Join("x", shape)}], type = {dtype}, device = {device}";
        }
    }
}
