using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// aten::to.dtype_layout covers dtype and device changes in one call. With
        /// <paramref name="disposeAfter"/> this tensor is disposed once converted (TorchSharp's idiom
        /// for replacing a tensor), unless the result is this very tensor.
        /// </summary>
        private Tensor ToCore(ScalarType? type, Device? device, bool copy, bool disposeAfter, bool non_blocking)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.ScalarType(type);
            a.None(); // layout
            a.Device(device);
            a.None(); // pin_memory
            a.Bool(non_blocking);
            a.Bool(copy);
            var result = a.Call(Ops.to_dtype_layout);
            if (disposeAfter && result.Handle != Handle) Dispose();
            return result;
        }

        public Tensor to_type(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            ToCore(type, null, copy, disposeAfter, non_blocking);

        public Tensor to(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            ToCore(type, null, copy, disposeAfter, non_blocking);

        public Tensor to(ScalarType type, Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            ToCore(type, CheckedDevice(device), copy, disposeAfter, non_blocking);

        public Tensor to(DeviceType deviceType, int deviceIndex = -1, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            ToCore(null, CheckedDevice(new Device(deviceType, deviceIndex)), copy, disposeAfter, non_blocking);

        public Tensor to(Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            ToCore(null, CheckedDevice(device), copy, disposeAfter, non_blocking);

        public Tensor to(string device, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            to(new Device(device), copy, disposeAfter, non_blocking);

        public Tensor to(Tensor other, bool non_blocking = false) => ToCore(other.dtype, other.device, false, false, non_blocking);

        public Tensor cpu() => to(CPU);

        public Tensor cuda(Device? device = null, bool non_blocking = false) =>
            ToCore(null, CheckedDevice(device ?? CUDA), false, false, non_blocking);

        public Tensor @float() => to_type(ScalarType.Float32);
        public Tensor @double() => to_type(ScalarType.Float64);
        public Tensor @long() => to_type(ScalarType.Int64);
        public Tensor @int() => to_type(ScalarType.Int32);
        public Tensor @bool() => to_type(ScalarType.Bool);
        public Tensor @byte() => to_type(ScalarType.Byte);
        public Tensor half() => to_type(ScalarType.Float16);

        public Tensor detach() => Unary(Ops.detach);

        /// <summary>
        /// Another Tensor object on the very same native tensor (no view, no copy), to be disposed independently of this
        /// one; what the functional in-place activations return, as in TorchSharp.
        /// </summary>
        public Tensor alias()
        {
            NativeMethods.Check(NativeMethods.gk_tensor_alias(Handle, out var alias));
            return new Tensor(alias);
        }

        public Tensor detach_()
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.CallInPlace(Ops.detach_);
            return this;
        }

        public Tensor clone()
        {
            var a = new OpArgs();
            a.Tensor(this);
            return a.Call(Ops.clone);
        }

        /// <summary>The value of a one-element tensor as a Scalar of its kind (integer, float or bool).</summary>
        public Scalar ToScalar()
        {
            RequireOneElement();
            return dtype switch {
                ScalarType.Bool => item<bool>(),
                ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 => item<long>(),
                _ => item<double>(),
            };
        }

        /// <summary>
        /// TorchSharp's ToScalar() and the conversions built on it (ToSingle(), (float)t, …) call libtorch's item(), which
        /// refuses a tensor of any other number of elements than one with this error.
        /// </summary>
        internal void RequireOneElement()
        {
            var n = numel();
            if (n != 1) throw new ExternalException($"a Tensor with {n} elements cannot be converted to Scalar");
        }

        public static explicit operator float(Tensor value) => value.ToSingle();
        public static explicit operator double(Tensor value) => value.ToDouble();
        public static explicit operator sbyte(Tensor value) => value.ToSByte();
        public static explicit operator byte(Tensor value) => value.ToByte();
        public static explicit operator short(Tensor value) => value.ToInt16();
        public static explicit operator int(Tensor value) => value.ToInt32();
        public static explicit operator long(Tensor value) => value.ToInt64();
        public static explicit operator bool(Tensor value) => value.ToBoolean();

        public Tensor contiguous() => Unary(Ops.contiguous);

        public bool is_contiguous() => NativeMethods.gk_tensor_is_contiguous(Handle) != 0;

        /// <summary>Calls a one-tensor operator on this tensor.</summary>
        internal Tensor Unary(Op op)
        {
            var a = new OpArgs();
            a.Tensor(this);
            return a.Call(op);
        }

        /// <summary>Calls a one-tensor in-place operator on this tensor and returns it.</summary>
        internal Tensor UnaryInPlace(Op op)
        {
            var a = new OpArgs();
            a.Tensor(this);
            a.CallInPlace(op);
            return this;
        }
    }
}

file static class Ops
{
    public static readonly Op to_dtype_layout = new("aten::to", "dtype_layout");
    public static readonly Op detach = new("aten::detach");
    public static readonly Op detach_ = new("aten::detach_");
    public static readonly Op clone = new("aten::clone");
    public static readonly Op contiguous = new("aten::contiguous");
}
