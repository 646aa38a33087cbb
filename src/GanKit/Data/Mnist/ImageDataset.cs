using System.Globalization;

namespace GanKit.Data;

/// <summary>A labelled image dataset with its stated train/test split (see <see cref="MnistDatasets"/>).</summary>
public sealed class ImageDataset : IDisposable
{
    public ImageDataset(string name, IReadOnlyList<string> classNames, LabelledImages train, LabelledImages test, string source)
    {
        Name = name;
        ClassNames = classNames;
        Train = train;
        Test = test;
        Source = source;
    }

    /// <summary>The name <see cref="MnistDatasets.Load"/> knows it by.</summary>
    public string Name { get; }

    /// <summary>The name of each label, label 0 first.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    public LabelledImages Train { get; }

    public LabelledImages Test { get; }

    /// <summary>Where the images were read from, in words.</summary>
    public string Source { get; }

    public override string ToString()
    {
        var shape = string.Join("×", Train.Images.shape.Skip(1));
        return string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} training and {2:N0} test images of {3}, {4} classes ({5})",
            Name, Train.Count, Test.Count, shape, ClassNames.Count, Source);
    }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
