using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GanKit.Benchmarks.Timing;

/// <summary>
/// The conditions every side runs under, applied to this process (our side) and to every child it starts (the C++ and
/// PyTorch twins, the NumPy and torchvision scripts): one BLAS thread, and glibc malloc's thresholds pinned.
/// Why pinned: glibc raises its mmap and trim thresholds as a process frees large blocks, so two processes doing the
/// same work can hand memory back to the kernel at every step or never, by accident of allocation order. Measured on
/// workload 3 (README.md, "The C++ limit and glibc's allocator"): with the same thresholds (3.2 / 6.4 MB, read with gdb)
/// the C++ twin shrank and regrew its heap about 5 times per step, 1,536 page faults, and ours never did.
/// </summary>
internal static partial class Allocator
{
    /// <summary>Above every tensor of the workloads (workload 6's largest activations are 34 MB), so none is mmapped or trimmed.</summary>
    public const long PinnedThresholdBytes = 256L << 20;

    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallocOption(int parameter, int value);

    /// <summary>Pins the thresholds in this process (or leaves glibc's defaults); call before the first workload.</summary>
    public static void ApplyToThisProcess(MallocMode mode)
    {
        if (mode != MallocMode.Pinned) return;
        if (MallocOption(M_MMAP_THRESHOLD, (int)PinnedThresholdBytes) != 1 || MallocOption(M_TRIM_THRESHOLD, (int)PinnedThresholdBytes) != 1)
            throw new InvalidOperationException("mallopt refused the pinned thresholds: run with --malloc default");
    }

    /// <summary>The same conditions for a child process, through the environment glibc and OpenBLAS read at start.</summary>
    public static void ApplyTo(ProcessStartInfo start, MallocMode mode)
    {
        // libtorch's OpenMP threads are the only pool, as in the binding, which keeps OpenBLAS at one thread.
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        if (mode == MallocMode.Pinned)
            start.Environment["GLIBC_TUNABLES"] = $"glibc.malloc.mmap_threshold={PinnedThresholdBytes}:glibc.malloc.trim_threshold={PinnedThresholdBytes}";
    }

    public static string Describe(MallocMode mode) => mode == MallocMode.Pinned
        ? $"glibc malloc thresholds pinned at {PinnedThresholdBytes >> 20} MiB on every side"
        : "glibc malloc defaults (dynamic thresholds) on every side";
}

/// <summary>--malloc: glibc's allocator as the benchmark pins it on every side, or as each process finds it.</summary>
internal enum MallocMode { Pinned, Default }
