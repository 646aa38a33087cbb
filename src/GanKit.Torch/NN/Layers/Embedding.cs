using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>A lookup table of <c>num_embeddings</c> vectors; the padding row (if any) starts at zero and gets no gradient.</summary>
    public sealed class Embedding : nn.Module<Tensor, Tensor>
    {
        internal Embedding(Parameter weight, long? padding_idx, double? max_norm, double norm_type, bool scale_grad_by_freq, bool sparse) : base(nameof(Embedding))
        {
            var rows = weight.shape[0];
            if (padding_idx is long p && (p >= rows || p < -rows))
                throw new ArgumentException($"padding_idx {p} must be within num_embeddings ({rows})", nameof(padding_idx));
            _padding_idx = padding_idx is long q && q < 0 ? q + rows : padding_idx;
            _max_norm = max_norm;
            _norm_type = norm_type;
            _scale_grad_by_freq = scale_grad_by_freq;
            _sparse = sparse;
            this.weight = weight;
        }

        public override Tensor forward(Tensor input) =>
            nn.functional.embedding(input, weight!, _padding_idx, _max_norm, _norm_type, _scale_grad_by_freq, _sparse);

        public Parameter? weight {
            get => _weight;
            set => ParameterSlot.Replace(ref _weight, value ?? throw new ArgumentNullException(nameof(weight)), nameof(weight), ConditionallyRegisterParameter);
        }

        [ComponentName(Name = nameof(weight))]
        private Parameter? _weight;

        private readonly long? _padding_idx;
        private readonly double? _max_norm;
        private readonly double _norm_type;
        private readonly bool _scale_grad_by_freq;
        private readonly bool _sparse;

        /// <summary>PyTorch's default: N(0, 1), then zeros in the padding row.</summary>
        internal static Parameter DefaultWeight(long num_embeddings, long embedding_dims, long? padding_idx, Device? device, ScalarType? dtype)
        {
            var weight = new Parameter(empty(num_embeddings, embedding_dims, dtype, device));
            nn.init.normal_(weight);
            if (padding_idx is long p) {
                using var row = weight.select(0, p);
                nn.init.zeros_(row);
            }
            return weight;
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null) =>
                new(Modules.Embedding.DefaultWeight(num_embeddings, embedding_dims, padding_idx, device, dtype), padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);

            /// <summary>An embedding over <paramref name="embeddings"/> (sharing its storage, as PyTorch does), trainable unless frozen.</summary>
            public static Embedding Embedding_from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            {
                if (embeddings.dim() != 2) throw new ArgumentException("Embeddings parameter is expected to be 2-dimensional", nameof(embeddings));
                var data = embeddings.detach();
                if ((dtype is not null && dtype != data.dtype) || device is not null) {
                    var converted = data.to(dtype ?? data.dtype, device ?? data.device);
                    data.Dispose();
                    data = converted;
                }
                return new(new Parameter(data, requires_grad: !freeze), padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);
            }
        }
    }
}
