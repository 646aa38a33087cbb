using System.Globalization;
using System.Text;
using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>
/// Lays out a tensor's values as TorchSharp's string styles do. The values are copied out and
/// formatted once; layouts then work on (offset, dimension) positions in the row-major cells.
/// </summary>
internal sealed class TensorFormatter
{
    private const string Ellipsis = "...";

    private readonly string _metadata;
    private readonly ScalarType _dtype;
    private readonly long[] _shape;
    private readonly long[] _strides;
    private readonly string[]? _cells; // null: a dtype without value formatting
    private readonly string _nl;

    public TensorFormatter(Tensor tensor, string fltFormat, CultureInfo culture, string newLine)
    {
        _metadata = tensor.ToMetadataString();
        _dtype = tensor.dtype;
        _shape = tensor.shape;
        _strides = new long[_shape.Length];
        long stride = 1;
        for (int d = _shape.Length - 1; d >= 0; d--) {
            _strides[d] = stride;
            stride *= _shape[d];
        }
        _cells = Format(tensor, fltFormat, culture);
        _nl = newLine;
    }

    private static string[]? Format(Tensor tensor, string fmt, CultureInfo culture)
    {
        switch (tensor.dtype) {
        case ScalarType.Float32:
            return Array.ConvertAll(tensor.ToArrayOf<float>(), v => v.ToString(fmt, culture));
        case ScalarType.Float16:
        case ScalarType.BFloat16: {
            using var wide = tensor.to_type(ScalarType.Float32);
            return Array.ConvertAll(wide.ToArrayOf<float>(), v => v.ToString(fmt, culture));
        }
        case ScalarType.Float64:
            return Array.ConvertAll(tensor.ToArrayOf<double>(), v => v.ToString(fmt, culture));
        case ScalarType.Bool:
            return Array.ConvertAll(tensor.ToArrayOf<bool>(), v => v.ToString(culture));
        case ScalarType.Byte:
        case ScalarType.Int8:
        case ScalarType.Int16:
        case ScalarType.Int32:
        case ScalarType.Int64: {
            using var wide = tensor.dtype == ScalarType.Int64 ? null : tensor.to_type(ScalarType.Int64);
            return Array.ConvertAll((wide ?? tensor).ToArrayOf<long>(), v => v.ToString(culture));
        }
        case ScalarType.ComplexFloat32:
        case ScalarType.ComplexFloat64: {
            using var parts = tensor.view_as_real();
            using var wide = parts.to_type(ScalarType.Float64);
            var values = wide.ToArrayOf<double>();
            bool single = tensor.dtype == ScalarType.ComplexFloat32;
            var cells = new string[values.Length / 2];
            for (int k = 0; k < cells.Length; k++) cells[k] = Complex(values[2 * k], values[2 * k + 1], single, fmt, culture);
            return cells;
        }
        default:
            return null;
        }
    }

    // "re+imi", leaving out a zero part (but never both).
    private static string Complex(double re, double im, bool single, string fmt, CultureInfo culture)
    {
        string F(double v) => single ? ((float)v).ToString(fmt, culture) : v.ToString(fmt, culture);
        var sb = new StringBuilder();
        if (re != 0 || im == 0) {
            sb.Append(F(re));
            if (im != 0) sb.Append('+');
        }
        if (im != 0) sb.Append(F(im)).Append('i');
        return sb.ToString();
    }

    private static string Spaces(long n) => new(' ', (int)Math.Max(n, 0));

    // ---- Julia: metadata, then aligned rows; 3-D and up as a sequence of labelled 2-D slices ----

    public string Julia(int width)
    {
        if (_cells is null) return _metadata;
        var sb = new StringBuilder(_metadata);
        switch (_shape.Length) {
        case 0:
            sb.Append(", value = ").Append(_cells[0]);
            break;
        case 1: {
            var row = Row(0, width);
            sb.Append(_nl);
            WriteRow(sb, row, row.Select(s => s.Length).ToArray(), row.Count < _shape[0]);
            break;
        }
        case 2:
            sb.Append(_nl);
            Matrix(sb, 0, width);
            break;
        default:
            Slices(sb, 0, 0, [], width);
            break;
        }
        return sb.ToString();
    }

