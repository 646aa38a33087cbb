using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Visualization;

/// <summary>Small tensors as readable text: values only, rows aligned, e.g. "[[1.010, 1.950], [1.950, 4.250]]" on two lines.</summary>
public static class TensorText
{
    /// <summary>A scalar, vector or matrix with every value in <paramref name="format"/> (invariant culture).</summary>
    public static string Format(Tensor t, string format = "F3")
    {
        if (t.dim() > 2) throw new ArgumentException($"only scalars, vectors and matrices, got [{string.Join(", ", t.shape)}]", nameof(t));
        float[] values;
        using (var scope = NewDisposeScope())
        using (var noGrad = no_grad())
        {
            values = t.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        }

        var text = values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)).ToArray();
        var width = text.Max(s => s.Length);
        string Row(int start, int count) => "[" + string.Join(", ", text.Skip(start).Take(count).Select(s => s.PadLeft(width))) + "]";
        if (t.dim() == 0) return text[0];
        if (t.dim() == 1) return Row(0, text.Length);
        var (rows, columns) = ((int)t.shape[0], (int)t.shape[1]);
        var result = new StringBuilder("[");
        for (var r = 0; r < rows; r++)
        {
            result.Append(r == 0 ? "" : ",\n ").Append(Row(r * columns, columns));
        }

        return result.Append(']').ToString();
    }
}
