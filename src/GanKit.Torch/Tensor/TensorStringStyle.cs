using System.Globalization;

namespace TorchSharp;

/// <summary>How <see cref="torch.Tensor.ToString(TensorStringStyle, string?, int?, CultureInfo?, string?)"/> writes a tensor.</summary>
public enum TensorStringStyle
{
    Metadata,   // shape, dtype and device only
    Julia,      // metadata, then the values as aligned rows, one 2-D slice at a time
    Numpy,      // nested brackets, as numpy prints arrays
    CSharp,     // a C# array initialiser
    Default,    // torch.TensorStringStyle
}

public static partial class torch
{
    private static TensorStringStyle _style = TensorStringStyle.Julia;

    internal static string floatFormat = "g5";
    internal static string newLine = Environment.NewLine;
    internal static int lineWidth = 100;
    internal static int maxRows = 6;
    internal static int maxColumns = 6;

    public const TensorStringStyle julia = TensorStringStyle.Julia;
    public const TensorStringStyle numpy = TensorStringStyle.Numpy;
    public const TensorStringStyle csharp = TensorStringStyle.CSharp;

    /// <summary>The style that <see cref="TensorStringStyle.Default"/> stands for.</summary>
    public static TensorStringStyle TensorStringStyle {
        get => _style;
        set {
            if (value == TensorStringStyle.Default) throw new ArgumentException("The style cannot be set to 'Default'");
            _style = value;
        }
    }

    public static void set_printoptions(int precision, int? linewidth = null, string? newLine = null, bool sci_mode = false, int? maxRows = null, int? maxColumns = null)
    {
        floatFormat = sci_mode ? $"E{precision}" : $"F{precision}";
        SetLayout(linewidth, newLine, maxRows, maxColumns);
    }

    public static void set_printoptions(TensorStringStyle? style = null, string? floatFormat = null, int? linewidth = null, string? newLine = null, int? maxRows = null, int? maxColumns = null)
    {
        if (style is TensorStringStyle s) TensorStringStyle = s;
        if (floatFormat is not null) torch.floatFormat = floatFormat;
        SetLayout(linewidth, newLine, maxRows, maxColumns);
    }

    private static void SetLayout(int? linewidth, string? newLine, int? maxRows, int? maxColumns)
    {
        if (newLine is not null) torch.newLine = newLine;
        if (linewidth is int w) lineWidth = w;
        if (maxRows is int r) torch.maxRows = r;
        if (maxColumns is int c) torch.maxColumns = c;
    }
}
