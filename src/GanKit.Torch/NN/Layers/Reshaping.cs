using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharp.Modules
{
    public sealed class Flatten : ParameterLessModule<Tensor, Tensor>
    {
        internal Flatten(long start_dim = 1, long end_dim = -1) : base(nameof(Flatten))
        {
            this.start_dim = start_dim;
            this.end_dim = end_dim;
        }

        public override Tensor forward(Tensor input) => F.flatten(input, start_dim, end_dim);

        public long start_dim { get; set; }
        public long end_dim { get; set; }
    }

    public sealed class Unflatten : ParameterLessModule<Tensor, Tensor>
    {
        internal Unflatten(long dim, long[] unflattened_size) : base(nameof(Unflatten))
        {
            this.dim = dim;
            this.unflattened_size = unflattened_size;
        }

        public override Tensor forward(Tensor tensor) => F.unflatten(tensor, dim, unflattened_size);

        public long dim { get; set; }
        public long[] unflattened_size { get; set; }
    }

    public sealed class Upsample : ParameterLessModule<Tensor, Tensor>
    {
        private readonly long[]? _size;
        private readonly double[]? _scale_factor;

        internal Upsample(long[]? size, double[]? scale_factor, UpsampleMode mode, bool? align_corners, bool? recompute_scale_factor) : base(nameof(Upsample))
        {
            _size = size;
            _scale_factor = scale_factor;
            this.mode = mode;
            this.align_corners = align_corners;
            this.recompute_scale_factor = recompute_scale_factor;
        }

        public override Tensor forward(Tensor input) =>
            F.interpolate(input, _size, _scale_factor, (InterpolationMode)mode, align_corners, recompute_scale_factor ?? false);

        public bool? recompute_scale_factor { get; set; }
        public UpsampleMode mode { get; private set; }
        public bool? align_corners { get; private set; }
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
