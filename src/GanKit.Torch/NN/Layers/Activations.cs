using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharp.Modules
{
    public sealed class ReLU(bool inplace = false) : ParameterLessModule<Tensor, Tensor>(nameof(ReLU))
    {
        public override Tensor forward(Tensor tensor) => F.relu(tensor, inplace);

        public bool inplace { get; set; } = inplace;
    }

    public sealed class LeakyReLU(double negative_slope = 0.01, bool inplace = false) : ParameterLessModule<Tensor, Tensor>(nameof(LeakyReLU))
    {
        public override Tensor forward(Tensor tensor) => F.leaky_relu(tensor, negative_slope, inplace);

        public bool inplace { get; set; } = inplace;
        public double negative_slope { get; set; } = negative_slope;
    }

    public sealed class Tanh(bool inplace = false) : ParameterLessModule<Tensor, Tensor>(nameof(Tanh))
    {
        public override Tensor forward(Tensor tensor) => F.tanh(tensor, inplace);

        public bool inplace { get; set; } = inplace;
    }

    public sealed class Sigmoid(bool inplace = false) : ParameterLessModule<Tensor, Tensor>(nameof(Sigmoid))
    {
        public override Tensor forward(Tensor tensor) => F.sigmoid(tensor, inplace);

        public bool inplace { get; set; } = inplace;
    }

    /// <summary>Zeroes elements with probability p and scales the rest by 1/(1−p), in training mode only.</summary>
    public sealed class Dropout(double p = 0.5, bool inplace = false) : ParameterLessModule<Tensor, Tensor>(nameof(Dropout))
    {
        public override Tensor forward(Tensor tensor) => F.dropout(tensor, p, training, inplace);

        public bool inplace { get; set; } = inplace;
        public double p { get; set; } = p;
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static ReLU ReLU(bool inplace = false) => new(inplace);

            public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);

            public static Tanh Tanh() => new();

            public static Tanh Tanh(bool inplace = false) => new(inplace);

            public static Sigmoid Sigmoid() => new();

            public static Sigmoid Sigmoid(bool inplace) => new(inplace);

            public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);
        }
    }
}
