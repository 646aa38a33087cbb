using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanKit.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using GanKit.Data;

namespace GanKit.Training;

/// <summary>
/// A small GAN trainer in d2l's shape: each iteration draws Z once, updates D on real data against
/// G(Z).detach() (<see cref="UpdateDiscriminator"/>), then updates G through the already-updated D
/// (<see cref="UpdateGenerator"/>). Every step runs in its own dispose scope, so memory stays flat.
/// Used in notebook 01.
/// </summary>
public sealed class GanTrainer : IDisposable, ICheckpointable
{
    public GanTrainer(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, GanOptions options)
    {
        options.Validate();
        Generator = generator;
        Discriminator = discriminator;
        Options = options;
        OptimizerD = options.OptimizerSettingsD.Create(discriminator.parameters());
        OptimizerG = options.OptimizerSettingsG.Create(generator.parameters());
    }

    public nn.Module<Tensor, Tensor> Generator { get; }
    public nn.Module<Tensor, Tensor> Discriminator { get; }
    public GanOptions Options { get; }
    public OptimizerHelper OptimizerD { get; }
    public OptimizerHelper OptimizerG { get; }

    /// <summary>What the run measured so far (it grows across <see cref="Fit"/> calls and survives checkpoints).</summary>
    public TrainingHistory History { get; private set; } = new();

    /// <summary>Iterations (one G update each) completed.</summary>
    public long StepCount { get; private set; }

    /// <summary>Epochs completed.</summary>
    public int EpochCount { get; private set; }

    /// <summary>Raised after every iteration, on the training thread.</summary>
    public event Action<StepRecord>? StepCompleted;

    /// <summary>Raised after every epoch, on the training thread: the place for live plots.</summary>
    public event Action<EpochRecord>? EpochCompleted;

    /// <summary>One D update (d2l's update_D). Losses come back as per-example means.</summary>
    /// <param name="realWeights">Optional weight per real example, multiplied by <see cref="GanOptions.RealWeight"/>.</param>
    public DiscriminatorStep UpdateDiscriminator(Tensor real, Tensor z, Tensor? realWeights = null)
    {
        using var scope = NewDisposeScope();
        var batchSize = real.shape[0];
        OptimizerD.zero_grad();
        var realOutput = Discriminator.forward(real);
        var fakeOutput = Discriminator.forward(Generator.forward(z).detach());
        var loss = GanLosses.Discriminator(realOutput, fakeOutput, Options,
            ExampleWeights(realWeights, Options.RealWeight, realOutput),
            ExampleWeights(null, Options.FakeWeight, fakeOutput));
        loss.backward();
        var gradientNorm = TensorValues.GradientNorm(Discriminator.parameters());
        OptimizerD.step();
        return new DiscriminatorStep(PerExample(loss, batchSize),
            GanLosses.MeanProbability(realOutput, Options.Output),
            GanLosses.MeanProbability(fakeOutput, Options.Output),
            gradientNorm);
    }

    /// <summary>One G update through the current D (d2l's update_G); only G's optimizer steps.</summary>
    public GeneratorStep UpdateGenerator(Tensor z)
    {
        using var scope = NewDisposeScope();
        OptimizerG.zero_grad();
        var loss = GanLosses.Generator(Discriminator.forward(Generator.forward(z)), Options);
        loss.backward();
        var gradientNorm = TensorValues.GradientNorm(Generator.parameters());
        OptimizerG.step();
        return new GeneratorStep(PerExample(loss, z.shape[0]), gradientNorm);
    }

    /// <summary>
    /// Trains until <paramref name="epochs"/> epochs are complete in total (so a resumed trainer
    /// finishes the same run). Polls <paramref name="cancellationToken"/> before every step and
    /// stops at the first non-finite loss or gradient norm; both return the history so far.
    /// A dataset's second tensor, when it has one, holds per-example weights for the real examples.
    /// </summary>
    public TrainingResult Fit(TensorLoader loader, int epochs, CancellationToken cancellationToken = default)
    {
        while (EpochCount < epochs)
        {
            var epoch = EpochCount + 1;
            var clock = Stopwatch.StartNew();
            var totals = new EpochTotals();
            foreach (var batch in loader)
            {
                if (cancellationToken.IsCancellationRequested)
                    return new TrainingResult(TrainingStatus.Cancelled, History, $"cancelled after step {StepCount} (epoch {epoch})");
                var step = TrainStep(batch, epoch);
                History.Steps.Add(step);
                if (!IsFinite(step))
                {
                    var message = string.Create(CultureInfo.InvariantCulture,
                        $"training diverged at step {step.Step} (epoch {epoch}): loss_D = {step.LossD}, loss_G = {step.LossG}, |grad D| = {step.GradNormD}, |grad G| = {step.GradNormG}; try smaller learning rates");
                    return new TrainingResult(TrainingStatus.Diverged, History, message, step.Step);
                }
                totals.Add(step, batch[0].shape[0]);
                StepCompleted?.Invoke(step);
            }
            EpochCount = epoch;
            var record = totals.ToRecord(epoch, clock.Elapsed.TotalSeconds);
            History.Epochs.Add(record);
            EpochCompleted?.Invoke(record);
        }
        return new TrainingResult(TrainingStatus.Completed, History, History.Summary());
    }

