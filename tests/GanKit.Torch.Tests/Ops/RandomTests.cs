using System.Text.Json;

namespace GanKit.Torch.Tests.Ops;

/// <summary>Seeded sampling gives PyTorch's numbers (Golden/ops_random.json, made by ops_random.py).</summary>
public class RandomTests
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "ops_random.json"))).RootElement;

    private static void Matches(string name, Func<Tensor> sample)
    {
        using var scope = NewDisposeScope();
        var g = Golden.GetProperty(name);
        manual_seed(g.GetProperty("seed").GetInt64());
        var t = sample();
        Assert.Equal(g.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(), t.shape);
        var expected = g.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // float32 values widen to float64 exactly, so equality is exact.
        Expect.Exactly(expected, t);
    }

    [Fact] public void Randn() => Matches("randn_2x3", () => randn(2, 3));
    [Fact] public void RandnVectorisedPath() => Matches("randn_17", () => randn(17));
    [Fact] public void RandnFloat64() => Matches("randn_float64_5", () => randn(5, ScalarType.Float64));
    [Fact] public void Rand() => Matches("rand_5", () => rand(5));
    [Fact] public void Randint() => Matches("randint_8", () => randint(0, 10, new long[] { 8 }));
    [Fact] public void RandintWithLow() => Matches("randint_low_3x4", () => randint(-5, 5, new long[] { 3, 4 }));
    [Fact] public void Randperm() => Matches("randperm_10", () => randperm(10));
    [Fact] public void Normal() => Matches("normal_6", () => normal(2.0, 0.5, [6]));
    [Fact] public void NormalInPlace() => Matches("normal__20", () => empty(20).normal_(1.0, 2.0));
    [Fact] public void UniformInPlace() => Matches("uniform__7", () => empty(7).uniform_(-1.0, 1.0));
    [Fact] public void BernoulliInPlace() => Matches("bernoulli__10", () => empty(10).bernoulli_(0.3));
    [Fact] public void RandnLike() => Matches("randn_like_2x2", () => randn_like(zeros(2, 2)));

    [Fact]
    public void SameSeedSameNumbers()
    {
        using var scope = NewDisposeScope();
        manual_seed(123);
        var a = randn(4);
        var p = randperm(6);
        manual_seed(123);
        Assert.True(a.Equals(randn(4)));
        Assert.True(p.Equals(randperm(6)));
        Assert.False(a.Equals(randn(4)));
    }

    [Fact]
    public void IntegerSamplersDefaultToInt64AndStayInRange()
    {
        using var scope = NewDisposeScope();
        var r = randint(3, 7, new long[] { 1000 });
        Assert.Equal(ScalarType.Int64, r.dtype);
        Assert.Equal(3, r.min().item<long>());
        Assert.Equal(6, r.max().item<long>());
        Assert.Equal(ScalarType.Int32, randint(5, new int[] { 2 }, ScalarType.Int32).dtype);
        var perm = randperm(50).sort().Values;
        Expect.Exactly(Enumerable.Range(0, 50).Select(i => (double)i).ToArray(), perm);
    }
}
