using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharp.Modules
{
    public sealed class ReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal ReLU(bool inplace = false) : base(nameof(ReLU)) => this.inplace = inplace;

        public override Tensor forward(Tensor tensor) => F.relu(tensor, inplace);

        public bool inplace { get; set; }
    }

    public sealed class LeakyReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal LeakyReLU(double negative_slope = 0.01, bool inplace = false) : base(nameof(LeakyReLU))
        {
            this.negative_slope = negative_slope;
            this.inplace = inplace;
        }

        public override Tensor forward(Tensor tensor) => F.leaky_relu(tensor, negative_slope, inplace);

        public bool inplace { get; set; }
        public double negative_slope { get; set; }
    }

    public sealed class Tanh : ParameterLessModule<Tensor, Tensor>
    {
        internal Tanh(bool inplace = false) : base(nameof(Tanh)) => this.inplace = inplace;

        public override Tensor forward(Tensor tensor) => F.tanh(tensor, inplace);

        public bool inplace { get; set; }
    }

    public sealed class Sigmoid : ParameterLessModule<Tensor, Tensor>
    {
        internal Sigmoid(bool inplace = false) : base(nameof(Sigmoid)) => this.inplace = inplace;

        public override Tensor forward(Tensor tensor) => F.sigmoid(tensor, inplace);

        public bool inplace { get; set; }
    }

    /// <summary>Zeroes elements with probability p and scales the rest by 1/(1−p), in training mode only.</summary>
    public sealed class Dropout : ParameterLessModule<Tensor, Tensor>
    {
        internal Dropout(double p = 0.5, bool inplace = false) : base(nameof(Dropout))
        {
            this.p = p;
            this.inplace = inplace;
        }

        public override Tensor forward(Tensor tensor) => F.dropout(tensor, p, training, inplace);

        public bool inplace { get; set; }
        public double p { get; set; }
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
