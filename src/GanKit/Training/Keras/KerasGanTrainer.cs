using System.Globalization;
using GanKit.Checkpoints;
using GanKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Training.Keras;

/// <summary>
/// The training loop of Wouter Bulten's Keras MNIST GAN (TUTORIALS.md §2.5), Keras's semantics made
/// explicit. Each step draws <see cref="KerasGanOptions.BatchSize"/> real images with replacement,
/// makes as many fakes with G in inference mode (<c>net_generator.predict</c>: batch norm's moving
/// averages, no dropout, no autograd), trains D on [real; fake] against [1…; 0…]
/// (<c>model_discriminator.train_on_batch</c>), then trains G through D on fresh noise against 1s with
/// D in training mode but frozen (<c>model_adversarial.train_on_batch</c>). Losses and accuracies come
/// from each forward pass before its update, as Keras reports them. Noise is U(−1, 1).
/// Works on whatever device the networks are on; the images may stay on the CPU (each batch is moved).
/// Random numbers come from torch's generator in a fixed order (indices, noise, D's dropout, noise,
/// G's and D's dropout), so a seed fixes the run; a checkpoint carries the CPU generator's state
/// (on CUDA, noise and dropout come from the CUDA generator, which it does not carry).
/// Used in notebook 03.
/// </summary>
public sealed class KerasGanTrainer : IDisposable, ICheckpointable
{
    private readonly bool _ownsNetworks;
    private long _checkpointedAt = -1;

    /// <summary>A trainer for any G: (B, latent) → images and D: images → (B, 1) probabilities. It draws the snapshot noise.</summary>
    public KerasGanTrainer(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, KerasGanOptions? options = null)
        : this(generator, discriminator, options ?? new KerasGanOptions(), ownsNetworks: false) { }

    private KerasGanTrainer(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, KerasGanOptions options, bool ownsNetworks)
    {
        options.Validate();
        Generator = generator;
        Discriminator = discriminator;
        Options = options;
        _ownsNetworks = ownsNetworks;
        var like = generator.parameters().FirstOrDefault() ?? throw new ArgumentException("the generator has no parameters to train", nameof(generator));
        Device = like.device;
        DType = like.dtype;
        OptimizerD = options.OptimizerD.Create(discriminator.parameters());
        OptimizerG = options.OptimizerG.Create(generator.parameters());
        // The original draws vis_noise once, after building the models and before the loop.
        VisNoise = SampleNoise(options.SnapshotCount).DetachFromDisposeScope();
    }

    /// <summary>
    /// Bulten's networks (<see cref="BultenGenerator"/> then <see cref="BultenDiscriminator"/> with
    /// <see cref="KerasGanOptions.DropoutD"/>) on <paramref name="device"/> (default CPU), and their
    /// trainer, which disposes them with itself. Seed torch before calling it to fix the initial weights.
    /// </summary>
    public static KerasGanTrainer ForBulten(KerasGanOptions? options = null, Device? device = null)
    {
        options ??= new KerasGanOptions();
        options.Validate();
        var generator = new BultenGenerator(options.LatentDim);
        var discriminator = new BultenDiscriminator(options.DropoutD);
        if (device is not null)
        {
            generator.to(device);
            discriminator.to(device);
        }
        return new KerasGanTrainer(generator, discriminator, options, ownsNetworks: true);
    }

    public nn.Module<Tensor, Tensor> Generator { get; }
    public nn.Module<Tensor, Tensor> Discriminator { get; }
    public KerasGanOptions Options { get; }
    public OptimizerHelper OptimizerD { get; }
    public OptimizerHelper OptimizerG { get; }

    /// <summary>Where the networks are; noise is drawn there.</summary>
    public Device Device { get; }

    /// <summary>The networks' float type; noise, targets and real batches use it.</summary>
    public ScalarType DType { get; }

    /// <summary>The fixed (SnapshotCount, latent) noise of the snapshots (the original's vis_noise). Owned by the trainer.</summary>
    public Tensor VisNoise { get; }

    /// <summary>Training steps completed; the next step is step <see cref="StepCount"/> (the original's i).</summary>
    public long StepCount { get; private set; }

    /// <summary>D's optimizer updates so far: Keras's iteration count t in the decayed learning rate.</summary>
    public long UpdatesD { get; private set; }

    /// <summary>G's optimizer updates so far.</summary>
    public long UpdatesG { get; private set; }

    /// <summary>The logged steps (grows across <see cref="Fit"/> calls and survives checkpoints).</summary>
    public KerasGanHistory History { get; private set; } = new();

