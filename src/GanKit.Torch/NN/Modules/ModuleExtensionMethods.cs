using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>Typed device and dtype moves of modules (<c>model.to(CPU).@double()</c> keeps the module's type).</summary>
public static class ModuleExtensionMethods
{
    public static T to<T>(this T module, ScalarType type, bool non_blocking = false) where T : nn.Module => (T)module._to(type, non_blocking);

    public static T to<T>(this T module, Device device, ScalarType type, bool non_blocking = false) where T : nn.Module => (T)module._to(device, type, non_blocking);

    public static T to<T>(this T module, DeviceType deviceType, int deviceIndex = -1, bool non_blocking = false) where T : nn.Module => (T)module._to(deviceType, deviceIndex, non_blocking);

    public static T to<T>(this T module, Device device, bool non_blocking = false) where T : nn.Module => (T)module._to(device.type, device.index, non_blocking);

    public static T to<T>(this T module, string device, bool non_blocking = false) where T : nn.Module => module.to(new Device(device), non_blocking);

    public static T to<T>(this T module, Tensor other, bool non_blocking = false) where T : nn.Module => (T)module._to(other, non_blocking);

    public static T cpu<T>(this T module, bool non_blocking = false) where T : nn.Module => (T)module._to(DeviceType.CPU, -1, non_blocking);

    public static T cuda<T>(this T module, int deviceIndex = -1, bool non_blocking = false) where T : nn.Module => (T)module._to(DeviceType.CUDA, deviceIndex, non_blocking);

    public static T half<T>(this T module, bool non_blocking = false) where T : nn.Module => module.to(ScalarType.Float16, non_blocking);

    public static T bfloat16<T>(this T module, bool non_blocking = false) where T : nn.Module => module.to(ScalarType.BFloat16, non_blocking);

    public static T @float<T>(this T module, bool non_blocking = false) where T : nn.Module => module.to(ScalarType.Float32, non_blocking);

    public static T @double<T>(this T module, bool non_blocking = false) where T : nn.Module => module.to(ScalarType.Float64, non_blocking);
}
