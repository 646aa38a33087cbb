using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Normalisation state: affine weight (1) and bias (0), and running statistics buffers
    /// running_mean (0), running_var (1) and num_batches_tracked (0, int64), in PyTorch's order.
    /// </summary>
    public abstract class NormBase : nn.Module<Tensor, Tensor>
    {
        public NormBase(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype, string name) : base(name)
        {
            this.num_features = num_features;
            this.eps = eps;
            this.momentum = momentum;
            this.affine = affine;
            this.track_running_stats = track_running_stats;
            if (affine) {
                weight = new Parameter(empty(num_features, dtype, device));
                bias = new Parameter(empty(num_features, dtype, device));
            }
            if (track_running_stats) {
                running_mean = zeros(num_features, dtype, device);
                running_var = ones(num_features, dtype, device);
                num_batches_tracked = zeros([], ScalarType.Int64, device);
            }
            reset_parameters();
        }

        public void reset_running_stats()
        {
            if (!track_running_stats) return;
            nn.init.zeros_(_running_mean!);
            nn.init.ones_(_running_var!);
            nn.init.zeros_(_num_batches_tracked!);
        }

        public void reset_parameters()
        {
            reset_running_stats();
            if (!affine) return;
            nn.init.ones_(_weight!);
            nn.init.zeros_(_bias!);
        }

        protected abstract void ValidateInputDimensions(Tensor input);

        public Parameter? bias {
            get => _bias;
            set => ParameterSlot.Replace(ref _bias, value, nameof(bias), ConditionallyRegisterParameter);
        }

        public Parameter weight {
            get => _weight!;
            set => ParameterSlot.Replace(ref _weight, value, nameof(weight), ConditionallyRegisterParameter);
        }

        public Tensor? running_mean {
            get => _running_mean;
            set => ParameterSlot.Replace(ref _running_mean, value, nameof(running_mean), ConditionallyRegisterBuffer);
        }

        public Tensor? running_var {
            get => _running_var;
            set => ParameterSlot.Replace(ref _running_var, value, nameof(running_var), ConditionallyRegisterBuffer);
        }

        public Tensor? num_batches_tracked {
            get => _num_batches_tracked;
            set => ParameterSlot.Replace(ref _num_batches_tracked, value, nameof(num_batches_tracked), ConditionallyRegisterBuffer);
        }

        public long num_features { get; private set; }
        public double eps { get; set; }
        public double? momentum { get; set; }
        public bool affine { get; private set; }
        public bool track_running_stats { get; private set; }

        [ComponentName(Name = nameof(bias))]
        private Parameter? _bias;
        [ComponentName(Name = nameof(weight))]
        private Parameter? _weight;
        [ComponentName(Name = nameof(running_mean))]
        private Tensor? _running_mean;
        [ComponentName(Name = nameof(running_var))]
        private Tensor? _running_var;
        [ComponentName(Name = nameof(num_batches_tracked))]
        private Tensor? _num_batches_tracked;
    }

    /// <summary>
    /// Batch normalisation: in training, batch statistics normalise and the running ones move by
    /// <c>momentum</c> (null: a cumulative average); in eval, the running statistics normalise.
    /// </summary>
    public abstract class BatchNorm : NormBase
    {
        public BatchNorm(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype, string name)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, name) { }

        public override Tensor forward(Tensor input)
        {
            ValidateInputDimensions(input);
            var factor = momentum ?? 0.0;
            if (training && track_running_stats && num_batches_tracked is not null) {
                num_batches_tracked.add_(1);
                if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>();
            }
            var useBatchStats = training || (running_mean is null && running_var is null);
            var useRunning = !training || track_running_stats;
            return nn.functional.batch_norm(input, useRunning ? running_mean : null, useRunning ? running_var : null, affine ? weight : null, bias, useBatchStats, factor, eps);
        }
    }

    public sealed class BatchNorm1d : BatchNorm
    {
        internal BatchNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm1d)) { }

        protected override void ValidateInputDimensions(Tensor input)
        {
            if (input.ndim != 2 && input.ndim != 3) throw new ArgumentException($"expected 2D or 3D input, but got {input.ndim}D input.");
        }
    }

    public sealed class BatchNorm2d : BatchNorm
    {
        internal BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm2d)) { }

        protected override void ValidateInputDimensions(Tensor input)
        {
            if (input.ndim != 4) throw new ArgumentException($"expected 4D input, but got {input.ndim}D input.");
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);
        }
    }
}
