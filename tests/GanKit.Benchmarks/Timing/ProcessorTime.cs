using System.Runtime.InteropServices;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// Processor time of the whole process (all threads: libtorch's, and ours such as the GC's), read
/// the same way the C++ twin reads it. Unlike wall time it does not grow when other programs share
/// the cores, so it tells binding overhead apart from a busy machine.
/// </summary>
internal static partial class ProcessorTime
{
    private const int CLOCK_PROCESS_CPUTIME_ID = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    public static double ProcessSeconds()
    {
        if (ClockGetTime(CLOCK_PROCESS_CPUTIME_ID, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
        return t.Seconds + 1e-9 * t.Nanoseconds;
    }
}
