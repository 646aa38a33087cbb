using System.Globalization;
using GanKit.Display.Tables;

namespace GanKit.Metrics.Classification;

/// <summary>
/// GAN-test (<see cref="GanTest"/>): <paramref name="Accuracy"/>, the share of <paramref name="Count"/> generated images
/// that the real-data classifier assigns to the class they were generated for, beside that classifier's accuracy on
/// real test images (<paramref name="RealTestAccuracy"/>), and the accuracy per intended class (NaN for a class with
/// no image).
/// </summary>
public sealed record GanTestResult(double Accuracy, double RealTestAccuracy, IReadOnlyList<double> PerClassAccuracy, long Count, IReadOnlyList<string> ClassNames)
{
    /// <summary>One row per class (class, GAN-test accuracy), the overall numbers in the title.</summary>
    public Table ToTable()
    {
        var table = new Table("class", "GAN-test accuracy") { Title = ToString() };
        for (var c = 0; c < ClassNames.Count; c++) table.AddRow(ClassNames[c], PerClassAccuracy[c]);
        return table;
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "GAN-test accuracy {0:P2} on {1:N0} generated images (the classifier's accuracy on real test images: {2:P2})", Accuracy, Count, RealTestAccuracy);
}
