using System.Runtime.InteropServices;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// Minor page faults of the whole process so far (getrusage's ru_minflt), read as the twins read theirs: a
/// step that hands memory back to the kernel and takes it again pays a fault per page it touches anew.
/// </summary>
internal static partial class PageFaults
{
    // struct rusage on 64-bit Linux: two timevals (ru_utime, ru_stime), then 14 longs; ru_minflt is the fifth.
    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResident, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults;
        public long Swaps, BlockInputs, BlockOutputs, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    private const int RUSAGE_SELF = 0;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out Usage usage);

    public static long Minor()
    {
        if (GetResourceUsage(RUSAGE_SELF, out var usage) != 0) throw new InvalidOperationException("getrusage(RUSAGE_SELF) failed");
        return usage.MinorFaults;
    }
}
