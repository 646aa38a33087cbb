using TorchSharp;
using TorchSharp.Native;

namespace GanKit.Torch;

/// <summary>
/// What only this binding can say about itself. Outside the TorchSharp namespace on purpose: that namespace holds
/// TorchSharp's API and nothing more, so code written against it builds on the official package too.
/// </summary>
public static class BindingInfo
{
    /// <summary>"GanKit.Torch" and its version, for environment reports.</summary>
    public static string Name => "GanKit.Torch " + typeof(torch).Assembly.GetName().Version?.ToString(3);

    /// <summary>The BLAS library libtorch runs on, as OpenBLAS reports it; empty when not OpenBLAS.</summary>
    public static unsafe string BlasLibrary
    {
        get {
            _ = torch.__version__; // loads and initialises the native library
            return NativeMethods.Utf8(NativeMethods.gk_blas_info());
        }
    }
}
