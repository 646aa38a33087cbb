using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace GanKit.Torch.Tests.Native;

/// <summary>
/// The binding finds each ATen operator by schema on first use, so an operator a libtorch version lacks (libtorch 2.x
/// dropped aten::is_contiguous) would only fail when some code path first calls it. This resolves every operator the
/// binding declares, in whatever libtorch the tests run on (1.13 on Debian 12, 2.6 in CI's Debian 13 root).
/// Binding internals: compiled only for our binding (see the project file).
/// </summary>
public sealed class OperatorTableTests
{
    [Fact]
    public void EveryOperatorTheBindingCallsIsInThisLibtorch()
    {
        var operators = typeof(torch).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(Op))
            .Select(f => (Op)f.GetValue(null)!)
            .ToList();
        Assert.True(operators.Count > 100, $"found only {operators.Count} operators");
        var missing = operators.Where(op => { try { return op.Handle == IntPtr.Zero; } catch (ExternalException) { return true; } })
            .Select(op => op.ToString()).Distinct().ToList();
        Assert.True(missing.Count == 0, $"not in libtorch {torch.__version__}: {string.Join(", ", missing)}");
    }
}
