using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TorchSharp.Native;

[InlineArray(Capacity)]
internal struct ValueBuffer
{
    public const int Capacity = 16;
    private NativeValue _element;
}

[InlineArray(Capacity)]
internal struct LongBuffer
{
    public const int Capacity = 32;
    private long _element;
}

/// <summary>
/// The argument stack of one boxed operator call, built on the caller's stack frame so a call
/// allocates nothing managed beyond its result tensors. Arguments are pushed in schema order;
/// trailing arguments left out take the schema's defaults on the native side.
/// </summary>
/// <remarks>Use as a local (<c>var a = new OpArgs();</c>) and never copy it: list arguments point into it.</remarks>
internal unsafe ref struct OpArgs
{
    private ValueBuffer _values;
    private LongBuffer _longs;
    private int _count;
    private int _longsUsed;
    private List<GCHandle>? _pins;

    [UnscopedRef]
    private ref NativeValue Next()
    {
        if (_count == ValueBuffer.Capacity) throw new InvalidOperationException($"more than {ValueBuffer.Capacity} operator arguments");
        ref var v = ref _values[_count++];
        v = default;
        return ref v;
    }

    public void None() => Next().Tag = ValueTag.None;

    public void Tensor(Tensor? tensor)
    {
        ref var v = ref Next();
        v.Tag = ValueTag.Tensor;
        v.P = tensor is null ? IntPtr.Zero : tensor.Handle;
    }

    public void Int(long value)
    {
        ref var v = ref Next();
        v.Tag = ValueTag.Int;
        v.I = value;
    }

    public void OptionalInt(long? value)
    {
        if (value is long x) Int(x); else None();
    }

    public void Double(double value)
    {
        ref var v = ref Next();
        v.Tag = ValueTag.Double;
        v.D = value;
    }

    public void OptionalDouble(double? value)
    {
        if (value is double x) Double(x); else None();
    }

    public void Bool(bool value)
    {
        ref var v = ref Next();
        v.Tag = ValueTag.Bool;
        v.I = value ? 1 : 0;
    }

    public void Scalar(Scalar value)
    {
        ref var v = ref Next();
        switch (value.Kind) {
        case ScalarKind.Int: v.Tag = ValueTag.Int; v.I = value.LongValue; break;
        case ScalarKind.Bool: v.Tag = ValueTag.Bool; v.I = value.LongValue; break;
        default: v.Tag = ValueTag.Double; v.D = value.DoubleValue; break;
        }
    }

    public void OptionalScalar(Scalar? value)
    {
        if (value is Scalar s) Scalar(s); else None();
    }

    public void ScalarType(ScalarType? type)
    {
        if (type is null) { None(); return; }
        ref var v = ref Next();
        v.Tag = ValueTag.ScalarType;
        v.I = (long)type.Value;
    }

    public void Device(Device? device)
    {
        if (device is null) { None(); return; }
        ref var v = ref Next();
        v.Tag = ValueTag.Device;
        v.I = (long)device.type;
        v.D = device.index;
    }

    public void Ints(ReadOnlySpan<long> values)
    {
        long* p = Reserve(values.Length);
        values.CopyTo(new Span<long>(p, values.Length));
        ref var v = ref Next();
        v.Tag = ValueTag.IntList;
        v.I = values.Length;
        v.P = (IntPtr)p;
    }

    public void OptionalInts(long[]? values)
    {
        if (values is null) None(); else Ints(values);
    }

    public void Doubles(ReadOnlySpan<double> values)
    {
        long* p = Reserve(values.Length);
        values.CopyTo(new Span<double>(p, values.Length));
        ref var v = ref Next();
        v.Tag = ValueTag.DoubleList;
        v.I = values.Length;
        v.P = (IntPtr)p;
    }

    public void Bools(ReadOnlySpan<bool> values)
    {
        long* p = Reserve((values.Length + 7) / 8);
        var bytes = new Span<byte>(p, values.Length);
        for (int k = 0; k < values.Length; k++) bytes[k] = values[k] ? (byte)1 : (byte)0;
        ref var v = ref Next();
        v.Tag = ValueTag.BoolList;
        v.I = values.Length;
        v.P = (IntPtr)p;
    }

    public void Tensors(ReadOnlySpan<Tensor> tensors) => TensorList(tensors, ValueTag.TensorList);

    /// <summary>A <c>Tensor?[]</c> argument (advanced indexing); null entries are None.</summary>
    public void OptionalTensors(ReadOnlySpan<Tensor?> tensors) => TensorList(tensors!, ValueTag.OptionalTensorList);

    private void TensorList(ReadOnlySpan<Tensor> tensors, ValueTag tag)
    {
        long* p = Reserve(tensors.Length);
        for (int k = 0; k < tensors.Length; k++) p[k] = tensors[k] is null ? 0 : (long)tensors[k].Handle;
        ref var v = ref Next();
        v.Tag = tag;
        v.I = tensors.Length;
        v.P = (IntPtr)p;
    }

    public void String(string value)
    {
        int n = Encoding.UTF8.GetByteCount(value);
        long* p = Reserve(n / 8 + 1);
        var bytes = new Span<byte>(p, n + 1);
        Encoding.UTF8.GetBytes(value, bytes);
        bytes[n] = 0;
        ref var v = ref Next();
        v.Tag = ValueTag.String;
        v.P = (IntPtr)p;
    }

    /// <summary>Room for list data: in this frame while it lasts, then in pinned arrays.</summary>
    private long* Reserve(int count)
    {
        if (_longsUsed + count <= LongBuffer.Capacity) {
            long* p = (long*)Unsafe.AsPointer(ref _longs[_longsUsed]);
            _longsUsed += count;
            return p;
        }
        var pin = GCHandle.Alloc(new long[Math.Max(count, 1)], GCHandleType.Pinned);
        (_pins ??= []).Add(pin);
        return (long*)pin.AddrOfPinnedObject();
    }

    private NativeValue* Arguments => (NativeValue*)Unsafe.AsPointer(ref _values[0]);

    private void Release()
    {
        if (_pins is null) return;
        foreach (var pin in _pins) pin.Free();
        _pins = null;
    }

    /// <summary>Calls an operator that returns one tensor.</summary>
    public Tensor Call(Op op)
    {
        NativeValue result;
        int status, n;
        try {
            status = NativeMethods.gk_op_call(op.Handle, Arguments, _count, &result, 1, out n);
        } finally {
            Release();
        }
        if (status != 0) NativeMethods.ThrowLastError();
        if (n != 1 || result.Tag != ValueTag.Tensor) throw new InvalidOperationException($"{op} returned {n} values, expected one tensor");
        return new Tensor(result.P);
    }

    /// <summary>Calls an operator for its effect (in-place ops): results are discarded natively.</summary>
    public void CallInPlace(Op op)
    {
        int status;
        try {
            status = NativeMethods.gk_op_call(op.Handle, Arguments, _count, null, -1, out _);
        } finally {
            Release();
        }
        if (status != 0) NativeMethods.ThrowLastError();
    }

    /// <summary>Calls an operator returning a fixed number of tensors (a tuple) or a tensor list of known bound.</summary>
    public Tensor[] CallMany(Op op, int capacity)
    {
        var outs = capacity <= 16 ? stackalloc NativeValue[capacity] : new NativeValue[capacity];
        int status, n;
        fixed (NativeValue* po = outs) {
            try {
                status = NativeMethods.gk_op_call(op.Handle, Arguments, _count, po, capacity, out n);
            } finally {
                Release();
            }
        }
        if (status != 0) NativeMethods.ThrowLastError();
        var result = new Tensor[n];
        for (int k = 0; k < n; k++) result[k] = new Tensor(outs[k].P);
        return result;
    }

    public (Tensor, Tensor) CallPair(Op op)
    {
        var r = CallMany(op, 2);
        return (r[0], r[1]);
    }

    /// <summary>Calls an operator that returns a number.</summary>
    public NativeValue CallValue(Op op)
    {
        NativeValue result;
        int status, n;
        try {
            status = NativeMethods.gk_op_call(op.Handle, Arguments, _count, &result, 1, out n);
        } finally {
            Release();
        }
        if (status != 0) NativeMethods.ThrowLastError();
        if (n != 1) throw new InvalidOperationException($"{op} returned {n} values, expected one");
        return result;
    }
}
