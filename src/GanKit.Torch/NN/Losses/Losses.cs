using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace TorchSharp.Modules
{
    public sealed class BCELoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : WeightedLoss<Tensor, Tensor, Tensor>(weight, reduction)
    {
        public override Tensor forward(Tensor input, Tensor target) => F.binary_cross_entropy(input, target, weight, reduction);
    }

    public sealed class BCEWithLogitsLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean, Tensor? pos_weights = null) : WeightedLoss<Tensor, Tensor, Tensor>(weight, reduction)
    {
        public override Tensor forward(Tensor input, Tensor target) => F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);

        public Tensor? pos_weights { get; } = pos_weights;
    }

    public sealed class MSELoss(nn.Reduction reduction = nn.Reduction.Mean) : Loss<Tensor, Tensor, Tensor>(reduction)
    {
        public override Tensor forward(Tensor input, Tensor target) => F.mse_loss(input, target, reduction);
    }

    public sealed class CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, nn.Reduction reduction = nn.Reduction.Mean, double label_smoothing = 0.0) : WeightedLoss<Tensor, Tensor, Tensor>(weight, reduction)
    {
        public override Tensor forward(Tensor input, Tensor target) => F.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);

        public long? ignore_index { get; } = ignore_index;
        public double label_smoothing { get; } = label_smoothing;
    }

    public sealed class NLLLoss(Tensor? weight = null, nn.Reduction reduction = nn.Reduction.Mean) : WeightedLoss<Tensor, Tensor, Tensor>(weight, reduction)
    {
        public override Tensor forward(Tensor input, Tensor target) => F.nll_loss(input, target, weight, reduction);
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean) => new(weight, ignore_index, reduction);

            public static BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);

            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => new(weight, reduction, pos_weights);

            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
        }
    }
}
