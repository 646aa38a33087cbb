using GanKit.Reporting;
using GanKit.Reproducibility;

namespace GanKit.Tests.Reporting;

public class EnvironmentReportTests
{
    [Fact]
    public void TheLineNamesVersionsDeviceThreadsAndSeed()
    {
        var line = EnvironmentReport.Line(seed: 123);
        Assert.StartsWith("GanKit 0.1.0 | ", line);
        Assert.Contains($"libtorch {__version__}", line);
        Assert.Contains($"{get_num_threads()} threads", line);
        Assert.EndsWith("seed 123", line);
        Assert.Contains(cuda.is_available() ? "| cuda |" : "| cpu |", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void SeedReproducesTorchAndSystemRandomNumbers()
    {
        Seeding.Seed(9);
        var torchFirst = randn(5).data<float>().ToArray();
        var systemFirst = Seeding.Random.Next();
        Seeding.Seed(9);
        Assert.Equal(torchFirst, randn(5).data<float>().ToArray());
        Assert.Equal(systemFirst, Seeding.Random.Next());
        Assert.Equal(9, Seeding.Current);
        Assert.EndsWith("seed 9", EnvironmentReport.Line());
        Assert.Contains("thread count", Seeding.Guarantee);
    }
}
