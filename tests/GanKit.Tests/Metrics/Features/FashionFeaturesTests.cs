using GanKit.Data;
using GanKit.Metrics.Features;
using GanKit.Tests.Data;

namespace GanKit.Tests.Metrics.Features;

/// <summary>The classifier and its cache work for Fashion-MNIST (Debian's files) as for the digits.</summary>
public sealed class FashionFeaturesTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("gankit-fashion-classifier-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [DebianFashionMnistFact]
    public void AClassifierOfAFewHundredFashionImagesLearnsTheClassesAndIsCachedUnderTheDatasetsName()
    {
        using var fashion = MnistDatasets.Load(MnistDatasets.FashionMnist, _cache);
        using var small = new ImageDataset(fashion.Name, fashion.ClassNames, DigitData.Take(fashion.Train, 40), DigitData.Take(fashion.Test, 20), fashion.Source);
        using var features = MnistFeatures.LoadOrTrain(small, seed: 3, cacheFolder: _cache);
        Assert.EndsWith(Path.Combine("classifiers", "mnist-classifier-fashion-mnist-seed3.bin"), features.CachePath);
        Assert.Equal(MnistDatasets.FashionClassNames, features.ClassNames);
        Assert.InRange(features.TestAccuracy, 0.5, 1.0); // chance: 0.1
        using var images = small.Test.Images.narrow(0, 0, 10);
        using var extracted = features.Extract(images);
        Assert.Equal([10L, 10], extracted.Probabilities!.shape);
    }
}
