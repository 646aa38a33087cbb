using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// What an <see cref="IFeatureExtractor"/> gives: <see cref="Features"/> float64 [N, D] and, where the network
/// classifies, <see cref="Probabilities"/> float64 [N, classes], one row per image, on the CPU. Owns its tensors.
/// </summary>
public sealed record ExtractedFeatures(Tensor Features, Tensor? Probabilities) : IDisposable
{
    public Tensor Features { get; } = CheckedMatrix(Features, nameof(Features), null);

    public Tensor? Probabilities { get; } = Probabilities is null ? null : CheckedMatrix(Probabilities, nameof(Probabilities), Features.shape[0]);

    /// <summary>The number of images N.</summary>
    public long Count => Features.shape[0];

    public void Dispose()
    {
        Features.Dispose();
        Probabilities?.Dispose();
    }

    private static Tensor CheckedMatrix(Tensor matrix, string name, long? rows)
    {
        if (matrix.dtype != ScalarType.Float64 || matrix.dim() != 2)
            throw new ArgumentException($"{name} must be float64 [N, D], got {matrix.dtype} [{string.Join(", ", matrix.shape)}]", name);
        // Rows are checked against the features only when the features themselves are a matrix.
        if (rows is { } n && n != matrix.shape[0])
            throw new ArgumentException($"{name} has {matrix.shape[0]} rows but the features have {n}", name);
        if (matrix.device.type != DeviceType.CPU)
            throw new ArgumentException($"{name} must be on the CPU, got {matrix.device}", name);
        return matrix;
    }
}
