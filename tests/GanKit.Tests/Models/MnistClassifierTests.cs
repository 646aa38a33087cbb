using GanKit.Models;

namespace GanKit.Tests.Models;

/// <summary>Notebook 05's MNIST classifier: its layers and shapes, its features, what it refuses.</summary>
public class MnistClassifierTests
{
    [Fact]
    public void LayersShapesAndParameterCountAreTheDocumentedOnes()
    {
        using var classifier = new MnistClassifier();
        var summary = ModelSummary.Of(classifier, 1, 28, 28);
        Assert.Equal(454_922L, summary.TotalParameters);
        Assert.Equal(
            new[]
            {
                ("conv1", "(B, 32, 14, 14)", 832L), ("act1", "(B, 32, 14, 14)", 0L), ("conv2", "(B, 64, 7, 7)", 51_264L), ("act2", "(B, 64, 7, 7)", 0L),
                ("drop1", "(B, 64, 7, 7)", 0L), ("flatten", "(B, 3136)", 0L), ("fc1", "(B, 128)", 401_536L), ("act3", "(B, 128)", 0L),
                ("drop2", "(B, 128)", 0L), ("fc2", "(B, 10)", 1_290L),
            },
            summary.Rows.Select(r => (r.Name, r.OutputShapeText, r.Parameters)));
        using var fashion = new MnistClassifier(classCount: 3);
        Assert.Equal([2L, 3], fashion.call(zeros(2, 1, 28, 28)).shape);
    }

    [Fact]
    public void FeaturesAreTheHiddenLayerTheLogitsAreComputedFrom()
    {
        manual_seed(4);
        using var classifier = new MnistClassifier();
        classifier.eval();
        using var images = rand(5, 1, 28, 28);
        var (features, logits) = classifier.FeaturesAndLogits(images);
        using (features)
        using (logits)
        {
            Assert.Equal([5L, MnistClassifier.FeatureDim], features.shape);
            Assert.True(features.min().item<float>() >= 0); // after the ReLU
            using var alone = classifier.Features(images);
            Assert.True(alone.Equals(features));
            using var forward = classifier.call(images);
            Assert.True(forward.Equals(logits));
            // In eval mode dropout is off: the logits are the last layer of the features.
            var fc2 = classifier.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            using var byHand = nn.functional.linear(features, fc2["fc2.weight"], fc2["fc2.bias"]);
            Assert.True(byHand.allclose(logits, rtol: 1e-5, atol: 1e-6));
        }
    }

    [Fact]
    public void OtherShapesAndTooFewClassesAreRefused()
    {
        using var classifier = new MnistClassifier();
        using var colour = zeros(2, 3, 28, 28);
        Assert.Contains("(B, 1, 28, 28); got [2, 3, 28, 28]", Assert.Throws<ArgumentException>(() => classifier.call(colour)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MnistClassifier(classCount: 1));
    }
}
