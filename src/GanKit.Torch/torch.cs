using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

/// <summary>The root of the TorchSharp-shaped API: <c>using static TorchSharp.torch;</c>.</summary>
public static partial class torch
{
    static torch() => NativeLibraryLoader.EnsureLoaded();

    /// <summary>The libtorch version the native shim was built against (for example "1.13.1").</summary>
    public static unsafe string __version__ => NativeMethods.Utf8(NativeMethods.gk_torch_version());

    public static int get_num_threads() => NativeMethods.gk_get_num_threads();

    public static void set_num_threads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), num, "the thread count must be at least 1");
        NativeMethods.gk_set_num_threads(num);
    }

    public static bool cuda_is_available() => cuda.is_available();

    public static bool TryInitializeDeviceType(DeviceType deviceType) =>
        deviceType == DeviceType.CPU || deviceType == DeviceType.CUDA && cuda.is_available();

    public static void InitializeDeviceType(DeviceType deviceType)
    {
        if (!TryInitializeDeviceType(deviceType))
            throw new InvalidOperationException($"{deviceType} is not available: libtorch {__version__} was built without it or no such device is present.");
    }

    public static class cuda
    {
        public static bool is_available() => NativeMethods.gk_cuda_is_available() != 0;

        public static int device_count() => NativeMethods.gk_cuda_device_count();

        public static void manual_seed(long seed) => NativeMethods.Check(NativeMethods.gk_cuda_manual_seed_all(seed));

        public static void manual_seed_all(long seed) => NativeMethods.Check(NativeMethods.gk_cuda_manual_seed_all(seed));

        public static void synchronize(Device? device = null) => NativeMethods.Check(NativeMethods.gk_cuda_synchronize(device?.index ?? -1));
    }
}

/// <summary>Loads the native shim from beside this assembly (also when it was loaded by path, as notebooks do).</summary>
internal static class NativeLibraryLoader
{
    private static bool _loaded;

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    internal static unsafe void EnsureLoaded()
    {
        if (_loaded) return;
        _loaded = true;
        // OpenBLAS reads this when it loads with libtorch: libtorch's OpenMP threads are the only pool we want.
        SetEnv("OPENBLAS_NUM_THREADS", "1", 0);
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, Resolve);
        _ = NativeMethods.gk_blas_info();
        // Intra-op threads default to the core count, unless the user chose with OMP_NUM_THREADS.
        if (Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is null)
            NativeMethods.gk_set_num_threads(Environment.ProcessorCount);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library) return IntPtr.Zero;
        var folder = Path.GetDirectoryName(assembly.Location);
        var candidate = folder is null ? null : Path.Combine(folder, "lib" + name + ".so");
        if (candidate is not null && File.Exists(candidate)) return NativeLibrary.Load(candidate);
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle)) return handle;
        throw new DllNotFoundException(
            $"lib{name}.so was not found beside {assembly.Location}. Build the solution (dotnet build), which compiles it with CMake; " +
            "if that fails for want of libtorch, run 'bash scripts/setup.sh'.");
    }
}
