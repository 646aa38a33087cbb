namespace GanKit.Models;

/// <summary>
/// The nine numbers of one PointGAN pair: G's y = W·x + B, and D's Linear(1, 2), tanh, Linear(2, 1),
/// sigmoid. Plain doubles, so a notebook can plot G and D as functions without tensors.
/// Their order is the order of <see cref="ToArray"/> and of the batched parameters' last axis.
/// </summary>
public readonly record struct PointGanParameters(
    double W, double B,
    double HiddenWeight0, double HiddenWeight1, double HiddenBias0, double HiddenBias1,
    double OutputWeight0, double OutputWeight1, double OutputBias)
{
    public const int Count = 9;

    public static PointGanParameters FromArray(ReadOnlySpan<float> values) => values.Length != Count
        ? throw new ArgumentException($"PointGAN has {Count} parameters, got {values.Length}", nameof(values))
        : new(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);

    public double[] ToArray() => [W, B, HiddenWeight0, HiddenWeight1, HiddenBias0, HiddenBias1, OutputWeight0, OutputWeight1, OutputBias];

    /// <summary>G(x) = W·x + B.</summary>
    public double Generate(double x) => W * x + B;

    /// <summary>D(y) = σ(v·tanh(u·y + c) + d): the probability D gives that y is real.</summary>
    public double Discriminate(double y)
    {
        var logit = OutputWeight0 * Math.Tanh(HiddenWeight0 * y + HiddenBias0)
                  + OutputWeight1 * Math.Tanh(HiddenWeight1 * y + HiddenBias1)
                  + OutputBias;
        return 1 / (1 + Math.Exp(-logit));
    }
}
