using System.Globalization;
using GanKit.Metrics.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics.Classification;

/// <summary>
/// Which digit did each of InfoGAN's categories become? The categorical code is learnt without labels, so its values
/// come in no particular order. The real-data classifier labels <c>perCategory</c> images of each category, and the
/// one-to-one assignment of categories to classes that agrees with it most often is kept (an exact search over all
/// assignments); the share of images whose predicted class is their category's class is the accuracy "after matching"
/// that the InfoGAN paper reports as about 5 % error. With the assignment, the categories act as class labels, so the
/// generator can be scored by GAN-test and GAN-train. Used in notebook 06.
/// </summary>
public static class CategoryMatching
{
    /// <param name="generator">int64 categories (B) on the CPU → images float (B, 1, 28, 28) in [0, 1].</param>
    public static CategoryMatch Evaluate(MnistFeatures classifier, Func<Tensor, Tensor> generator, long perCategory = 1000, int batchSize = 500)
    {
        var classCount = classifier.ClassNames.Count;
        using var samples = ConditionalSamples.Draw(generator, classCount, perCategory, batchSize);
        using var prediction = classifier.Predict(samples.Images, batchSize);
        var predicted = prediction.Labels.data<long>().ToArray();
        var categories = samples.Labels.data<long>().ToArray();
        var counts = new long[classCount, classCount];
        for (var i = 0; i < predicted.Length; i++) counts[categories[i], predicted[i]]++;
        return CategoryMatch.FromCounts(counts, classifier.ClassNames);
    }
}

/// <summary>
/// The assignment of categories to classes (<see cref="CategoryMatching"/>): <see cref="ClassOfCategory"/>[k] is the
/// class of category k; <see cref="Counts"/>[k, c] how many of category k's images the classifier put in class c.
/// </summary>
public sealed class CategoryMatch
{
    private CategoryMatch(IReadOnlyList<int> classOfCategory, long[,] counts, IReadOnlyList<string> classNames)
    {
        ClassOfCategory = classOfCategory;
        Counts = counts;
        ClassNames = classNames;
        long matched = 0, total = 0;
        for (var k = 0; k < classOfCategory.Count; k++)
        {
            matched += counts[k, classOfCategory[k]];
            for (var c = 0; c < classNames.Count; c++) total += counts[k, c];
        }
        Accuracy = total == 0 ? 0 : matched / (double)total;
    }

    public IReadOnlyList<int> ClassOfCategory { get; }

    public long[,] Counts { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The share of images the classifier puts in their category's class (1 − the paper's error).</summary>
    public double Accuracy { get; }

    /// <summary>
    /// The assignment with the most agreements, found exactly: categories are assigned in order, and for each set of
    /// classes already taken only the best total is kept (2^classes sets: 1,024 for ten digits).
    /// </summary>
    /// <param name="counts">[category, class] agreements; as many categories as classes.</param>
    public static CategoryMatch FromCounts(long[,] counts, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var n = counts.GetLength(0);
        if (n != counts.GetLength(1) || n != classNames.Count)
            throw new ArgumentException($"matching needs as many categories as classes: counts are {counts.GetLength(0)} × {counts.GetLength(1)} for {classNames.Count} classes", nameof(counts));
        if (n > 20) throw new ArgumentException($"{n} classes are too many for the exact search (at most 20)", nameof(counts));
        var best = new long[1 << n];
        var choice = new int[1 << n];
        Array.Fill(best, -1);
        best[0] = 0;
        for (var taken = 0; taken < 1 << n; taken++)
        {
            if (best[taken] < 0) continue;
            var category = System.Numerics.BitOperations.PopCount((uint)taken);
            if (category == n) continue;
            for (var c = 0; c < n; c++)
            {
                if ((taken & (1 << c)) != 0) continue;
                var next = taken | (1 << c);
                var total = best[taken] + counts[category, c];
                if (total > best[next]) { best[next] = total; choice[next] = c; }
            }
        }
        var classOf = new int[n];
        for (int taken = (1 << n) - 1, category = n - 1; category >= 0; category--)
        {
            classOf[category] = choice[taken];
            taken &= ~(1 << choice[taken]);
        }
        return new CategoryMatch(classOf, counts, classNames);
    }

    /// <summary>The category that stands for each class in <paramref name="labels"/> (int64 (B)): the inverse assignment.</summary>
    public Tensor CategoriesOf(Tensor labels)
    {
        var categoryOf = new long[ClassOfCategory.Count];
        for (var k = 0; k < ClassOfCategory.Count; k++) categoryOf[ClassOfCategory[k]] = k;
        using var lookup = tensor(categoryOf);
        return lookup.index_select(0, labels.to(ScalarType.Int64, CPU));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"category → digit: {string.Join(", ", ClassOfCategory.Select((c, k) => $"{k}→{ClassNames[c]}"))}; accuracy after matching {Accuracy:P1} (error {1 - Accuracy:P1})");
}
