namespace TorchSharp.Native;

/// <summary>
/// One ATen operator overload, found by schema in the dispatcher on first use and cached for the
/// life of the process (the dispatcher's handles never move).
/// </summary>
internal sealed class Op(string name, string overload = "")
{
    private IntPtr _handle;

    public string Name { get; } = name;
    public string Overload { get; } = overload;

    public IntPtr Handle => _handle != IntPtr.Zero ? _handle : Find();

    /// <summary>The operator's schema as libtorch prints it, for error messages and docs.</summary>
    public unsafe string Schema => NativeMethods.Utf8(NativeMethods.gk_op_schema(Handle));

    private IntPtr Find()
    {
        NativeMethods.Check(NativeMethods.gk_op_find(Name, Overload, out var handle));
        _handle = handle;
        return handle;
    }

    public override string ToString() => Overload.Length == 0 ? Name : $"{Name}.{Overload}";
}
