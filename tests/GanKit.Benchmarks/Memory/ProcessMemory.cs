namespace GanKit.Benchmarks.Memory;

/// <summary>Resident memory of this process, as the kernel reports it.</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS from /proc/self/status, in bytes (Linux only, where the benchmark runs).</summary>
    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status")) {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes) * 1024;
        }
        throw new InvalidOperationException("/proc/self/status has no VmRSS line");
    }
}
