using TorchSharp;
using static TorchSharp.torch;
using GanKit.Data;
using GanKit.Models;

namespace GanKit.Training;

/// <summary>
/// One complete d2l Gaussian GAN run in a call — fresh G and D (N(0, 0.02) weights, zero biases), a shuffled
/// loader, <see cref="GanTrainer.Fit"/> — for exercises that compare settings side by side. Notebook 01 trains
/// its main run step by step and uses this for the exercises; <c>GanPlots.TrainingFigure(run)</c> draws one.
/// </summary>
public sealed class GaussianGanRun
{
    private GaussianGanRun(GanTrainer trainer, TrainingResult result, Tensor real, string label)
    {
        Trainer = trainer;
        Result = result;
        Real = real;
        Label = label;
    }

    public GanTrainer Trainer { get; }
    public TrainingResult Result { get; }

    /// <summary>The real points the figure shows (the first 100 of the data).</summary>
    public Tensor Real { get; }

    public string Label { get; }

    /// <summary>d2l's closing line for this run, e.g. "loss_D 0.693, loss_G 0.693, 2345.6 examples/sec".</summary>
    public string Summary => Result.Status == TrainingStatus.Completed ? $"{Label}: {Result.History.Summary()}" : $"{Label}: {Result.Message}";

    /// <param name="data">(N, 2) real data; it is copied, so the caller keeps its tensor.</param>
    /// <param name="discriminatorWidth">Units in D's first hidden layer (d2l: 5).</param>
    public static GaussianGanRun Train(Tensor data, GanOptions options, int epochs, int batchSize = 8, long discriminatorWidth = 5,
        string? label = null, CancellationToken cancellationToken = default)
    {
        var generator = Initialization.Normal(new GaussianGenerator(options.LatentDim, data.shape[1]));
        var discriminator = Initialization.Normal(new GaussianDiscriminator(data.shape[1], discriminatorWidth));
        var dataset = new TensorDataset(data.detach().clone());
        var trainer = new GanTrainer(generator, discriminator, options);
        var result = trainer.Fit(new TensorLoader(dataset, batchSize, shuffle: true), epochs, cancellationToken);
        var real = data.narrow(0, 0, Math.Min(100, data.shape[0])).detach().clone().DetachFromDisposeScope();
        return new GaussianGanRun(trainer, result, real, label ?? $"lr_D {options.LearningRateD}, lr_G {options.LearningRateG}, latent {options.LatentDim}, D width {discriminatorWidth}");
    }
}
