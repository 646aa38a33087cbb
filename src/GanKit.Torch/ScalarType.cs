namespace TorchSharp;

public static partial class torch
{
    /// <summary>Element types, numbered as libtorch's c10::ScalarType.</summary>
    public enum ScalarType : sbyte
    {
        Byte = 0,
        Int8 = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Float16 = 5,
        Float32 = 6,
        Float64 = 7,
        ComplexFloat32 = 9,
        ComplexFloat64 = 10,
        Bool = 11,
        QInt8 = 12,
        QUInt8 = 13,
        QInt32 = 14,
        BFloat16 = 15,
    }

    public static ScalarType @bool = ScalarType.Bool;
    public static ScalarType uint8 = ScalarType.Byte;
    public static ScalarType int8 = ScalarType.Int8;
    public static ScalarType int16 = ScalarType.Int16;
    public static ScalarType int32 = ScalarType.Int32;
    public static ScalarType int64 = ScalarType.Int64;
    public static ScalarType bfloat16 = ScalarType.BFloat16;
    public static ScalarType float16 = ScalarType.Float16;
    public static ScalarType float32 = ScalarType.Float32;
    public static ScalarType float64 = ScalarType.Float64;
    public static ScalarType complex64 = ScalarType.ComplexFloat32;
    public static ScalarType complex128 = ScalarType.ComplexFloat64;
    public static ScalarType @short = ScalarType.Int16;
    public static ScalarType @int = ScalarType.Int32;
    public static ScalarType @long = ScalarType.Int64;
    public static ScalarType half = ScalarType.Float16;
    public static ScalarType @float = ScalarType.Float32;
    public static ScalarType @double = ScalarType.Float64;

    public static bool is_integral(ScalarType type) =>
        type is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64;

    public static bool is_floating_point(ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    public static bool is_complex(ScalarType type) => type is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64;

    /// <summary>Bytes per element.</summary>
    internal static int ElementSize(ScalarType type) => type switch {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool or ScalarType.QInt8 or ScalarType.QUInt8 => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 or ScalarType.QInt32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown scalar type"),
    };

    /// <summary>The element type of a .NET type, for tensors made from arrays and for <c>data&lt;T&gt;()</c>.</summary>
    internal static ScalarType ScalarTypeOf<T>() => typeof(T) switch {
        var t when t == typeof(float) => ScalarType.Float32,
        var t when t == typeof(double) => ScalarType.Float64,
        var t when t == typeof(long) => ScalarType.Int64,
        var t when t == typeof(int) => ScalarType.Int32,
        var t when t == typeof(short) => ScalarType.Int16,
        var t when t == typeof(byte) => ScalarType.Byte,
        var t when t == typeof(sbyte) => ScalarType.Int8,
        var t when t == typeof(bool) => ScalarType.Bool,
        var t when t == typeof(Half) => ScalarType.Float16,
        var t => throw new ArgumentException($"{t.Name} has no tensor element type"),
    };
}
