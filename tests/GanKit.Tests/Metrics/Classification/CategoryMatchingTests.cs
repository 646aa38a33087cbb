using GanKit.Metrics.Classification;

namespace GanKit.Tests.Metrics.Classification;

public class CategoryMatchingTests
{
    private static readonly string[] Three = ["a", "b", "c"];

    [Fact]
    public void TheBestOneToOneAssignmentWinsWhereTheGreedyOneWouldNot()
    {
        // Greedy (largest count first) takes 0→a (9), then 1→b (1) and 2→c (0): 10 agreements. Best: 0→b, 1→a, 2→c = 8 + 7 + 5 = 20.
        long[,] counts = { { 9, 8, 0 }, { 7, 1, 0 }, { 0, 0, 5 } };
        var match = CategoryMatch.FromCounts(counts, Three);
        Assert.Equal([1, 0, 2], match.ClassOfCategory);
        Assert.Equal(20.0 / 30, match.Accuracy, 12);
        Assert.Contains("0→b, 1→a, 2→c", match.ToString());
        using var categories = match.CategoriesOf(tensor(new long[] { 0, 1, 2, 1 }));
        Assert.Equal(new long[] { 1, 0, 2, 0 }, categories.data<long>().ToArray());
    }

    [Fact]
    public void TenCategoriesInAShuffledOrderAreFoundExactly()
    {
        var permutation = new[] { 3, 7, 0, 9, 1, 8, 2, 5, 4, 6 };
        var counts = new long[10, 10];
        for (var k = 0; k < 10; k++)
            for (var c = 0; c < 10; c++)
                counts[k, c] = c == permutation[k] ? 90 : 1;
        var match = CategoryMatch.FromCounts(counts, Enumerable.Range(0, 10).Select(i => i.ToString()).ToArray());
        Assert.Equal(permutation, match.ClassOfCategory);
        Assert.Equal(900.0 / 990, match.Accuracy, 12);
    }

    [Fact]
    public void MatchingNeedsAsManyCategoriesAsClasses()
    {
        var e = Assert.Throws<ArgumentException>(() => CategoryMatch.FromCounts(new long[2, 3], Three));
        Assert.Contains("as many categories as classes", e.Message);
    }
}
