using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// A classifier's verdict on N images: <see cref="Probabilities"/> float64 [N, classes] (softmax) and
/// <see cref="Labels"/> int64 [N], the most probable class of each. Owns its tensors.
/// </summary>
public sealed record ClassPrediction(Tensor Probabilities, Tensor Labels) : IDisposable
{
    public long Count => Labels.shape[0];

    public void Dispose()
    {
        Probabilities.Dispose();
        Labels.Dispose();
    }
}
