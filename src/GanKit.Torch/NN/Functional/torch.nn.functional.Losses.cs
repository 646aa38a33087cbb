using TorchSharp.Native;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(target);
                a.Tensor(weight);
                a.Int((long)reduction);
                return a.Call(Ops.binary_cross_entropy);
            }

            /// <summary>Sigmoid and binary cross-entropy in one numerically stable step; <paramref name="pos_weights"/> weighs the positive term per class.</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(target);
                a.Tensor(weight);
                a.Tensor(pos_weights);
                a.Int((long)reduction);
                return a.Call(Ops.binary_cross_entropy_with_logits);
            }

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(target);
                a.Int((long)reduction);
                return a.Call(Ops.mse_loss);
            }

            /// <summary>Log-softmax and NLL over class indices (or class probabilities as target), with class weights, an ignored index and label smoothing.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(target);
                a.Tensor(weight);
                a.Int((long)reduction);
                a.Int(ignore_index);
                a.Double(label_smoothing);
                return a.Call(Ops.cross_entropy_loss);
            }

            /// <summary>Negative log-likelihood of class indices given log-probabilities, for (N, C) or (N, C, d1, ...) input.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
            {
                var a = new OpArgs();
                a.Tensor(input);
                a.Tensor(target);
                a.Tensor(weight);
                a.Int((long)reduction);
                return a.Call(Ops.nll_loss_nd);
            }
        }
    }
}

file static class Ops
{
    public static readonly Op binary_cross_entropy = new("aten::binary_cross_entropy");
    public static readonly Op binary_cross_entropy_with_logits = new("aten::binary_cross_entropy_with_logits");
    public static readonly Op mse_loss = new("aten::mse_loss");
    public static readonly Op cross_entropy_loss = new("aten::cross_entropy_loss");
    public static readonly Op nll_loss_nd = new("aten::nll_loss_nd");
}
