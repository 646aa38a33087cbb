using GanKit.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Variants;

/// <summary>
/// What one of InfoGAN's continuous codes does to the digits, in numbers: the mean <see cref="DigitShape"/> (slant,
/// width, ink) of the same rows of noise and categories drawn at each value of the code, every other code at 0.
/// </summary>
public sealed record CodeEffect(int Code, IReadOnlyList<double> Values, IReadOnlyList<double> Slant, IReadOnlyList<double> Width, IReadOnlyList<double> Ink)
{
    /// <summary>How much each shape changes from the first value to the last (e.g. from c = −1 to c = 1).</summary>
    public (double Slant, double Width, double Ink) Change => (Slant[^1] - Slant[0], Width[^1] - Width[0], Ink[^1] - Ink[0]);
}

public static class InfoGanSweep
{
    /// <summary>
    /// The <see cref="CodeEffect"/> of continuous code <paramref name="code"/> over <paramref name="values"/>, averaged
    /// over <paramref name="rows"/> random noise vectors with random categories (torch's generator).
    /// </summary>
    public static CodeEffect Measure(InfoGan gan, int code, IReadOnlyList<double> values, int rows = 300)
    {
        ArgumentNullException.ThrowIfNull(gan);
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "average over at least one row");
        if (values.Count < 2) throw new ArgumentException("a sweep needs at least two values", nameof(values));
        using var scope = NewDisposeScope();
        var categories = randint(gan.Options.Categories, [rows], dtype: ScalarType.Int64).data<long>().ToArray();
        var images = gan.Generate(gan.SweepInput(code, values, gan.SampleNoise(rows), categories));
        var shapes = DigitShape.Measure(images);
        double[] MeanPerValue(IReadOnlyList<double> perImage) =>
            Enumerable.Range(0, values.Count).Select(v => Enumerable.Range(0, rows).Average(r => perImage[r * values.Count + v])).ToArray();
        return new CodeEffect(code, values, MeanPerValue(shapes.Slant), MeanPerValue(shapes.Width), MeanPerValue(shapes.Ink));
    }
}
