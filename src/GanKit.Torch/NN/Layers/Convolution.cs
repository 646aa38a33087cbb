using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp
{
    public enum PaddingModes
    {
        Zeros = 0,
        Reflect = 1,
        Replicate = 2,
        Circular = 3,
        Constant = 4,
    }

    public enum Padding
    {
        Valid = 0,
        Same = 1
    }
}

namespace TorchSharp.Modules
{
    /// <summary>
    /// The state shared by convolutions: weight (out, in/groups, k…) or, transposed, (in, out/groups, k…),
    /// an optional bias, and PyTorch's default initialisation. GanKit supports zero padding only.
    /// </summary>
    public abstract class Convolution : nn.Module<Tensor, Tensor>
    {
        protected Convolution(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[]? padding, Padding? padding_type, long[] dilation, bool transposed, long[] output_padding, long groups, bool bias, PaddingModes padding_mode, Device? device = null, ScalarType? dtype = null) : base(name)
        {
            if (padding_mode != PaddingModes.Zeros)
                throw new NotSupportedException($"padding_mode {padding_mode} is not supported by GanKit.Torch; only PaddingModes.Zeros.");
            if (groups < 1 || in_channels % groups != 0 || out_channels % groups != 0)
                throw new ArgumentException($"in_channels ({in_channels}) and out_channels ({out_channels}) must both be divisible by groups ({groups}).");
            if (transposed && padding_type is not null)
                throw new ArgumentException("Cannot set padding type on ConvTransposeND");
            if (padding_type == Padding.Same && stride.Any(s => s != 1))
                throw new ArgumentException("padding='same' is not supported for strided convolutions");
            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding_type is null ? padding ?? new long[kernel_size.Length] : null;
            this.padding_type = padding_type;
            this.dilation = dilation;
            this.transposed = transposed;
            this.output_padding = output_padding;
            this.groups = groups;
            this.padding_mode = padding_mode;

            long[] weightDims = transposed ? [in_channels, out_channels / groups, .. kernel_size] : [out_channels, in_channels / groups, .. kernel_size];
            weight = new Parameter(empty(weightDims, dtype, device));
            if (bias) this.bias = new Parameter(empty(out_channels, dtype, device));
            reset_parameters();
        }

        public void reset_parameters() => ParameterSlot.ResetLinearLike(weight, bias);

        public Parameter? bias {
            get => _bias;
            set => ParameterSlot.Replace(ref _bias, value, nameof(bias), ConditionallyRegisterParameter);
        }

        public Parameter weight {
            get => _weight!;
            set => ParameterSlot.Replace(ref _weight, value ?? throw new ArgumentNullException(nameof(weight)), nameof(weight), ConditionallyRegisterParameter);
        }

        [ComponentName(Name = nameof(bias))]
        protected Parameter? _bias;
        [ComponentName(Name = nameof(weight))]
        protected Parameter? _weight;

        public long in_channels { get; }
        public long out_channels { get; }
        public bool transposed { get; }
        public Padding? padding_type { get; private set; }
        public long[]? padding { get; private set; }
        public PaddingModes padding_mode { get; set; }
        public long groups { get; set; }
        public long[] kernel_size { get; set; }
        public long[] stride { get; set; }
        public long[] dilation { get; set; }
        public long[] output_padding { get; set; }
    }

    public sealed class Conv2d : Convolution
    {
        internal Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long)? padding, Padding? padding_type, (long, long) dilation, long groups, bool bias, PaddingModes padding_mode, Device? device, ScalarType? dtype)
            : base(nameof(Conv2d), in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2], [stride.Item1, stride.Item2],
                   padding is (long, long) p ? [p.Item1, p.Item2] : null, padding_type, [dilation.Item1, dilation.Item2], false, [0, 0], groups, bias, padding_mode, device, dtype)
        { }

        public override Tensor forward(Tensor input) =>
            padding_type is Padding type
                ? nn.functional.conv2d_padding(input, weight, bias, stride, type, dilation, groups)
                : nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    public sealed class ConvTranspose2d : Convolution
    {
        internal ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long) padding, (long, long) dilation, (long, long) output_padding, long groups, bool bias, PaddingModes padding_mode, Device? device, ScalarType? dtype)
            : base(nameof(ConvTranspose2d), in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2], [stride.Item1, stride.Item2],
                   [padding.Item1, padding.Item2], null, [dilation.Item1, dilation.Item2], true, [output_padding.Item1, output_padding.Item2], groups, bias, padding_mode, device, dtype)
        { }

        public override Tensor forward(Tensor input) =>
            nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, dilation, groups);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), null, (dilation, dilation), groups, bias, padding_mode, device, dtype);

            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), null, dilation ?? (1, 1), groups, bias, padding_mode, device, dtype);

            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), null, padding, (dilation, dilation), groups, bias, padding_mode, device, dtype);

            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, Padding padding, (long, long)? stride = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride ?? (1, 1), null, padding, dilation ?? (1, 1), groups, bias, padding_mode, device, dtype);

            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long output_padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), (dilation, dilation), (output_padding, output_padding), groups, bias, padding_mode, device, dtype);

            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? output_padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), output_padding ?? (0, 0), groups, bias, padding_mode, device, dtype);
        }
    }
}
