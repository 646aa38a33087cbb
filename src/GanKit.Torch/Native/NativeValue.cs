using System.Runtime.InteropServices;

namespace TorchSharp.Native;

/// <summary>Kinds of values on the boxed-call stack; mirrors <c>Tag</c> in gankit_torch.cpp.</summary>
internal enum ValueTag
{
    None = 0,
    Tensor = 1,
    Int = 2,
    Double = 3,
    Bool = 4,
    IntList = 5,
    DoubleList = 6,
    TensorList = 7,
    OptionalTensorList = 8,
    ScalarType = 9,
    Device = 10,
    String = 11,
    BoolList = 12,
}

/// <summary>One argument or result of a boxed operator call (32 bytes, blittable).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeValue
{
    public ValueTag Tag;
    private int _reserved;
    /// <summary>Integers, booleans, list lengths, device types.</summary>
    public long I;
    /// <summary>Doubles, device indices.</summary>
    public double D;
    /// <summary>Tensor handles and list or string data.</summary>
    public IntPtr P;
}
