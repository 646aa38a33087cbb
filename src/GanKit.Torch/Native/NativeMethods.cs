using System.Runtime.InteropServices;

namespace TorchSharp.Native;

/// <summary>The C ABI of src/Native/gankit_torch.cpp. Calls returning int give 0 or -1 (see <see cref="Check"/>).</summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "GanKitTorchNative";

    [LibraryImport(Library)] internal static partial byte* gk_last_error();
    [LibraryImport(Library)] internal static partial byte* gk_torch_version();
    [LibraryImport(Library)] internal static partial byte* gk_blas_info();
    [LibraryImport(Library)] internal static partial void gk_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int gk_get_num_threads();
    [LibraryImport(Library)] internal static partial int gk_manual_seed(long seed);
    [LibraryImport(Library)] internal static partial int gk_get_rng_state(out IntPtr state);
    [LibraryImport(Library)] internal static partial int gk_set_rng_state(IntPtr state);
    [LibraryImport(Library)] internal static partial int gk_cuda_is_available();
    [LibraryImport(Library)] internal static partial int gk_cuda_device_count();
    [LibraryImport(Library)] internal static partial int gk_cuda_manual_seed_all(long seed);
    [LibraryImport(Library)] internal static partial int gk_cuda_synchronize(int device);

    [LibraryImport(Library)] internal static partial void gk_tensor_free(IntPtr handle);
    [LibraryImport(Library)] internal static partial int gk_tensor_from_data(void* data, int dtype, long* shape, int ndim, out IntPtr handle);
    [LibraryImport(Library)] internal static partial int gk_tensor_copy_out(IntPtr handle, void* dst, long bytes);
    [LibraryImport(Library)] internal static partial void* gk_tensor_data_ptr(IntPtr handle);
    [LibraryImport(Library)] internal static partial int gk_tensor_info(IntPtr handle, out TensorInfo info);
    [LibraryImport(Library)] internal static partial int gk_tensor_ndim(IntPtr handle);
    [LibraryImport(Library)] internal static partial int gk_tensor_sizes(IntPtr handle, long* sizes, int capacity);
    [LibraryImport(Library)] internal static partial int gk_tensor_strides(IntPtr handle, long* strides, int capacity);
    [LibraryImport(Library)] internal static partial int gk_tensor_dtype(IntPtr handle);
    [LibraryImport(Library)] internal static partial int gk_tensor_is_contiguous(IntPtr handle);
    [LibraryImport(Library)] internal static partial int gk_tensor_set_requires_grad(IntPtr handle, int requiresGrad);
    [LibraryImport(Library)] internal static partial int gk_tensor_alias(IntPtr handle, out IntPtr alias);
    [LibraryImport(Library)] internal static partial int gk_tensor_grad(IntPtr handle, out IntPtr grad);
    [LibraryImport(Library)] internal static partial int gk_tensor_set_grad(IntPtr handle, IntPtr grad);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int gk_op_find(string name, string overload, out IntPtr op);
    [LibraryImport(Library)] internal static partial int gk_op_call(IntPtr op, NativeValue* args, int nargs, NativeValue* outs, int outcap, out int nout);
    [LibraryImport(Library)] internal static partial byte* gk_op_schema(IntPtr op);

    [LibraryImport(Library)] internal static partial int gk_is_grad_enabled();
    [LibraryImport(Library)] internal static partial void gk_set_grad_enabled(int enabled);
    [LibraryImport(Library)] internal static partial int gk_backward(IntPtr* tensors, IntPtr* grads, int n, int retainGraph, int createGraph);
    [LibraryImport(Library)] internal static partial int gk_autograd_grad(IntPtr* outputs, IntPtr* gradOutputs, int nOut, IntPtr* inputs, int nIn, int retainGraph, int createGraph, int allowUnused, IntPtr* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int gk_jit_load(string path, int deviceType, int deviceIndex, out IntPtr module);
    [LibraryImport(Library)] internal static partial void gk_jit_free(IntPtr module);
    [LibraryImport(Library)] internal static partial int gk_jit_train(IntPtr module, int on);
    [LibraryImport(Library)] internal static partial int gk_jit_to(IntPtr module, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial int gk_jit_forward(IntPtr module, NativeValue* args, int nargs, NativeValue* outs, int outcap, out int nout);
    [LibraryImport(Library)] internal static partial int gk_jit_named_parameters(IntPtr module, byte* names, int namesCapacity, IntPtr* handles, int capacity, out int n);

    /// <summary>Throws libtorch's message as an <see cref="ExternalException"/> when a call failed.</summary>
    internal static void Check(int status)
    {
        if (status != 0) ThrowLastError();
    }

    internal static void ThrowLastError() => throw new ExternalException(LastError());

    internal static string LastError() => Marshal.PtrToStringUTF8((IntPtr)gk_last_error()) ?? "unknown native error";

    internal static string Utf8(byte* text) => Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
}

[StructLayout(LayoutKind.Sequential)]
internal struct TensorInfo
{
    public int DType;
    public int DeviceType;
    public int DeviceIndex;
    public int NDim;
    public int RequiresGrad;
    public int IsLeaf;
    public long NumEl;
}
