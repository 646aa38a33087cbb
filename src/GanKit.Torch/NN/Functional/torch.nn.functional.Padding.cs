using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Pads the last dimensions of <paramref name="input"/>: <paramref name="pad"/> holds (before, after)
            /// pairs starting from the last dimension, e.g. (left, right, top, bottom) for images.
            /// <see cref="PaddingModes.Zeros"/> and <see cref="PaddingModes.Constant"/> fill with <paramref name="value"/>.
            /// </summary>
            public static Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                var constant = mode is PaddingModes.Constant or PaddingModes.Zeros;
                var a = new OpArgs();
                a.Tensor(input);
                a.Ints(pad);
                a.String(mode switch {
                    PaddingModes.Reflect => "reflect",
                    PaddingModes.Replicate => "replicate",
                    PaddingModes.Circular => "circular",
                    _ => "constant",
                });
                // libtorch takes a fill value only in constant mode (and refuses a non-zero one otherwise).
                if (constant || value != 0) a.Double(value); else a.None();
                return a.Call(Ops.pad);
            }

            /// <summary>Pads the last two dimensions by (left, right, top, bottom).</summary>
            public static Tensor pad(Tensor input, (long, long, long, long) pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, [pad.Item1, pad.Item2, pad.Item3, pad.Item4], mode, value);

            /// <summary>Pads every dimension by <paramref name="pad"/> on both sides.</summary>
            public static Tensor pad(Tensor input, long pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, Enumerable.Repeat(pad, (int)input.ndim * 2).ToArray(), mode, value);
        }
    }
}

file static class Ops
{
    public static readonly Op pad = new("aten::pad");
}
