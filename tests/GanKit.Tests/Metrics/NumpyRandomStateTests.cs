using GanKit.Reproducibility;
using static GanKit.Tests.Metrics.MetricGoldens;

namespace GanKit.Tests.Metrics;

/// <summary>NumPy's RandomState outputs (make_metric_goldens.py, numpy 1.24) reproduced call by call from one generator.</summary>
public sealed class NumpyRandomStateTests
{
    public static TheoryData<long> Seeds => new() { 2020, 0, uint.MaxValue };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryCallMatchesNumpy(long seed)
    {
        var golden = Instance.Section("random_state").Single(e => e.GetProperty("seed").GetInt64() == seed);
        var random = new NumpyRandomState(seed);
        foreach (var call in golden.GetProperty("calls").EnumerateArray()) {
            string name = call.GetProperty("call").GetString()!;
            long n = call.GetProperty("n").GetInt64();
            var result = call.GetProperty("result");
            switch (name) {
                case "permutation":
                    Assert.Equal(Longs(result), random.permutation(n));
                    break;
                case "choice":
                    Assert.Equal(Longs(result), random.choice(n, call.GetProperty("size").GetInt64(), call.GetProperty("replace").GetBoolean()));
                    break;
                case "shuffle_rows":
                    var rows = Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();
                    random.shuffle(rows.AsSpan());
                    Assert.Equal(Longs(result), rows);
                    break;
                case "random_sample":
                    Assert.Equal(Doubles(result), Enumerable.Range(0, (int)n).Select(_ => random.NextDouble()).ToArray());
                    break;
                default:
                    throw new InvalidDataException($"unknown call {name} in goldens.json");
            }
        }
    }

    [Fact]
    public void ChoiceWithoutReplacementIsThePermutationsHead()
    {
        var head = new NumpyRandomState(11).permutation(50)[..8];
        Assert.Equal(head, new NumpyRandomState(11).choice(50, 8));
    }

    [Fact]
    public void RefusesWhatNumpyRefuses()
    {
        Assert.Contains("2**32 - 1", Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(-1)).Message);
        Assert.Contains("2**32 - 1", Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(1L << 32)).Message);
        var random = new NumpyRandomState(1);
        Assert.Contains("cannot take 11 samples from a population of 10", Assert.Throws<ArgumentOutOfRangeException>(() => random.choice(10, 11)).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentOutOfRangeException>(() => random.permutation(-3)).Message);
    }
}
