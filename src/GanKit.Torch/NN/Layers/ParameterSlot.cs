using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>The shared setter logic of layers' weight/bias properties: the old value is freed, the new one leaves any dispose scope (the module owns it) and is registered under its component name.</summary>
internal static class ParameterSlot
{
    public static void Replace(ref Parameter? field, Parameter? value, string name, Action<string, Parameter?> register)
    {
        if (ReferenceEquals(field, value)) return;
        field?.Dispose();
        field = value?.DetachFromDisposeScope() as Parameter;
        register(name, field);
    }

    public static void Replace(ref Tensor? field, Tensor? value, string name, Action<string, Tensor?, bool> register)
    {
        if (ReferenceEquals(field, value)) return;
        field?.Dispose();
        field = value?.DetachFromDisposeScope();
        register(name, field, true);
    }

    /// <summary>PyTorch's default for weights of linear and convolution layers: kaiming_uniform_(a=√5), then the bias U(±1/√fan_in), drawn in that order.</summary>
    public static void ResetLinearLike(Parameter weight, Parameter? bias)
    {
        nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
        if (bias is null) return;
        var (fanIn, _) = nn.init.CalculateFanInAndFanOut(weight);
        if (fanIn == 0) return;
        var bound = 1 / Math.Sqrt(fanIn);
        nn.init.uniform_(bias, -bound, bound);
    }
}
