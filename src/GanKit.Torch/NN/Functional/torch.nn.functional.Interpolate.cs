using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public enum UpsampleMode
    {
        Nearest = 0,
        Linear = 1,
        Bilinear = 2,
        Bicubic = 3,
        Trilinear = 4
    }

    public enum InterpolationMode
    {
        Nearest = 0,
        Linear = 1,
        Bilinear = 2,
        Bicubic = 3,
        Trilinear = 4,
        Area = 5,
        NearestExact = 6
    }

    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Resizes (N, C, W) or (N, C, H, W) input to <paramref name="size"/> or by <paramref name="scale_factor"/>
            /// (one value for each spatial dimension, as libtorch's C++ interpolate that TorchSharp calls demands).
            /// GanKit supports nearest, linear and bilinear modes.
            /// </summary>
            public static Tensor interpolate(Tensor x, long[]? size = null, double[]? scale_factor = null, InterpolationMode mode = InterpolationMode.Nearest, bool? align_corners = null, bool recompute_scale_factor = false, bool antialias = false)
            {
                var spatial = (int)x.dim() - 2;
                if (spatial is < 1 or > 2) throw new ArgumentException($"interpolate expects a 3-D or 4-D input (N, C, [H,] W), got {x.dim()}-D.");
                if ((size is null) == (scale_factor is null)) throw new ArgumentException("interpolate needs exactly one of size and scale_factor.");
                if (antialias) throw new NotSupportedException("interpolate(antialias: true) is not supported by GanKit.Torch.");
                var linear = mode is InterpolationMode.Linear or InterpolationMode.Bilinear;
                if (mode != InterpolationMode.Nearest && !linear)
                    throw new NotSupportedException($"interpolate mode {mode} is not supported by GanKit.Torch; use Nearest, Linear or Bilinear.");
                if (linear && (mode == InterpolationMode.Linear) != (spatial == 1))
                    throw new ArgumentException($"{mode} interpolation needs a {(mode == InterpolationMode.Linear ? 3 : 4)}-D input, got {x.dim()}-D.");
                if (!linear && align_corners is not null)
                    throw new ArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");

                var scales = scale_factor is null ? null : PerDimension(scale_factor, spatial, nameof(scale_factor));
                var outputSize = size is null ? null : PerDimension(size, spatial, nameof(size));
                if (scales is not null && recompute_scale_factor) {
                    var shape = x.shape;
                    outputSize = new long[spatial];
                    for (int d = 0; d < spatial; d++) outputSize[d] = (long)Math.Floor(shape[d + 2] * scales[d]);
                    scales = null;
                }

                var a = new OpArgs();
                a.Tensor(x);
                a.OptionalInts(outputSize);
                if (linear) a.Bool(align_corners ?? false);
                if (scales is null) a.None(); else a.Doubles(scales);
                return a.Call(linear ? (spatial == 1 ? Ops.upsample_linear1d : Ops.upsample_bilinear2d)
                                     : (spatial == 1 ? Ops.upsample_nearest1d : Ops.upsample_nearest2d));
            }

            private static T[] PerDimension<T>(T[] values, int spatial, string name)
            {
                if (values.Length != spatial)
                    throw new ExternalException($"{name} shape must match input shape. Input is {spatial}D, {name} size is [{string.Join(", ", values)}]");
                return values;
            }

            public static Tensor upsample_nearest(Tensor x, long[]? size = null, double[]? scale_factor = null, bool align_corners = false) =>
                upsample(x, size, scale_factor, UpsampleMode.Nearest, align_corners);

            public static Tensor upsample_bilinear(Tensor x, long[]? size = null, double[]? scale_factor = null, bool align_corners = false) =>
                upsample(x, size, scale_factor, UpsampleMode.Bilinear, align_corners);

            public static Tensor upsample(Tensor input, long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest, bool align_corners = false) =>
                interpolate(input, size, scale_factor, (InterpolationMode)mode, mode == UpsampleMode.Nearest ? null : align_corners);
        }
    }
}

file static class Ops
{
    public static readonly Op upsample_nearest1d = new("aten::upsample_nearest1d", "vec");
    public static readonly Op upsample_nearest2d = new("aten::upsample_nearest2d", "vec");
    public static readonly Op upsample_linear1d = new("aten::upsample_linear1d", "vec");
    public static readonly Op upsample_bilinear2d = new("aten::upsample_bilinear2d", "vec");
}
