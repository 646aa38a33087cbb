using System.Globalization;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        /// <param name="disamb">True: the values in torch.TensorStringStyle; false: the metadata only.</param>
        public string ToString(bool disamb, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null) =>
            disamb ? ToString(torch.TensorStringStyle, fltFormat, width, cultureInfo, newLine) : ToMetadataString();

        /// <summary>
        /// The tensor as text: metadata, or its values in Julia, NumPy or C# style. Defaults come from
        /// set_printoptions: float format "g5", width 100, six rows and columns before eliding (NumPy, C#).
        /// </summary>
        public string ToString(TensorStringStyle style, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null)
        {
            if (style == TensorStringStyle.Default) style = torch.TensorStringStyle;
            if (style == TensorStringStyle.Metadata || IsInvalid) return ToMetadataString();
            var text = new TensorFormatter(this, fltFormat ?? floatFormat, cultureInfo ?? CultureInfo.CurrentCulture, newLine ?? torch.newLine);
            return style switch {
                TensorStringStyle.Julia => text.Julia(width ?? lineWidth),
                TensorStringStyle.Numpy => text.Numpy(maxRows, maxColumns),
                TensorStringStyle.CSharp => text.CSharp(maxRows, maxColumns),
                _ => throw new ArgumentOutOfRangeException(nameof(style), style, "unsupported tensor string style"),
            };
        }
    }
}
