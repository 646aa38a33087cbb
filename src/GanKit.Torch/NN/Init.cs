using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// PyTorch's torch.nn.init, formula for formula, drawing with libtorch's own in-place
        /// samplers (aten::uniform_, aten::normal_) under no_grad: the same seed gives PyTorch's numbers.
        /// </summary>
        public static class init
        {
            public enum NonlinearityType
            {
                Linear = 0,
                Conv1D = 1,
                Conv2D = 2,
                Conv3D = 3,
                ConvTranspose1D = 4,
                ConvTranspose2D = 5,
                ConvTranspose3D = 6,
                Sigmoid = 7,
                Tanh = 8,
                ReLU = 9,
                LeakyReLU = 10
            }

            public enum FanInOut
            {
                FanIn = 0,
                FanOut = 1
            }

            /// <summary>The recommended gain for a nonlinearity; <paramref name="param"/> is LeakyReLU's negative slope, taken as given (as libtorch's C++ does).</summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0) => nonlinearity switch {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                _ => 1.0, // linear, convolutions and sigmoid
            };

            public static Tensor ones_(Tensor tensor) => Fill(tensor, 1);

            public static Tensor zeros_(Tensor tensor) => Fill(tensor, 0);

            public static Tensor constant_(Tensor tensor, Scalar val) => Fill(tensor, val);

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null) =>
                Sample(Ops.uniform_, tensor, low, high, generator);

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null) =>
                Sample(Ops.normal_, tensor, mean, std, generator);

            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var bound = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return uniform_(tensor, -bound, bound);
            }

            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1.0) => xavier_uniform_(tensor, gain);

            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            public static Tensor glorot_normal_(Tensor tensor, double gain = 1.0) => xavier_normal_(tensor, gain);

            /// <summary>U(−b, b) with b = gain·√(3 / fan): He initialisation. <paramref name="a"/> is LeakyReLU's negative slope.</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                var bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
                return uniform_(tensor, -bound, bound);
            }

            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity));

            private static double KaimingStd(Tensor tensor, double a, FanInOut mode, NonlinearityType nonlinearity)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                var fan = mode == FanInOut.FanIn ? fanIn : fanOut;
                if (fan == 0) throw new ArgumentException("Initializing zero-element tensors is a no-op");
                return calculate_gain(nonlinearity, a) / Math.Sqrt(fan);
            }

            /// <summary>fan_in = size(1)·receptive field, fan_out = size(0)·receptive field (for ConvTranspose weights [in, out/groups, k, k], as PyTorch computes).</summary>
            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
                long receptive = 1;
                for (int d = 2; d < shape.Length; d++) receptive *= shape[d];
                return (shape[1] * receptive, shape[0] * receptive);
            }

            private static Tensor Fill(Tensor tensor, Scalar value)
            {
                using var guard = no_grad();
                var a = new OpArgs();
                a.Tensor(tensor);
                a.Scalar(value);
                a.CallInPlace(Ops.fill_);
                return tensor;
            }

            private static Tensor Sample(Op op, Tensor tensor, double first, double second, Generator? generator)
            {
                // GanKit has only the default generator (see Generator), so any generator given is that one.
                using var guard = no_grad();
                var a = new OpArgs();
                a.Tensor(tensor);
                a.Double(first);
                a.Double(second);
                a.CallInPlace(op);
                return tensor;
            }
        }
    }
}

file static class Ops
{
    public static readonly Op uniform_ = new("aten::uniform_");
    public static readonly Op normal_ = new("aten::normal_");
    public static readonly Op fill_ = new("aten::fill_", "Scalar");
}
