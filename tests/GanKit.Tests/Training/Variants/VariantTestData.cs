using GanKit.Data;

namespace GanKit.Tests.Training.Variants;

/// <summary>Fake MNIST for the variants' dry runs (pytorch/examples' dcgan --dry-run idea): random images and labels.</summary>
internal static class VariantTestData
{
    public static LabelledImages Digits(int count, int seed = 11)
    {
        manual_seed(seed);
        return new LabelledImages(rand(count, 1, 28, 28), arange(count, dtype: ScalarType.Int64).remainder(10));
    }
}
