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
        Assert.Contains(get_num_threads() == 1 ? "| 1 thread |" : $"| {get_num_threads()} threads |", line);
        Assert.EndsWith("seed 123", line);
        Assert.Contains(cuda.is_available() ? "| cuda |" : "| cpu |", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void TheLineSaysWhichBackendTheBuildChoseAndWhy()
    {
        Assert.Contains($" | {EnvironmentReport.Backend} ({EnvironmentReport.BackendReason}) | ", EnvironmentReport.Line(seed: 1));
#if TORCHSHARP_PACKAGE
        Assert.StartsWith("TorchSharp 0.107.0", EnvironmentReport.Backend);
#else
        Assert.StartsWith("GanKit.Torch 0.1.0", EnvironmentReport.Backend);
#endif
        // Built as this run was (scripts/test.sh builds and tests in one environment): asked for, as CI's Debian 13 run
        // asks, or the default for this machine, which on x86-64 Linux turns on the libstdc++ version.
        if (Environment.GetEnvironmentVariable("TorchBackend") is { Length: > 0 } asked)
            Assert.Equal($"chosen: TorchBackend={asked}", EnvironmentReport.BackendReason);
        else if (OperatingSystem.IsLinux() && Directory.Exists("/usr/lib/x86_64-linux-gnu"))
        {
            var newest = Directory.GetFiles("/usr/lib/x86_64-linux-gnu", "libstdc++.so.6.0.*")
                .Select(f => int.TryParse(f[(f.LastIndexOf('.') + 1)..], out var minor) ? minor : 0).DefaultIfEmpty(0).Max();
            Assert.Equal(newest >= 32 ? "default: libstdc++ from GCC 13 or newer" : "default: libstdc++ older than GCC 13's",
                EnvironmentReport.BackendReason);
        }
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
