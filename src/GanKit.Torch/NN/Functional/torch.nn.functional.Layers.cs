using TorchSharp.Native;

namespace TorchSharp;

// The functional forms of the layers with weights: linear, convolutions, batch norm, embedding (and one_hot, its input's other form).
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(weights);
                a.Tensor(bias);
                return a.Call(Ops.linear);
            }

            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(weight);
                a.Tensor(bias);
                a.Ints(strides ?? [1]);
                a.Ints(padding ?? [0]);
                a.Ints(dilation ?? [1]);
                a.Int(groups);
                return a.Call(Ops.conv2d);
            }

            /// <summary>A convolution padded "valid" (none) or "same" (output size = input size; stride 1 only).</summary>
            public static Tensor conv2d_padding(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, Padding padding = Padding.Valid, long[]? dilation = null, long groups = 1)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(weight);
                a.Tensor(bias);
                a.Ints(strides ?? [1]);
                a.String(padding == Padding.Same ? "same" : "valid");
                a.Ints(dilation ?? [1]);
                a.Int(groups);
                return a.Call(Ops.conv2d_padding);
            }

            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? output_padding = null, long[]? dilation = null, long groups = 1)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(weight);
                a.Tensor(bias);
                a.Ints(strides ?? [1, 1]);
                a.Ints(padding ?? [0, 0]);
                a.Ints(output_padding ?? [0, 0]);
                a.Int(groups); // aten's order: groups before dilation
                a.Ints(dilation ?? [1, 1]);
                return a.Call(Ops.conv_transpose2d);
            }

            /// <summary>Normalises over the batch (training) or with the running statistics, updating them in place when training.</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(weight);
                a.Tensor(bias);
                a.Tensor(running_mean);
                a.Tensor(running_var);
                a.Bool(training);
                a.Double(momentum);
                a.Double(eps);
                a.Bool(true); // cudnn_enabled, as PyTorch passes it
                return a.Call(Ops.batch_norm);
            }

            internal static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false)
            {
                if (max_norm is double maxNorm) {
                    using var guard = no_grad();
                    var r = new OpArgs();
                    r.Tensor(weight);
                    r.Tensor(input);
                    r.Double(maxNorm);
                    r.Double(norm_type);
                    r.CallInPlace(Ops.embedding_renorm_);
                }
                var a = new OpArgs();
                a.Tensor(weight);
                a.Tensor(input);
                a.Int(padding_idx ?? -1);
                a.Bool(scale_grad_by_freq);
                a.Bool(sparse);
                return a.Call(Ops.embedding);
            }

            /// <summary>Class indices (int64, any shape) as one-hot int64 vectors in a new last dimension of
            /// <paramref name="num_classes"/> (−1: one more than the largest index).</summary>
            public static Tensor one_hot(Tensor x, long num_classes = -1)
            {
                var a = new OpArgs();
                a.Tensor(x);
                a.Int(num_classes);
                return a.Call(Ops.one_hot);
            }

            internal static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Int(start_dim);
                a.Int(end_dim);
                return a.Call(Ops.flatten);
            }

            internal static Tensor unflatten(Tensor input, long dim, long[] unflattened_size)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Int(dim);
                a.Ints(unflattened_size);
                return a.Call(Ops.unflatten);
            }
        }
    }
}

file static class Ops
{
    public static readonly Op linear = new("aten::linear");
    public static readonly Op conv2d = new("aten::conv2d");
    public static readonly Op conv2d_padding = new("aten::conv2d", "padding");
    public static readonly Op conv_transpose2d = new("aten::conv_transpose2d", "input");
    public static readonly Op batch_norm = new("aten::batch_norm");
    public static readonly Op embedding = new("aten::embedding");
    public static readonly Op embedding_renorm_ = new("aten::embedding_renorm_");
    public static readonly Op one_hot = new("aten::one_hot");
    public static readonly Op flatten = new("aten::flatten", "using_ints");
    public static readonly Op unflatten = new("aten::unflatten", "int");
}
