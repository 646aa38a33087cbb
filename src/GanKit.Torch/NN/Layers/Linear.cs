using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>y = x·Wᵀ + b, with W of shape (out_features, in_features).</summary>
    public sealed class Linear : nn.Module<Tensor, Tensor>
    {
        internal Linear(Parameter weight, Parameter? bias = null) : base(nameof(Linear))
        {
            in_features = weight.shape[1];
            out_features = weight.shape[0];
            this.weight = weight;
            this.bias = bias;
        }

        internal Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear))
        {
            in_features = inputSize;
            out_features = outputSize;
            weight = new Parameter(empty(outputSize, inputSize, dtype, device));
            if (hasBias) bias = new Parameter(empty(outputSize, dtype, device));
            ParameterSlot.ResetLinearLike(weight, bias);
        }

        public override Tensor forward(Tensor tensor) => nn.functional.linear(tensor, weight, bias);

        public Parameter? bias {
            get => _bias;
            set => ParameterSlot.Replace(ref _bias, value, nameof(bias), ConditionallyRegisterParameter);
        }

        public Parameter weight {
            get => _weight!;
            set => ParameterSlot.Replace(ref _weight, value ?? throw new ArgumentNullException(nameof(weight)), nameof(weight), ConditionallyRegisterParameter);
        }

        [ComponentName(Name = nameof(bias))]
        private Parameter? _bias;
        [ComponentName(Name = nameof(weight))]
        private Parameter? _weight;

        public long in_features { get; set; }
        public long out_features { get; set; }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, outputSize, hasBias, device, dtype);

            public static Linear Linear(Parameter weight, Parameter? bias = null) => new(weight, bias);
        }
    }
}
