using System.Runtime.InteropServices;
using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            // In place, these return an alias of their input, not the input itself (as TorchSharp does): the caller may
            // dispose the result and its input independently, as when the activation made a new tensor.
            public static Tensor relu(Tensor x, bool inplace = false) => inplace ? x.UnaryInPlace(Ops.relu_).alias() : x.Unary(Ops.relu);

            public static Tensor tanh(Tensor x, bool inplace = false) => inplace ? x.UnaryInPlace(Ops.tanh_).alias() : x.Unary(Ops.tanh);

            public static Tensor sigmoid(Tensor x) => x.Unary(Ops.sigmoid);

            public static Tensor sigmoid(Tensor x, bool inplace) => inplace ? x.UnaryInPlace(Ops.sigmoid_).alias() : x.Unary(Ops.sigmoid);

            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Double(negative_slope);
                if (!inplace) return a.Call(Ops.leaky_relu);
                a.CallInPlace(Ops.leaky_relu_);
                return input.alias();
            }

            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => SoftmaxLike(Ops.softmax, input, dim, dtype);

            public static Tensor log_softmax(Tensor x, long dim) => SoftmaxLike(Ops.log_softmax, x, dim, null);

            private static Tensor SoftmaxLike(Op op, Tensor input, long dim, ScalarType? dtype)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Int(dim);
                a.ScalarType(dtype);
                return a.Call(op);
            }

            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                // libtorch's C++ dropout checks this (TorchSharp's error); aten::dropout, which we call, does not.
                if (p < 0 || p > 1) throw new ExternalException($"dropout probability has to be between 0 and 1, but got {p}");
                var a = new OpArgs();
                a.Tensor(input);
                a.Double(p);
                a.Bool(training);
                if (!inplace) return a.Call(Ops.dropout);
                a.CallInPlace(Ops.dropout_);
                return input.alias();
            }
        }
    }
}

file static class Ops
{
    public static readonly Op relu = new("aten::relu");
    public static readonly Op relu_ = new("aten::relu_");
    public static readonly Op tanh = new("aten::tanh");
    public static readonly Op tanh_ = new("aten::tanh_");
    public static readonly Op sigmoid = new("aten::sigmoid");
    public static readonly Op sigmoid_ = new("aten::sigmoid_");
    public static readonly Op leaky_relu = new("aten::leaky_relu");
    public static readonly Op leaky_relu_ = new("aten::leaky_relu_");
    public static readonly Op softmax = new("aten::softmax", "int");
    public static readonly Op log_softmax = new("aten::log_softmax", "int");
    public static readonly Op dropout = new("aten::dropout");
    public static readonly Op dropout_ = new("aten::dropout_");
}
