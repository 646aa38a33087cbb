using System.Runtime.InteropServices;
using TorchSharp.Modules;
using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public static partial class jit
    {
        /// <summary>
        /// A TorchScript module loaded from a file saved by PyTorch (<c>torch.jit.save</c>), such as
        /// FID's Inception network. Its parameters live in the script; they are listed, moved and
        /// switched between train and eval through libtorch.
        /// </summary>
        public class ScriptModule : nn.Module
        {
            private IntPtr _handle;

            internal ScriptModule(IntPtr handle) : base(nameof(ScriptModule)) => _handle = handle;

            private IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(ScriptModule));

            /// <summary>Runs the script's forward method. One tensor result comes back as a Tensor, several as Tensor[].</summary>
            public unsafe object forward(params object[] input)
            {
                var args = new NativeValue[input.Length];
                for (int k = 0; k < input.Length; k++) args[k] = ToValue(input[k], k);
                const int capacity = 64;
                var outs = stackalloc NativeValue[capacity];
                int status, n;
                fixed (NativeValue* pa = args) status = NativeMethods.gk_jit_forward(Handle, pa, args.Length, outs, capacity, out n);
                GC.KeepAlive(input);
                if (status != 0) NativeMethods.ThrowLastError();
                var results = new object[n];
                for (int k = 0; k < n; k++) results[k] = FromValue(outs[k]);
                if (n == 1) return results[0];
                return results.All(r => r is Tensor) ? results.Cast<Tensor>().ToArray() : results;
            }

            public object call(params object[] input) => forward(input);

            private static NativeValue ToValue(object input, int position) => input switch {
                Tensor t => new NativeValue { Tag = ValueTag.Tensor, P = t.Handle },
                bool b => new NativeValue { Tag = ValueTag.Bool, I = b ? 1 : 0 },
                int i => new NativeValue { Tag = ValueTag.Int, I = i },
                long l => new NativeValue { Tag = ValueTag.Int, I = l },
                float f => new NativeValue { Tag = ValueTag.Double, D = f },
                double d => new NativeValue { Tag = ValueTag.Double, D = d },
                _ => throw new ArgumentException($"Argument {position} of a script module's forward is a {input?.GetType().Name ?? "null"}; tensors, booleans and numbers are supported."),
            };

            private static object FromValue(NativeValue v) => v.Tag switch {
                ValueTag.Tensor => new Tensor(v.P),
                ValueTag.Int => v.I,
                ValueTag.Double => v.D,
                ValueTag.Bool => v.I != 0,
                _ => null!,
            };

            /// <summary>The script's parameters, recursively, as fresh tensors sharing its storage.</summary>
            public override unsafe IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                const int capacity = 4096;
                var names = new byte[1 << 20];
                var handles = new IntPtr[capacity];
                int n;
                fixed (byte* pn = names)
                fixed (IntPtr* ph = handles) {
                    NativeMethods.Check(NativeMethods.gk_jit_named_parameters(Handle, pn, names.Length, ph, capacity, out n));
                }
                if (n > capacity) throw new NotSupportedException($"a script module with {n} parameters; at most {capacity} are listed");
                var text = Marshal.PtrToStringUTF8(Marshal.UnsafeAddrOfPinnedArrayElement(names, 0)) ?? "";
                var list = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var result = new List<(string, Parameter)>(n);
                for (int k = 0; k < n; k++) {
                    var t = new Tensor(handles[k]);
                    result.Add((list[k], new Parameter(t, t.requires_grad)));
                }
                return result;
            }

            public override void train(bool on = true)
            {
                NativeMethods.Check(NativeMethods.gk_jit_train(Handle, on ? 1 : 0));
                base.train(on);
            }

            protected internal override nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking)
            {
                CheckedDevice(new Device(deviceType, deviceIndex));
                NativeMethods.Check(NativeMethods.gk_jit_to(Handle, (int)deviceType, deviceIndex));
                return this;
            }

            protected internal override nn.Module _to(Device device, ScalarType dtype, bool non_blocking) =>
                throw new NotSupportedException("a script module moves between devices only; its dtype is the one it was saved with");

            protected internal override nn.Module _to(ScalarType dtype, bool non_blocking) =>
                throw new NotSupportedException("a script module moves between devices only; its dtype is the one it was saved with");

            protected override void Dispose(bool disposing)
            {
                if (_handle != IntPtr.Zero) {
                    NativeMethods.gk_jit_free(_handle);
                    _handle = IntPtr.Zero;
                }
            }
        }

        /// <summary>A script module called with tensors, returning <typeparamref name="TResult"/>.</summary>
        public class ScriptModule<TResult> : ScriptModule
        {
            internal ScriptModule(IntPtr handle) : base(handle) { }

            public TResult call(params Tensor[] input) => forward(input);

            public TResult forward(params Tensor[] tensor) => (TResult)base.forward(tensor.Cast<object>().ToArray());
        }

        /// <summary>A script module with one input.</summary>
        public class ScriptModule<T, TResult> : ScriptModule
        {
            internal ScriptModule(IntPtr handle) : base(handle) { }

            public TResult call(T input) => forward(input);

            public TResult forward(T tensor) => (TResult)base.forward(tensor!);
        }

        public static ScriptModule load(string filename, DeviceType device_type = DeviceType.CPU, long device_index = -1) =>
            new(Load(filename, device_type, device_index));

        public static ScriptModule load(string filename, Device map_location) => load(filename, map_location.type, map_location.index);

        public static ScriptModule load(string filename, string map_location) => load(filename, new Device(map_location));

        public static ScriptModule<TResult> load<TResult>(string filename, DeviceType device_type = DeviceType.CPU, long device_index = -1) =>
            new(Load(filename, device_type, device_index));

        public static ScriptModule<TResult> load<TResult>(string filename, Device map_location) => load<TResult>(filename, map_location.type, map_location.index);

        public static ScriptModule<T, TResult> load<T, TResult>(string filename, DeviceType device_type = DeviceType.CPU, long device_index = -1) =>
            new(Load(filename, device_type, device_index));

        public static ScriptModule<T, TResult> load<T, TResult>(string filename, Device map_location) => load<T, TResult>(filename, map_location.type, map_location.index);

        private static IntPtr Load(string filename, DeviceType deviceType, long deviceIndex)
        {
            if (!File.Exists(filename))
                throw new FileNotFoundException($"No TorchScript file at '{Path.GetFullPath(filename)}'.", filename);
            CheckedDevice(new Device(deviceType, (int)deviceIndex));
            NativeMethods.Check(NativeMethods.gk_jit_load(filename, (int)deviceType, (int)deviceIndex, out var handle));
            return handle;
        }
    }
}
