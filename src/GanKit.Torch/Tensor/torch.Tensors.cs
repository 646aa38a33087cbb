using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

// Tensors made from .NET data: one generic copy path, and the overloads users write.
public static partial class torch
{
    internal static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, ScalarType? dtype, Device? device, bool requires_grad)
        where T : unmanaged
    {
        long count = 1;
        foreach (var d in shape) {
            if (d < 0) throw new ArgumentException($"negative dimension {d} in shape [{string.Join(", ", shape.ToArray())}]");
            count *= d;
        }
        if (count != data.Length)
            throw new ArgumentException($"{data.Length} values cannot fill a tensor of shape [{string.Join(", ", shape.ToArray())}] ({count} elements).");
        IntPtr handle;
        fixed (T* p = data)
        fixed (long* s = shape) {
            NativeMethods.Check(NativeMethods.gk_tensor_from_data(p, (int)ScalarTypeOf<T>(), s, shape.Length, out handle));
        }
        var result = new Tensor(handle);
        return Finish(result, dtype, device, requires_grad);
    }

    /// <summary>Converts a freshly made tensor to the asked dtype and device, then sets requires_grad.</summary>
    internal static Tensor Finish(Tensor t, ScalarType? dtype, Device? device, bool requires_grad)
    {
        if ((dtype is not null && dtype != t.dtype) || (device is not null && device.type != DeviceType.CPU)) {
            var converted = t.to(dtype ?? t.dtype, device ?? CPU);
            t.Dispose();
            t = converted;
        }
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    private static Tensor FromMulti<T>(Array data, ScalarType? dtype, Device? device, bool requires_grad) where T : unmanaged
    {
        var shape = new long[data.Rank];
        for (int d = 0; d < shape.Length; d++) shape[d] = data.GetLength(d);
        var flat = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
        return FromSpan(flat, shape, dtype, device, requires_grad);
    }

    public static Tensor tensor(float scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(int scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(byte scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan([scalar], [], dtype, device, requires_grad);

    public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<float>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(double[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<double>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(long[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<long>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(int[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<int>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(bool[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<bool>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(byte[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<byte>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);

    public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<float>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(double[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<double>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(long[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<long>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(int[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<int>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(bool[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<bool>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(byte[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<byte>(rawArray, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(IList<float> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<float>(rawArray.ToArray(), [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<double> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<double>(rawArray.ToArray(), [rows, columns], dtype, device, requires_grad);

    public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<float>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(double[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<double>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(long[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<long>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(int[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<int>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(float[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<float>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(double[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<double>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(float[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<float>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(double[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<double>(rawArray, dtype, device, requires_grad);
}