    /// <summary><paramref name="count"/> generated examples, without autograd.</summary>
    public Tensor Generate(long count)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var like = Generator.parameters().First();
        return Generator.forward(randn(new[] { count, Options.LatentDim }, like.dtype, like.device)).MoveToOuterDisposeScope();
    }

    /// <summary>What a checkpoint records besides tensors (format 3: no trainer name, which means this trainer).</summary>
    internal sealed record State(int Epoch, long Step, TrainingHistory History);

    string ICheckpointable.Kind => nameof(GanTrainer);
    nn.Module ICheckpointable.Generator => Generator;
    nn.Module ICheckpointable.Discriminator => Discriminator;

    object ICheckpointable.SaveState() => new State(EpochCount, StepCount, History);

    Action ICheckpointable.ReadState(string json, string source)
    {
        var state = JsonSerializer.Deserialize<State>(json) ?? throw new InvalidDataException($"{source} has no trainer state");
        return () =>
        {
            EpochCount = state.Epoch;
            StepCount = state.Step;
            History = state.History;
        };
    }

    public void Dispose()
    {
        OptimizerD.Dispose();
        OptimizerG.Dispose();
    }

    /// <summary>One iteration: Z drawn once and shared by the D step(s) and the G step, as in d2l.</summary>
    private StepRecord TrainStep(Tensor[] batch, int epoch)
    {
        using var scope = NewDisposeScope();
        var real = batch[0];
        var weights = batch.Length > 1 ? batch[1] : null;
        var z = randn(new[] { real.shape[0], Options.LatentDim }, real.dtype, real.device);
        var d = UpdateDiscriminator(real, z, weights);
        for (var extra = 1; extra < Options.DiscriminatorSteps; extra++) d = UpdateDiscriminator(real, z, weights);
        var g = UpdateGenerator(z);
        StepCount++;
        return new StepRecord(StepCount, epoch, d.Loss, g.Loss, d.DReal, d.DFake, d.GradientNorm, g.GradientNorm);
    }

    /// <summary>Per-example weights for BCE, or null when every example weighs 1.</summary>
    private static Tensor? ExampleWeights(Tensor? column, double scale, Tensor output)
    {
        if (column is null) return scale == 1.0 ? null : full(new[] { output.shape[0] }, scale, dtype: output.dtype, device: output.device);
        return scale == 1.0 ? column : column.mul(scale);
    }

    private double PerExample(Tensor loss, long batchSize) =>
        loss.ToDoubleValue() / (Options.Reduction == LossReduction.Sum ? batchSize : 1);

    private static bool IsFinite(StepRecord step) =>
        double.IsFinite(step.LossD) && double.IsFinite(step.LossG) && double.IsFinite(step.GradNormD) && double.IsFinite(step.GradNormG);

    /// <summary>Running sums over one epoch, turned into d2l's per-example means at its end.</summary>
    private sealed class EpochTotals
    {
        private double _lossD, _lossG, _dReal, _dFake, _gradD, _gradG;
        private long _examples;
        private int _steps;

        public void Add(StepRecord step, long batchSize)
        {
            _lossD += step.LossD * batchSize;
            _lossG += step.LossG * batchSize;
            _dReal += step.DReal;
            _dFake += step.DFake;
            _gradD += step.GradNormD;
            _gradG += step.GradNormG;
            _examples += batchSize;
            _steps++;
        }

        public EpochRecord ToRecord(int epoch, double seconds)
        {
            var steps = Math.Max(_steps, 1);
            var examples = Math.Max(_examples, 1);
            return new EpochRecord(epoch, _lossD / examples, _lossG / examples, _dReal / steps, _dFake / steps,
                _gradD / steps, _gradG / steps, seconds > 0 ? _examples / seconds : 0, seconds);
        }
    }
}

/// <summary>What one D update measured (per-example loss, mean D(x) and D(G(z)) as probabilities, gradient norm).</summary>
public sealed record DiscriminatorStep(double Loss, double DReal, double DFake, double GradientNorm);

/// <summary>What one G update measured.</summary>
public sealed record GeneratorStep(double Loss, double GradientNorm);
