using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Features;

/// <summary>
/// Turns images into the feature vectors (and, where the network classifies, the class probabilities) that the GAN
/// metrics compare: <see cref="MnistFeatures"/>, <see cref="InceptionFeatures"/>.
/// </summary>
public interface IFeatureExtractor
{
    /// <summary>What the features are, in a few words (printed beside a metric).</summary>
    string Name { get; }

    /// <summary>The length D of a feature vector.</summary>
    long FeatureDim { get; }

    /// <summary>
    /// The features of <paramref name="images"/>, float [N, C, H, W] in [0, 1] as GanKit's datasets and generators give
    /// them, computed <paramref name="batchSize"/> images at a time: float64 [N, D] on the CPU, and the class
    /// probabilities float64 [N, classes] where the extractor has them.
    /// </summary>
    ExtractedFeatures Extract(Tensor images, int batchSize = 500);
}
