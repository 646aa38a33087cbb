using TorchSharp.Native;

namespace TorchSharp;

// zeros, ones, empty, full, eye, arange, linspace, randn, rand and their *_like forms. libtorch's own functions make the
// numbers, so the same seed gives PyTorch's values.
public static partial class torch
{
    private static Tensor Factory(Op op, ReadOnlySpan<long> size, Scalar? fill, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var a = new OpArgs();
        a.Ints(size);
        if (fill is Scalar f) a.Scalar(f);
        return CallFactory(ref a, op, dtype, device, requires_grad);
    }

    private static Tensor LikeFactory(Op op, Tensor input, Scalar? fill, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var a = new OpArgs();
        a.Tensor(input);
        if (fill is Scalar f) a.Scalar(f);
        return CallFactory(ref a, op, dtype, device, requires_grad);
    }

    /// <summary>Pushes a factory's keyword tail (dtype, layout, device), calls it, and sets requires_grad.</summary>
    private static Tensor CallFactory(ref OpArgs a, Op op, ScalarType? dtype, Device? device, bool requires_grad)
    {
        a.ScalarType(dtype);
        a.None(); // layout
        a.Device(device is null ? null : CheckedDevice(device));
        var t = a.Call(op);
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    internal static Device CheckedDevice(Device device)
    {
        if (device.type == DeviceType.CUDA && !cuda.is_available())
            throw new InvalidOperationException(
                $"CUDA was asked for ({device}), but this libtorch ({__version__}) has no CUDA device available. " +
                "Use torch.CPU, or build GanKit against a CUDA libtorch (see environment.md).");
        return device;
    }

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, size, null, dtype, device, requires_grad);
    public static Tensor zeros(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, size, null, dtype, device, requires_grad);
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [size], null, dtype, device, requires_grad);
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);
    public static Tensor zeros(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [size], null, dtype, device, requires_grad);
    public static Tensor zeros(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor zeros(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor zeros(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.zeros, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, size, null, dtype, device, requires_grad);
    public static Tensor ones(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, size, null, dtype, device, requires_grad);
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [size], null, dtype, device, requires_grad);
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);
    public static Tensor ones(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [size], null, dtype, device, requires_grad);
    public static Tensor ones(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor ones(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor ones(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.ones, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.empty, size, null, dtype, device, requires_grad);
    public static Tensor empty(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.empty, size, null, dtype, device, requires_grad);
    public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.empty, [size], null, dtype, device, requires_grad);
    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.empty, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor empty(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.empty, [size], null, dtype, device, requires_grad);
    public static Tensor empty(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.empty, [rows, columns], null, dtype, device, requires_grad);

    public static Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.full, size, value, dtype, device, requires_grad);
    public static Tensor full(ReadOnlySpan<long> size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.full, size, value, dtype, device, requires_grad);
    public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.full, [size], value, dtype, device, requires_grad);
    public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.full, [rows, columns], value, dtype, device, requires_grad);
    public static Tensor full(int size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.full, [size], value, dtype, device, requires_grad);
    public static Tensor full(int rows, int columns, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => Factory(Ops.full, [rows, columns], value, dtype, device, requires_grad);

    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, size, null, dtype, device, requires_grad);
    public static Tensor randn(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, size, null, dtype, device, requires_grad);
    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [size], null, dtype, device, requires_grad);
    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor randn(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);
    public static Tensor randn(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [size], null, dtype, device, requires_grad);
    public static Tensor randn(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor randn(int dim0, int dim1, int dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor randn(int dim0, int dim1, int dim2, int dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.randn, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);

    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, size, null, dtype, device, requires_grad);
    public static Tensor rand(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, size, null, dtype, device, requires_grad);
    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, [size], null, dtype, device, requires_grad);
    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, [rows, columns], null, dtype, device, requires_grad);
    public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, [dim0, dim1, dim2], null, dtype, device, requires_grad);
    public static Tensor rand(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, [dim0, dim1, dim2, dim3], null, dtype, device, requires_grad);
    public static Tensor rand(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, [size], null, dtype, device, requires_grad);
    public static Tensor rand(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null, string[]? names = null) => Factory(Ops.rand, [rows, columns], null, dtype, device, requires_grad);

    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => LikeFactory(Ops.zeros_like, input, null, dtype, device, requires_grad);
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => LikeFactory(Ops.ones_like, input, null, dtype, device, requires_grad);
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => LikeFactory(Ops.empty_like, input, null, dtype, device, requires_grad);
    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => LikeFactory(Ops.full_like, input, value, dtype, device, requires_grad);
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => LikeFactory(Ops.randn_like, input, null, dtype, device, requires_grad);
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => LikeFactory(Ops.rand_like, input, null, dtype, device, requires_grad);

    public partial class Tensor
    {
        public Tensor zeros_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.zeros_like(this, dtype, device, requires_grad);
        public Tensor ones_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.ones_like(this, dtype, device, requires_grad);
        public Tensor empty_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.empty_like(this, dtype, device, requires_grad);
        public Tensor full_like(Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.full_like(this, value, dtype, device, requires_grad);
        public Tensor randn_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.randn_like(this, dtype, device, requires_grad);
        public Tensor rand_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.rand_like(this, dtype, device, requires_grad);
    }

    public static Tensor eye(long rows, long columns = -1L, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
    {
        var a = new OpArgs();
        a.Int(rows);
        a.Int(columns == -1 ? rows : columns);
        return CallFactory(ref a, Ops.eye_m, dtype, device, requires_grad);
    }

    /// <summary>[start, stop) in steps; Int64 when all three are integers, else the default float type (as libtorch infers).</summary>
    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var a = new OpArgs();
        a.Scalar(start);
        a.Scalar(stop);
        a.Scalar(step);
        return CallFactory(ref a, Ops.arange_start_step, dtype, device, requires_grad);
    }

    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(start, stop, 1, dtype, device, requires_grad);

    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, stop, 1, dtype, device, requires_grad);

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var a = new OpArgs();
        a.Double(start);
        a.Double(end);
        a.Int(steps);
        return CallFactory(ref a, Ops.linspace, dtype, device, requires_grad);
    }
}

file static class Ops
{
    public static readonly Op eye_m = new("aten::eye", "m");
    public static readonly Op arange_start_step = new("aten::arange", "start_step");
    public static readonly Op linspace = new("aten::linspace");
    public static readonly Op zeros = new("aten::zeros");
    public static readonly Op ones = new("aten::ones");
    public static readonly Op empty = new("aten::empty", "memory_format");
    public static readonly Op full = new("aten::full");
    public static readonly Op randn = new("aten::randn");
    public static readonly Op rand = new("aten::rand");
    public static readonly Op zeros_like = new("aten::zeros_like");
    public static readonly Op ones_like = new("aten::ones_like");
    public static readonly Op empty_like = new("aten::empty_like");
    public static readonly Op full_like = new("aten::full_like");
    public static readonly Op randn_like = new("aten::randn_like");
    public static readonly Op rand_like = new("aten::rand_like");
}
