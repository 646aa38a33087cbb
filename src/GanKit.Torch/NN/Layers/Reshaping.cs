using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharp.Modules
{
    public sealed class Flatten(long start_dim = 1, long end_dim = -1) : ParameterLessModule<Tensor, Tensor>(nameof(Flatten))
    {
        public override Tensor forward(Tensor input) => F.flatten(input, start_dim, end_dim);

        public long start_dim { get; set; } = start_dim;
        public long end_dim { get; set; } = end_dim;
    }

    public sealed class Unflatten(long dim, long[] unflattened_size) : ParameterLessModule<Tensor, Tensor>(nameof(Unflatten))
    {
        public override Tensor forward(Tensor tensor) => F.unflatten(tensor, dim, unflattened_size);

        public long dim { get; set; } = dim;
        public long[] unflattened_size { get; set; } = unflattened_size;
    }

    public sealed class Upsample(long[]? size, double[]? scale_factor, UpsampleMode mode, bool? align_corners, bool? recompute_scale_factor) : ParameterLessModule<Tensor, Tensor>(nameof(Upsample))
    {
        private readonly long[]? _size = size;
        private readonly double[]? _scale_factor = scale_factor;

        public override Tensor forward(Tensor input) =>
            F.interpolate(input, _size, _scale_factor, (InterpolationMode)mode, align_corners, recompute_scale_factor ?? false);

        public bool? recompute_scale_factor { get; set; } = recompute_scale_factor;
        public UpsampleMode mode { get; private set; } = mode;
        public bool? align_corners { get; private set; } = align_corners;
        public ReadOnlySpan<long> size => _size;
        public ReadOnlySpan<double> scale_factor => _scale_factor;
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);

            public static Unflatten Unflatten(long dim, long[] unflattened_size) => new(dim, unflattened_size);

            public static Upsample Upsample(long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest, bool? align_corners = null, bool? recompute_scale_factor = null) =>
                new(size, scale_factor, mode, align_corners, recompute_scale_factor);
        }
    }
}
