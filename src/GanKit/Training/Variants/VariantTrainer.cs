using System.Diagnostics;
using System.Globalization;
using GanKit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Variants;

/// <summary>A point on a variant's curves: the means of its values (<see cref="GanVariant.SeriesNames"/>) over the
/// generator steps since the previous point, ending at generator step <see cref="Step"/> (counted from 1).</summary>
public sealed record VariantPoint(long Step, IReadOnlyList<double> Values);

/// <summary>G's images of the trainer's fixed inputs after <see cref="Step"/> generator steps (0: untrained).</summary>
public sealed record VariantSnapshot(long Step, Tensor Images);

/// <summary>How a training run of a variant ended.</summary>
public sealed record VariantResult(TrainingStatus Status, string Message, long Steps, long Epochs, double Seconds)
{
    public double SecondsPerStep => Steps == 0 ? 0 : Seconds / Steps;
}

/// <summary>
/// Trains one <see cref="GanVariant"/> on real images for a number of generator steps — the unit the variants share,
/// whatever each does inside a step — logging the means of its values every <see cref="LogEvery"/> steps and G's images
/// of fixed inputs every <see cref="SnapshotEvery"/> steps. Stops at the first non-finite value, or when cancelled.
/// </summary>
public sealed class VariantTrainer
{
    private readonly BatchStream _data;
    private readonly Tensor _fixedInput;

    /// <param name="data">Training images (N, 1, 28, 28) in [0, 1] and their labels.</param>
    /// <param name="batchSize">Real images per discriminator or critic update.</param>
    /// <param name="fixedCount">Images in each snapshot (their inputs drawn once, now).</param>
    public VariantTrainer(GanVariant variant, LabelledImages data, int batchSize, int logEvery = 20, int snapshotEvery = 200, int fixedCount = 20)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (logEvery < 1) throw new ArgumentOutOfRangeException(nameof(logEvery), logEvery, "log at least every step");
        if (snapshotEvery < 1) throw new ArgumentOutOfRangeException(nameof(snapshotEvery), snapshotEvery, "snapshot at least every step");
        if (fixedCount < 1) throw new ArgumentOutOfRangeException(nameof(fixedCount), fixedCount, "a snapshot has at least one image");
        Variant = variant;
        LogEvery = logEvery;
        SnapshotEvery = snapshotEvery;
        _data = new BatchStream(data, batchSize, variant.Device);
        _fixedInput = variant.SampleInput(fixedCount).DetachFromDisposeScope();
    }

    public GanVariant Variant { get; }

    public int LogEvery { get; }

    public int SnapshotEvery { get; }

    /// <summary>The logged points so far.</summary>
    public List<VariantPoint> History { get; } = [];

    /// <summary>The snapshots so far, the untrained G's first.</summary>
    public List<VariantSnapshot> Snapshots { get; } = [];

    /// <summary>Raised at every logged point, on the training thread: the place for live curves.</summary>
    public event Action<VariantPoint>? Logged;

    /// <summary>Raised at every snapshot, on the training thread.</summary>
    public event Action<VariantSnapshot>? Snapshot;

    /// <summary>Raised after every generator step with the number of steps done, on the training thread.</summary>
    public event Action<long>? StepCompleted;

    /// <summary>Trains until the variant has made <paramref name="steps"/> generator steps in all.</summary>
    public VariantResult Fit(long steps, CancellationToken cancellationToken = default)
    {
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "the number of steps cannot be negative");
        var clock = Stopwatch.StartNew();
        if (Snapshots.Count == 0) TakeSnapshot();
        var names = Variant.SeriesNames;
        var sums = new double[names.Count];
        var counted = 0;
        while (Variant.StepCount < steps)
        {
            if (cancellationToken.IsCancellationRequested)
                return End(TrainingStatus.Cancelled, $"cancelled after step {Variant.StepCount}", clock);
            var values = Variant.Step(_data);
            var bad = Array.FindIndex(values, v => !double.IsFinite(v));
            if (bad >= 0)
                return End(TrainingStatus.Diverged, string.Create(CultureInfo.InvariantCulture,
                    $"{Variant.Name} diverged at step {Variant.StepCount}: {names[bad]} = {values[bad]}; try a smaller learning rate"), clock);
            for (var i = 0; i < sums.Length; i++) sums[i] += values[i];
            counted++;
            var step = Variant.StepCount;
            if (step % LogEvery == 0 || step == steps)
            {
                var point = new VariantPoint(step, sums.Select(s => s / counted).ToArray());
                History.Add(point);
                Array.Clear(sums);
                counted = 0;
                Logged?.Invoke(point);
            }
            if (step % SnapshotEvery == 0 || step == steps) TakeSnapshot();
            StepCompleted?.Invoke(step);
        }
        return End(TrainingStatus.Completed, string.Create(CultureInfo.InvariantCulture,
            $"{Variant.Name}: {Variant.StepCount} generator steps, {_data.BatchCount} real batches of {_data.BatchSize} ({_data.EpochCount} epochs)"), clock);
    }

    private VariantResult End(TrainingStatus status, string message, Stopwatch clock) =>
        new(status, message, Variant.StepCount, _data.EpochCount, clock.Elapsed.TotalSeconds);

    private void TakeSnapshot()
    {
        if (Snapshots.Count > 0 && Snapshots[^1].Step == Variant.StepCount) return;
        var snapshot = new VariantSnapshot(Variant.StepCount, Variant.Generate(_fixedInput).DetachFromDisposeScope());
        Snapshots.Add(snapshot);
        Snapshot?.Invoke(snapshot);
    }
}
