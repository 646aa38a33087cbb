using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanKit.Checkpoints;
using GanKit.Data;
using GanKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Training.Dcgan;

/// <summary>
/// The training loop of Jovian's anime DCGAN, which the BollyGAN article follows. Per batch:
/// <list type="number">
/// <item>D: BCE(D(x), 1) + BCE(D(G(z)), 0) — a sum, not a mean — with fresh z of the full batch size even for a
/// short last batch; only D's optimizer steps. real_score and fake_score are the mean D(x) and D(G(z)).</item>
/// <item>G: fresh z again, BCE(D(G(z)), 1); only G's optimizer steps.</item>
/// </list>
/// G stays in train mode throughout (the template never calls eval()), so its batch norm always uses batch
/// statistics, also for samples. G(z) is detached in D's step where the template is not: its G gradients are
/// zeroed before G's step, so the numbers are the same and the backward pass through G is saved.
/// A checkpoint (<see cref="Checkpoint"/>) holds both networks, both optimizers, torch's CPU random generator,
/// the fixed latent and the history, written after every epoch: resuming from it on the CPU gives exactly the
/// numbers of an uninterrupted run. Every step runs in its own dispose scope, so memory stays flat.
/// Used in notebook 04.
/// </summary>
public sealed class DcganTrainer : IDisposable, ICheckpointable
{
    private readonly Device _device;
    private Tensor _fixedLatent;

    /// <summary>
    /// Trains <paramref name="generator"/> against <paramref name="discriminator"/> (both already on the device they
    /// should train on) and draws the fixed latent, <see cref="DcganOptions.FixedSamples"/> × latent, from torch's generator.
    /// </summary>
    public DcganTrainer(DcganGenerator generator, DcganDiscriminator discriminator, DcganOptions options)
    {
        options.Validate();
        if (generator.LatentDim != options.LatentDim)
            throw new ArgumentException($"the generator takes latent {generator.LatentDim}, the options say {options.LatentDim}", nameof(generator));
        Generator = generator;
        Discriminator = discriminator;
        Options = options;
        _device = generator.parameters().First().device;
        OptimizerD = options.OptimizerSettingsD.Create(discriminator.parameters());
        OptimizerG = options.OptimizerSettingsG.Create(generator.parameters());
        _fixedLatent = SampleLatent(options.FixedSamples).DetachFromDisposeScope();
    }

    /// <summary>Builds both networks from <paramref name="options"/> on <paramref name="device"/> (CPU when null), then the trainer.</summary>
    public static DcganTrainer Create(DcganOptions options, Device? device = null) =>
        new(options.CreateGenerator(device), options.CreateDiscriminator(device), options);

    public DcganGenerator Generator { get; }
    public DcganDiscriminator Discriminator { get; }
    public DcganOptions Options { get; }
    public OptimizerHelper OptimizerD { get; }
    public OptimizerHelper OptimizerG { get; }

    /// <summary>The template's <c>fixed_latent</c>: the noise behind the per-epoch sample grids, (FixedSamples, latent, 1, 1).</summary>
    public Tensor FixedLatent => _fixedLatent;

    public DcganHistory History { get; private set; } = new();

    /// <summary>Iterations (one D and one G update each) completed.</summary>
    public long StepCount { get; private set; }

    /// <summary>Epochs completed.</summary>
    public int EpochCount { get; private set; }

    /// <summary>Raised after every iteration, on the training thread.</summary>
    public event Action<StepRecord>? StepCompleted;

    /// <summary>
    /// Raised after every epoch, on the training thread, before the epoch's checkpoint is written: the place for
    /// sample grids and live plots (what a handler does to the networks, such as a train-mode sample moving batch
    /// norm's running averages, is then in the checkpoint too).
    /// </summary>
    public event Action<DcganEpoch>? EpochCompleted;

    /// <summary>Noise for G: (count, latent, 1, 1) from N(0, 1), on the networks' device.</summary>
    public Tensor SampleLatent(long count) => randn([count, Options.LatentDim, 1, 1], device: _device);

