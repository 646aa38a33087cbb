using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>The padding modules: <see cref="nn.functional.pad(Tensor, long[], PaddingModes, double)"/> with fixed arguments.</summary>
    public abstract class PadBase(string name, PaddingModes mode, double value, params long[] padding) : ParameterLessModule<Tensor, Tensor>(name)
    {
        public override Tensor forward(Tensor input) => nn.functional.pad(input, padding, padding_mode, value);

        private PaddingModes padding_mode { get; set; } = mode;
        public long[] padding { get; set; } = padding;
        public double value { get; set; } = value;
    }

    /// <summary>Pads the last two dimensions with zeros by (left, right, top, bottom).</summary>
    public sealed class ZeroPad2d : PadBase
    {
        internal ZeroPad2d(params long[] padding) : base(nameof(ZeroPad2d), PaddingModes.Zeros, 0, padding) { }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Pads the last two dimensions with <paramref name="padding"/> zeros on every side.</summary>
            public static ZeroPad2d ZeroPad2d(long padding) => new(padding, padding, padding, padding);

            /// <summary>Pads the last two dimensions with zeros: (padding_left, padding_right, padding_top, padding_bottom).</summary>
            public static ZeroPad2d ZeroPad2d((long, long, long, long) padding) => new(padding.Item1, padding.Item2, padding.Item3, padding.Item4);
        }
    }
}
