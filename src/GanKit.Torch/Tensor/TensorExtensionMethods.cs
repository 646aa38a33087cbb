using System.Globalization;

namespace TorchSharp;

/// <summary>TorchSharp's extension methods on tensors: text forms and one-element conversions.</summary>
public static partial class TensorExtensionMethods
{
    public static string str(this torch.Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null, CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default) =>
        tensor.ToString(style, fltFormat, width, cultureInfo, newLine);

    public static string jlstr(this torch.Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Julia, fltFormat, width, cultureInfo, newLine);

    public static string metastr(this torch.Tensor tensor) => tensor.ToString(TensorStringStyle.Metadata);

    public static string npstr(this torch.Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Numpy, fltFormat, width, cultureInfo, newLine);

    public static string cstr(this torch.Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.CSharp, fltFormat, width, cultureInfo, newLine);

    /// <summary>Writes the tensor to the console and returns it, for chaining.</summary>
    public static torch.Tensor print(this torch.Tensor t, string? fltFormat = "g5", int? width = 100, string? newLine = null, CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default)
    {
        Console.WriteLine(t.ToString(style, fltFormat, width, cultureInfo, newLine));
        return t;
    }

    public static float ToSingle(this torch.Tensor value) => One<float>(value);
    public static double ToDouble(this torch.Tensor value) => One<double>(value);
    public static Half ToHalf(this torch.Tensor value) => One<Half>(value);
    public static sbyte ToSByte(this torch.Tensor value) => One<sbyte>(value);
    public static byte ToByte(this torch.Tensor value) => One<byte>(value);
    public static short ToInt16(this torch.Tensor value) => One<short>(value);
    public static int ToInt32(this torch.Tensor value) => One<int>(value);
    public static long ToInt64(this torch.Tensor value) => One<long>(value);
    public static bool ToBoolean(this torch.Tensor value) => One<bool>(value);

    private static T One<T>(torch.Tensor value) where T : unmanaged
    {
        value.RequireOneElement();
        return value.item<T>();
    }
}