    /// <summary>Raised after every step, on the training thread (for progress displays).</summary>
    public event Action<KerasGanStep>? StepCompleted;

    /// <summary>Raised when a step is logged (step % LogEvery == 0), on the training thread: the place for live plots.</summary>
    public event Action<KerasGanStep>? Logged;

    /// <summary>Raised when step % SnapshotEvery == 0 (step 0 included), after that step: G(<see cref="VisNoise"/>) in inference mode.</summary>
    public event Action<KerasGanSnapshot>? Snapshot;

    /// <summary>
    /// Trains until <paramref name="steps"/> steps are complete in total (the original runs 10,001: i = 0..10000),
    /// so a trainer resumed from a checkpoint finishes the same run. <paramref name="images"/> is the
    /// training set, (N, C, H, W) like D's input (MNIST: (N, 1, 28, 28) in [0, 1]), on any device.
    /// Polls <paramref name="cancellationToken"/> before every step; stops at the first non-finite loss.
    /// Both return the history so far. With <paramref name="checkpointPath"/>, a checkpoint is written
    /// (atomically) every <see cref="KerasGanOptions.CheckpointEvery"/> steps and when Fit completes or
    /// is cancelled, not when it diverges (the last good one stays).
    /// </summary>
    public KerasGanResult Fit(Tensor images, long steps, string? checkpointPath = null, CancellationToken cancellationToken = default)
    {
        if (images.dim() != 4 || images.shape[0] < 1)
            throw new ArgumentException($"images must be a batch (N, C, H, W) with N ≥ 1, got shape [{string.Join(", ", images.shape)}]", nameof(images));
        if (!is_floating_point(images.dtype))
            throw new ArgumentException($"images must hold floating-point pixels (MNIST: float32 in [0, 1]), got {images.dtype}", nameof(images));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps is a total count of steps, at least 0");
        while (StepCount < steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                SaveCheckpoint(checkpointPath);
                return new KerasGanResult(TrainingStatus.Cancelled, History, $"cancelled after {StepCount} steps");
            }
            var step = TrainStep(images);
            StepCount++;
            if (!step.IsFinite)
            {
                var message = string.Create(CultureInfo.InvariantCulture,
                    $"training diverged at step {step.Step}: loss_D = {step.LossD}, loss_A = {step.LossA}; try smaller learning rates");
                return new KerasGanResult(TrainingStatus.Diverged, History, message, step.Step);
            }
            if (step.Step % Options.LogEvery == 0)
            {
                History.Steps.Add(step);
                Logged?.Invoke(step);
            }
            StepCompleted?.Invoke(step);
            if (step.Step % Options.SnapshotEvery == 0) RaiseSnapshot(step.Step);
            if (StepCount % Options.CheckpointEvery == 0) SaveCheckpoint(checkpointPath);
        }
        SaveCheckpoint(checkpointPath);
        var last = History.Steps.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; step {History.Steps[^1].Step}: loss_D {History.Steps[^1].LossD:F4}, acc_D {History.Steps[^1].AccuracyD:F4}, loss_A {History.Steps[^1].LossA:F4}, acc_A {History.Steps[^1].AccuracyA:F4}");
        return new KerasGanResult(TrainingStatus.Completed, History, $"{StepCount} steps{last}");
    }

    /// <summary>One step of the original loop on <paramref name="images"/> (N, C, H, W); it does not advance <see cref="StepCount"/>.</summary>
    public KerasGanStep TrainStep(Tensor images)
    {
        using var scope = NewDisposeScope();
        var batch = Options.BatchSize;
        var indices = randint(0, images.shape[0], [batch], device: images.device);
        var real = images.index_select(0, indices).to(DType).to(Device);
        var fake = Predict(SampleNoise(batch));
        var x = cat(new List<Tensor> { real, fake });
        var y = cat(new List<Tensor> { ones(batch, 1, DType, Device), zeros(batch, 1, DType, Device) });
        var (lossD, accuracyD) = TrainDiscriminatorOnBatch(x, y);
        var (lossA, accuracyA) = TrainAdversarialOnBatch(SampleNoise(batch), ones(batch, 1, DType, Device));
        return new KerasGanStep(StepCount, lossD, accuracyD, lossA, accuracyA);
    }

    /// <summary>
    /// <c>model_discriminator.train_on_batch(x, y)</c>: D in training mode (dropout on), loss and accuracy
    /// from this forward pass, then one clipped, decayed optimizer update.
    /// </summary>
    public (double Loss, double Accuracy) TrainDiscriminatorOnBatch(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        Discriminator.train();
        OptimizerD.zero_grad();
        var probabilities = Discriminator.call(x);
        var loss = KerasMetrics.BinaryCrossentropy(probabilities, y);
        var accuracy = KerasMetrics.BinaryAccuracy(probabilities, y);
        loss.backward();
        Options.OptimizerD.Step(OptimizerD, UpdatesD++);
        return (loss.ToDoubleValue(), accuracy.ToDoubleValue());
    }

    /// <summary>
    /// <c>model_adversarial.train_on_batch(noise, y)</c>: G and D in training mode, D's parameters frozen
    /// for this pass (no update, and no gradient added to theirs), one clipped, decayed update of G.
    /// </summary>
    public (double Loss, double Accuracy) TrainAdversarialOnBatch(Tensor noise, Tensor y)
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        var frozen = Discriminator.parameters().Where(p => p.requires_grad).ToList();
        foreach (var parameter in frozen) parameter.requires_grad = false;
        try
        {
            OptimizerG.zero_grad();
            var probabilities = Discriminator.call(Generator.call(noise));
            var loss = KerasMetrics.BinaryCrossentropy(probabilities, y);
            var accuracy = KerasMetrics.BinaryAccuracy(probabilities, y);
            loss.backward();
            Options.OptimizerG.Step(OptimizerG, UpdatesG++);
            return (loss.ToDoubleValue(), accuracy.ToDoubleValue());
        }
        finally
        {
            foreach (var parameter in frozen) parameter.requires_grad = true;
        }
    }

    /// <summary><c>net_generator.predict(z)</c>: G in inference mode (moving averages, no dropout) without autograd; G's mode is restored after.</summary>
    public Tensor Predict(Tensor z)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = Generator.training;
        Generator.eval();
        try
        {
            return Generator.call(z).MoveToOuterDisposeScope();
        }
        finally
        {
            Generator.train(wasTraining);
        }
    }

    /// <summary><paramref name="count"/> noise vectors U(−1, 1) on the networks' device.</summary>
    public Tensor SampleNoise(long count) => empty([count, Options.LatentDim], DType, Device).uniform_(-1, 1);

    public void Dispose()
    {
        OptimizerD.Dispose();
        OptimizerG.Dispose();
        VisNoise.Dispose();
        if (!_ownsNetworks) return;
        Generator.Dispose();
        Discriminator.Dispose();
    }

    private void RaiseSnapshot(long step)
    {
        if (Snapshot is null) return;
        using var scope = NewDisposeScope();
        Snapshot(new KerasGanSnapshot(step, Predict(VisNoise).cpu()));
    }

    private void SaveCheckpoint(string? path)
    {
        if (path is null || _checkpointedAt == StepCount) return;
        Checkpoint.Save(this, path);
        _checkpointedAt = StepCount;
    }

    // ---- checkpoints ---------------------------------------------------------------------------

    /// <summary>What a checkpoint records besides tensors.</summary>
    internal sealed record State(string Trainer, long Step, long UpdatesD, long UpdatesG, double[] VisNoise, KerasGanHistory History);

    string ICheckpointable.Kind => nameof(KerasGanTrainer);
    nn.Module ICheckpointable.Generator => Generator;
    nn.Module ICheckpointable.Discriminator => Discriminator;

    object ICheckpointable.SaveState()
    {
        using var values = VisNoise.detach().cpu().to_type(ScalarType.Float64);
        return new State(nameof(KerasGanTrainer), StepCount, UpdatesD, UpdatesG, values.data<double>().ToArray(), History);
    }

    Action ICheckpointable.ReadState(string json, string source)
    {
        var state = System.Text.Json.JsonSerializer.Deserialize<State>(json) ?? throw new InvalidDataException($"{source} has no trainer state");
        if (state.VisNoise is null || state.VisNoise.Length != VisNoise.numel())
            throw new InvalidDataException($"{source} has {state.VisNoise?.Length ?? 0} snapshot noise values; this trainer has {VisNoise.numel()} ({Options.SnapshotCount}×{Options.LatentDim})");
        return () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            VisNoise.copy_(tensor(state.VisNoise, VisNoise.shape).to(DType).to(Device));
            StepCount = state.Step;
            UpdatesD = state.UpdatesD;
            UpdatesG = state.UpdatesG;
            History = state.History ?? new KerasGanHistory();
            _checkpointedAt = state.Step;
        };
    }
}
