using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Keras;

/// <summary>Keras's <c>binary_crossentropy</c> loss and binary <c>accuracy</c> metric, as functions a notebook can call too.</summary>
public static class KerasMetrics
{
    /// <summary>Keras's K.epsilon(): predictions are clipped to [ε, 1 − ε] before the logarithms.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>
    /// Mean binary cross-entropy −[y·log p + (1 − y)·log(1 − p)] of probabilities against targets, with
    /// Keras's clipping of the probabilities to [1e-7, 1 − 1e-7] (no gradient flows through a clipped
    /// value, as in Keras). Keras's TensorFlow backend turns the clipped p back into a logit and calls
    /// sigmoid_cross_entropy_with_logits: the same function. Written out rather than with
    /// binary_cross_entropy, which refuses NaN inputs, so a diverging run reports a NaN loss.
    /// </summary>
    public static Tensor BinaryCrossentropy(Tensor probabilities, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var p = probabilities.clamp(Epsilon, 1 - Epsilon);
        var logLikelihood = targets * p.log() + (1 - targets) * (1 - p).log();
        return logLikelihood.mean().neg().MoveToOuterDisposeScope();
    }

    /// <summary>Keras's binary accuracy: the fraction of round(p) == target (0.5 rounds to 0, half to even in both).</summary>
    public static Tensor BinaryAccuracy(Tensor probabilities, Tensor targets)
    {
        using var scope = NewDisposeScope();
        return probabilities.detach().round().eq(targets).to_type(probabilities.dtype).mean().MoveToOuterDisposeScope();
    }
}