    /// <summary>G(z) without autograd, in G's current (train) mode as the template samples, moved to the CPU.</summary>
    public Tensor Sample(Tensor z)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Generator.forward(z.to(_device)).cpu().MoveToOuterDisposeScope();
    }

    /// <summary>G(fixed latent): the grid the template saves after every epoch.</summary>
    public Tensor SampleFixed() => Sample(_fixedLatent);

    /// <summary>
    /// Trains until <paramref name="epochs"/> epochs are complete in total (so a resumed trainer finishes the same
    /// run). With <paramref name="checkpointPath"/>, a checkpoint is written atomically after every epoch. Polls
    /// <paramref name="cancellationToken"/> before every step (a cancelled epoch is not recorded; the last
    /// checkpoint stays the end of the last whole epoch) and stops at the first non-finite loss.
    /// </summary>
    public DcganResult Fit(TensorLoader loader, int epochs, string? checkpointPath = null, CancellationToken cancellationToken = default)
    {
        while (EpochCount < epochs)
        {
            var epoch = EpochCount + 1;
            var clock = Stopwatch.StartNew();
            StepRecord? last = null;
            foreach (var batch in loader)
            {
                if (cancellationToken.IsCancellationRequested)
                    return new DcganResult(TrainingStatus.Cancelled, History, $"cancelled in epoch {epoch} after step {StepCount}; the last whole epoch is {EpochCount}");
                var step = TrainStep(batch[0], epoch);
                History.Steps.Add(step);
                if (!double.IsFinite(step.LossD) || !double.IsFinite(step.LossG))
                    return new DcganResult(TrainingStatus.Diverged, History, string.Create(CultureInfo.InvariantCulture,
                        $"training diverged at step {step.Step} (epoch {epoch}): loss_d = {step.LossD}, loss_g = {step.LossG}; try a smaller learning rate"));
                last = step;
                StepCompleted?.Invoke(step);
            }
            if (last is null) throw new ArgumentException("the loader gave no batch: the dataset is empty", nameof(loader));
            EpochCount = epoch;
            var record = new DcganEpoch(epoch, last.LossG, last.LossD, last.DReal, last.DFake, clock.Elapsed.TotalSeconds);
            History.Epochs.Add(record);
            EpochCompleted?.Invoke(record);
            if (checkpointPath is not null) Checkpoint.Save(this, checkpointPath);
        }
        var end = History.Epochs.Count == 0 ? "no epoch" : History.Epochs[^1].ToString(epochs);
        return new DcganResult(TrainingStatus.Completed, History, end);
    }

    /// <summary>One iteration on a batch of real images (B, C, 64, 64) in [−1, 1], on any device.</summary>
    public StepRecord TrainStep(Tensor real, int epoch)
    {
        using var scope = NewDisposeScope();
        real = real.to(_device);

        // D: real batch against a full batch of fakes.
        OptimizerD.zero_grad();
        var realPreds = Discriminator.forward(real);
        var realLoss = GanLosses.Bce(realPreds, Options.RealTarget, null, DiscriminatorOutput.Probabilities, LossReduction.Mean);
        var fake = Generator.forward(SampleLatent(Options.BatchSize)).detach();
        var fakePreds = Discriminator.forward(fake);
        var fakeLoss = GanLosses.Bce(fakePreds, Options.FakeTarget, null, DiscriminatorOutput.Probabilities, LossReduction.Mean);
        var lossD = realLoss.mul(Options.RealWeight).add(fakeLoss.mul(Options.FakeWeight));
        lossD.backward();
        var gradD = TensorValues.GradientNorm(Discriminator.parameters());
        OptimizerD.step();

        // G: fresh noise, judged against "real" by the updated D.
        OptimizerG.zero_grad();
        var preds = Discriminator.forward(Generator.forward(SampleLatent(Options.BatchSize)));
        var lossG = GanLosses.Bce(preds, 1.0, null, DiscriminatorOutput.Probabilities, LossReduction.Mean);
        lossG.backward();
        var gradG = TensorValues.GradientNorm(Generator.parameters());
        OptimizerG.step();

        StepCount++;
        return new StepRecord(StepCount, epoch, lossD.ToDoubleValue(), lossG.ToDoubleValue(),
            realPreds.mean().ToDoubleValue(), fakePreds.mean().ToDoubleValue(), gradD, gradG);
    }

    /// <summary>
    /// Seconds per training step on <paramref name="realBatch"/>, measured on throwaway networks built from
    /// <paramref name="options"/> (one warm-up step, then the mean of <paramref name="steps"/>), to size a run
    /// before it starts. It draws random numbers: seed afterwards.
    /// </summary>
    public static double MeasureSecondsPerStep(DcganOptions options, Tensor realBatch, Device? device = null, int steps = 3)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "measure at least one step");
        using var probe = Create(options with { FixedSamples = 1 }, device);
        probe.TrainStep(realBatch, 1);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) probe.TrainStep(realBatch, 1);
        return clock.Elapsed.TotalSeconds / steps;
    }

    // ---- checkpoints ---------------------------------------------------------------------------

    /// <summary>What a checkpoint records besides the networks, optimizers and random generator.</summary>
    internal sealed record State(string Trainer, string Preset, long LatentDim, int Epoch, long Step, float[] FixedLatent, DcganHistory History);

    string ICheckpointable.Kind => nameof(DcganTrainer);
    nn.Module ICheckpointable.Generator => Generator;
    nn.Module ICheckpointable.Discriminator => Discriminator;

    object ICheckpointable.SaveState()
    {
        using var latent = _fixedLatent.cpu();
        return new State(nameof(DcganTrainer), Options.Name, Options.LatentDim, EpochCount, StepCount, latent.data<float>().ToArray(), History);
    }

    Action ICheckpointable.ReadState(string json, string source)
    {
        var state = JsonSerializer.Deserialize<State>(json) ?? throw new InvalidDataException($"{source} has no trainer state");
        if (state.LatentDim != Options.LatentDim)
            throw new InvalidDataException($"{source} is a checkpoint of a DCGAN with latent {state.LatentDim} (preset {state.Preset}); this trainer's latent is {Options.LatentDim}");
        if (state.FixedLatent.Length % state.LatentDim != 0)
            throw new InvalidDataException($"{source} has a fixed latent of {state.FixedLatent.Length} numbers, not a whole number of latent vectors");
        return () =>
        {
            EpochCount = state.Epoch;
            StepCount = state.Step;
            History = state.History;
            var latent = tensor(state.FixedLatent, [state.FixedLatent.Length / state.LatentDim, state.LatentDim, 1, 1]).to(_device).DetachFromDisposeScope();
            _fixedLatent.Dispose();
            _fixedLatent = latent;
        };
    }

    public void Dispose()
    {
        OptimizerD.Dispose();
        OptimizerG.Dispose();
        _fixedLatent.Dispose();
    }
}