    private void Slices(StringBuilder sb, int dim, long offset, List<long> prefix, int width)
    {
        for (long i = 0; i < _shape[dim]; i++) {
            prefix.Add(i);
            long at = offset + i * _strides[dim];
            if (dim == _shape.Length - 3) {
                sb.Append(_nl).Append('[').Append(string.Join(",", prefix)).Append(",..,..] =").Append(_nl);
                Matrix(sb, at, width);
            } else {
                Slices(sb, dim + 1, at, prefix, width);
            }
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    /// <summary>The last dimension at offset, as many cells as fit the width with room left for " ...".</summary>
    private List<string> Row(long offset, int width)
    {
        var row = new List<string>();
        long n = _shape[^1];
        for (long j = 0; j < n; j++) {
            var cell = _cells![offset + j];
            if (width - cell.Length - (Ellipsis.Length + 1) < 0) break;
            row.Add(cell);
            width -= cell.Length + 1;
        }
        return row;
    }

    /// <summary>The last two dimensions at offset: every row, columns right-aligned, cut to the narrowest row's fit.</summary>
    private void Matrix(StringBuilder sb, long offset, int width)
    {
        long rows = _shape[^2];
        if (rows == 0) return;
        var table = new List<List<string>>();
        for (long i = 0; i < rows; i++) table.Add(Row(offset + i * _shape[^1], width));
        int shown = table.Min(r => r.Count);
        var space = new int[shown];
        foreach (var row in table)
            for (int j = 0; j < shown; j++) space[j] = Math.Max(space[j], row[j].Length);
        foreach (var row in table) WriteRow(sb, row.Take(shown).ToList(), space, shown < _shape[^1]);
    }

    private void WriteRow(StringBuilder sb, IList<string> row, int[] space, bool elided)
    {
        for (int j = 0; j < row.Count; j++) sb.Append(' ').Append(Spaces(space[j] - row[j].Length)).Append(row[j]);
        if (elided) sb.Append(' ').Append(Ellipsis);
        sb.Append(_nl);
    }

    // ---- NumPy and C#: nested brackets, eliding the middle of long dimensions ----

    public string Numpy(int maxRows, int maxColumns)
    {
        if (_cells is null) return _metadata;
        if (_shape.Length == 0) return _cells[0];
        var sb = new StringBuilder();
        Nested(sb, 0, 0, indent: false, maxRows, maxColumns, csharp: null);
        return sb.ToString();
    }

    public string CSharp(int maxRows, int maxColumns)
    {
        var sb = new StringBuilder(_metadata).Append(", value = ");
        if (_shape.Length == 0 && _cells is not null) return sb.Append(_cells[0]).ToString();
        if (_cells is null || CSharpType() is not (string typeName, string suffix)) return _metadata;
        if (_shape.Length > 1) sb.Append(_nl);
        sb.Append(typeName).Append(" [").Append(',', _shape.Length - 1).Append("] ");
        Nested(sb, 0, 0, indent: true, maxRows, maxColumns, csharp: suffix);
        return sb.ToString();
    }

    /// <summary>The C# element type name and literal suffix, or null for dtypes C# style cannot show.</summary>
    private (string, string)? CSharpType() => _dtype switch {
        ScalarType.Bool => ("bool", ""),
        ScalarType.Byte => ("byte", ""),
        ScalarType.Int8 => ("sbyte", ""),
        ScalarType.Int16 => ("short", ""),
        ScalarType.Int32 => ("int", ""),
        ScalarType.Int64 => ("long", "L"),
        ScalarType.Float32 => ("float", "f"),
        ScalarType.Float64 => ("double", ""),
        ScalarType.BFloat16 => ("bfloat16", "f"),
        ScalarType.Float16 => ("float16", "f"),
        ScalarType.ComplexFloat32 => ("complex32", ""),
        ScalarType.ComplexFloat64 => ("complex64", ""),
        _ => null,
    };

    /// <param name="indent">Whether this level starts on its own line (so it is indented to its depth).</param>
    /// <param name="csharp">Null for NumPy style; for C# style, the literal suffix of each value.</param>
    private void Nested(StringBuilder sb, int dim, long offset, bool indent, int maxRows, int maxColumns, string? csharp)
    {
        bool top = dim == 0;
        int rank = _shape.Length;
        if (indent) sb.Append(Spaces(dim));
        sb.Append(csharp is null ? '[' : '{');
        bool framed = csharp is not null && top && rank > 1;
        if (framed) sb.Append(_nl).Append(' ');
        long n = _shape[dim];
        if (n > 0 && dim == rank - 1) {
            string sep = ", ";
            void Cell(long j) => sb.Append(_cells![offset + j]).Append(csharp ?? "");
            if (n <= maxColumns) {
                for (long j = 0; j < n; j++) {
                    if (j > 0) sb.Append(sep);
                    Cell(j);
                }
            } else {
                long trailing = maxColumns / 2, leading = maxColumns - trailing;
                for (long j = 0; j < leading; j++) {
                    Cell(j);
                    sb.Append(sep);
                }
                sb.Append("... ");
                for (long j = n - trailing; j < n; j++) {
                    if (j > n - trailing) sb.Append(sep);
                    Cell(j);
                }
            }
        } else if (n > 0) {
            // Between sub-blocks: NumPy puts one line break per remaining dimension, C# a comma and one.
            string between = csharp is null ? string.Concat(Enumerable.Repeat(_nl, rank - dim - 1)) : "," + _nl;
            void Block(long i, bool own) => Nested(sb, dim + 1, offset + i * _strides[dim], own, maxRows, maxColumns, csharp);
            if (n <= maxRows) {
                for (long i = 0; i < n; i++) {
                    if (i > 0) sb.Append(between);
                    Block(i, i > 0);
                }
            } else {
                long trailing = maxRows / 2, leading = maxRows - trailing;
                for (long i = 0; i < leading; i++) {
                    Block(i, i > 0);
                    sb.Append(between);
                }
                sb.Append(Spaces(dim)).Append(" ...").Append(csharp is null ? between : _nl);
                for (long i = n - trailing; i < n; i++) {
                    if (i > n - trailing) sb.Append(between);
                    Block(i, true);
                }
            }
        }
        if (framed) sb.Append(_nl);
        sb.Append(csharp is null ? ']' : '}');
    }
}
