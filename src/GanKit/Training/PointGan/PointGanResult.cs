using GanKit.Models;

namespace GanKit.Training.PointGan;

/// <summary>
/// What a batch of PointGAN runs recorded: every seed's nine parameters at <see cref="RecordedSteps"/>
/// (step 0 is the initialisation). Plain arrays, ready for tables, curves and animation frames.
/// </summary>
public sealed class PointGanResult
{
    internal PointGanResult(IReadOnlyList<int> seeds, PointGanOptions options, List<int> recordedSteps, List<float[]> snapshots,
        bool cancelled, double seconds)
    {
        Seeds = seeds;
        Options = options;
        RecordedSteps = recordedSteps;
        _snapshots = snapshots;
        Cancelled = cancelled;
        Seconds = seconds;
    }

    private readonly List<float[]> _snapshots; // per record: S × 9, seed-major

    public IReadOnlyList<int> Seeds { get; }
    public PointGanOptions Options { get; }
    public IReadOnlyList<int> RecordedSteps { get; }

    /// <summary>True when the cancellation token stopped training early (the records stop there).</summary>
    public bool Cancelled { get; }

    /// <summary>Wall time of the whole batch; <see cref="SecondsPerRun"/> divides it by the seeds.</summary>
    public double Seconds { get; }

    public double SecondsPerRun => Seconds / Seeds.Count;

    /// <summary>Seed <paramref name="seedIndex"/>'s parameters at record <paramref name="record"/>.</summary>
    public PointGanParameters At(int record, int seedIndex) =>
        PointGanParameters.FromArray(_snapshots[record].AsSpan(seedIndex * PointGanParameters.Count, PointGanParameters.Count));

    public PointGanParameters Final(int seedIndex) => At(RecordedSteps.Count - 1, seedIndex);

    /// <summary>w → 0 and b → 1 within <see cref="PointGanOptions.SuccessTolerance"/>.</summary>
    public bool Succeeded(int seedIndex)
    {
        var final = Final(seedIndex);
        return Math.Abs(final.W) < Options.SuccessTolerance && Math.Abs(final.B - 1) < Options.SuccessTolerance;
    }

    public double SuccessRate => Enumerable.Range(0, Seeds.Count).Count(Succeeded) / (double)Seeds.Count;

    /// <summary>One seed's curve of one parameter over the records, e.g. <c>Curve(0, p => p.W)</c>.</summary>
    public double[] Curve(int seedIndex, Func<PointGanParameters, double> select) =>
        Enumerable.Range(0, RecordedSteps.Count).Select(r => select(At(r, seedIndex))).ToArray();

    /// <summary>Mean and (population) standard deviation across seeds of one parameter, per record.</summary>
    public (double[] Mean, double[] Std) AcrossSeeds(Func<PointGanParameters, double> select)
    {
        var mean = new double[RecordedSteps.Count];
        var std = new double[RecordedSteps.Count];
        for (var r = 0; r < RecordedSteps.Count; r++)
        {
            var values = Enumerable.Range(0, Seeds.Count).Select(s => select(At(r, s))).ToArray();
            mean[r] = values.Average();
            std[r] = Math.Sqrt(values.Select(v => (v - mean[r]) * (v - mean[r])).Average());
        }
        return (mean, std);
    }
}
