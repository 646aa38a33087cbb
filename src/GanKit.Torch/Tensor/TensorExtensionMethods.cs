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

    public static float ToSingle(this torch.Tensor value) => value.item<float>();
    public static double ToDouble(this torch.Tensor value) => value.item<double>();
    public static Half ToHalf(this torch.Tensor value) => value.item<Half>();
    public static sbyte ToSByte(this torch.Tensor value) => value.item<sbyte>();
    public static byte ToByte(this torch.Tensor value) => value.item<byte>();
    public static short ToInt16(this torch.Tensor value) => value.item<short>();
    public static int ToInt32(this torch.Tensor value) => value.item<int>();
    public static long ToInt64(this torch.Tensor value) => value.item<long>();
    public static bool ToBoolean(this torch.Tensor value) => value.item<bool>();
}
