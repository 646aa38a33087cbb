using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

// Tensors made from .NET data: one generic copy path, and TorchSharp's overloads for each element type
// (scalars of float, int and the small integer types take no dtype there, so none here either).
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

    private static Tensor FromList<T>(IList<T> data, ReadOnlySpan<long> shape, ScalarType? dtype, Device? device, bool requires_grad) where T : unmanaged =>
        FromSpan<T>(data as T[] ?? data.ToArray(), shape, dtype, device, requires_grad);

    private static long[] Length<T>(IList<T> data) => [data.Count];

    // float
    public static Tensor tensor(float scalar, Device? device = null, bool requires_grad = false) => FromSpan<float>([scalar], [], null, device, requires_grad);
    public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<float>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<float>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<float> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<float> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<float> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<float>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(float[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<float>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(float[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<float>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<float> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<float>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // double
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan<double>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(double[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<double>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(double[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<double>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<double> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<double> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<double> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<double> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(double[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<double>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(double[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<double>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(double[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<double>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<double> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<double>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // long
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan<long>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(long[] dataArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<long>(dataArray, [dataArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(long[] dataArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<long>(dataArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<long> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<long> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<long> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<long> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<long> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(long[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<long>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(long[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<long>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(long[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<long>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<long> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<long>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // int
    public static Tensor tensor(int scalar, Device? device = null, bool requires_grad = false) => FromSpan<int>([scalar], [], null, device, requires_grad);
    public static Tensor tensor(int[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<int>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(int[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<int>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<int> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<int> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<int> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<int> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(int[] rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(int[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<int>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(int[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<int>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(int[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<int>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<int> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<int>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // bool
    public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromSpan<bool>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(bool[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<bool>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(bool[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<bool>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<bool> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<bool> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<bool> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<bool> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<bool> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(bool[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<bool>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(bool[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<bool>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(bool[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<bool>(rawArray, dtype, device, requires_grad);

    // byte
    public static Tensor tensor(byte scalar, Device? device = null, bool requires_grad = false) => FromSpan<byte>([scalar], [], null, device, requires_grad);
    public static Tensor tensor(byte[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<byte>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(byte[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<byte>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<byte> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<byte> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<byte> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<byte> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<byte> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(byte[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<byte>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(byte[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<byte>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(byte[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<byte>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<byte> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<byte>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // short
    public static Tensor tensor(short scalar, Device? device = null, bool requires_grad = false) => FromSpan<short>([scalar], [], null, device, requires_grad);
    public static Tensor tensor(short[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<short>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(short[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<short>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<short> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<short> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<short> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<short> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<short> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(short[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<short>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(short[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<short>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(short[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<short>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<short> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<short>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // sbyte
    public static Tensor tensor(sbyte scalar, Device? device = null, bool requires_grad = false) => FromSpan<sbyte>([scalar], [], null, device, requires_grad);
    public static Tensor tensor(sbyte[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<sbyte>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(sbyte[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<sbyte>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<sbyte> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<sbyte> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<sbyte> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<sbyte> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<sbyte> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(sbyte[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<sbyte>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(sbyte[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<sbyte>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(sbyte[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<sbyte>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<sbyte> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<sbyte>(rawArray.Span, dimensions, dtype, device, requires_grad);

    // Half
    public static Tensor tensor(Half[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<Half>(rawArray, [rawArray.LongLength], dtype, device, requires_grad);
    public static Tensor tensor(Half[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<Half>(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<Half> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, Length(rawArray), dtype, device, requires_grad);
    public static Tensor tensor(IList<Half> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, dimensions, dtype, device, requires_grad);
    public static Tensor tensor(IList<Half> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [rows, columns], dtype, device, requires_grad);
    public static Tensor tensor(IList<Half> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2], dtype, device, requires_grad);
    public static Tensor tensor(IList<Half> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromList(rawArray, [dim0, dim1, dim2, dim3], dtype, device, requires_grad);
    public static Tensor tensor(Half[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<Half>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Half[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<Half>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Half[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromMulti<Half>(rawArray, dtype, device, requires_grad);
    public static Tensor tensor(Memory<Half> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => FromSpan<Half>(rawArray.Span, dimensions, dtype, device, requires_grad);
}
