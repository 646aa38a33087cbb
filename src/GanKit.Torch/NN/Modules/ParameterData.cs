using TorchSharp.Native;
using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>In-place changes to parameter and buffer storage, done under no_grad so autograd does not record them.</summary>
internal static class ParameterData
{
    public static bool IsFloatingPoint(ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64;

    /// <summary>
    /// Gives <paramref name="tensor"/> converted storage (aten::set_data, PyTorch's <c>param.data = ...</c>),
    /// so every reference to the object, an optimiser's included, sees the move. Only floating
    /// point tensors change dtype; the gradient follows.
    /// </summary>
    public static void MoveInPlace(Tensor tensor, ScalarType? dtype, Device? device, bool non_blocking)
    {
        var type = dtype is ScalarType d && IsFloatingPoint(tensor.dtype) ? d : tensor.dtype;
        var target = device ?? tensor.device;
        using var guard = no_grad();
        if (!IsAt(tensor, type, target)) {
            using var moved = tensor.to(type, target, non_blocking: non_blocking);
            SetData(tensor, moved);
        }
        using var grad = tensor.grad;
        if (grad is null || IsAt(grad, type, target)) return;
        using var movedGrad = grad.to(type, target, non_blocking: non_blocking);
        tensor.grad = movedGrad;
    }

    private static bool IsAt(Tensor tensor, ScalarType type, Device device) =>
        tensor.dtype == type && tensor.device_type == device.type && (device.index < 0 || tensor.device_index == device.index);

    private static void SetData(Tensor tensor, Tensor data)
    {
        var a = new OpArgs();
        a.Tensor(tensor);
        a.Tensor(data);
        a.CallInPlace(Ops.set_data);
    }

    public static void CopyInto(Tensor destination, Tensor source)
    {
        using var guard = no_grad();
        var a = new OpArgs();
        a.Tensor(destination);
        a.Tensor(source);
        a.CallInPlace(Ops.copy_);
    }

    public static void Zero(Tensor tensor)
    {
        using var guard = no_grad();
        tensor.UnaryInPlace(Ops.zero_);
    }
}

file static class Ops
{
    public static readonly Op set_data = new("aten::set_data");
    public static readonly Op copy_ = new("aten::copy_");
    public static readonly Op zero_ = new("aten::zero_");
}
