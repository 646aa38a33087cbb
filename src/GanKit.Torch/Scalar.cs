namespace TorchSharp;

internal enum ScalarKind : byte { Int, Double, Bool }

/// <summary>
/// A number passed to an operator (the <c>Scalar</c> of ATen schemas). A value type here: it holds
/// no native memory, so making one costs nothing; <see cref="Dispose"/> exists for source compatibility.
/// </summary>
public readonly struct Scalar : IDisposable
{
    internal readonly ScalarKind Kind;
    internal readonly long LongValue;
    internal readonly double DoubleValue;

    private Scalar(long value, ScalarKind kind)
    {
        Kind = kind;
        LongValue = value;
        DoubleValue = value;
    }

    private Scalar(double value)
    {
        Kind = ScalarKind.Double;
        DoubleValue = value;
        LongValue = (long)value;
    }

    public static implicit operator Scalar(byte value) => new(value, ScalarKind.Int);
    public static implicit operator Scalar(sbyte value) => new(value, ScalarKind.Int);
    public static implicit operator Scalar(short value) => new(value, ScalarKind.Int);
    public static implicit operator Scalar(int value) => new(value, ScalarKind.Int);
    public static implicit operator Scalar(long value) => new(value, ScalarKind.Int);
    public static implicit operator Scalar(Half value) => new((double)value);
    public static implicit operator Scalar(float value) => new((double)value);
    public static implicit operator Scalar(double value) => new(value);
    public static implicit operator Scalar(bool value) => new(value ? 1 : 0, ScalarKind.Bool);

    public double ToDouble() => DoubleValue;
    public float ToSingle() => (float)DoubleValue;
    public long ToInt64() => LongValue;
    public int ToInt32() => (int)LongValue;
    public bool ToBoolean() => Kind == ScalarKind.Double ? DoubleValue != 0 : LongValue != 0;

    public void Dispose() { }

    public override string ToString() => Kind switch {
        ScalarKind.Bool => (LongValue != 0).ToString(),
        ScalarKind.Int => LongValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public static class ScalarExtensionMethods
{
    public static Scalar ToScalar(this int value) => value;
    public static Scalar ToScalar(this long value) => value;
    public static Scalar ToScalar(this float value) => value;
    public static Scalar ToScalar(this double value) => value;
    public static Scalar ToScalar(this bool value) => value;
}
