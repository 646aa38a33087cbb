using GanKit.Models;
using GanKit.Training;
using GanKit.Training.Variants;

namespace GanKit.Tests.Training.Variants;

public class VariantTrainerTests
{
    /// <summary>A variant whose steps return their own number (and NaN from <paramref name="nanAt"/> on): the loop's bookkeeping alone.</summary>
    private sealed class CountingVariant(long nanAt = long.MaxValue) : GanVariant("counting", new ConditionalGanOptions(), new MlpGenerator(4), new MlpDiscriminator(), null)
    {
        public override IReadOnlyList<string> SeriesNames { get; } = ["step", "twice"];
        public override string Recipe => "counts";
        public override Tensor SampleInput(long count) => randn(count, 4);
        protected override Tensor ToUnitRange(Tensor generated) => generated.add(1).div(2);

        protected override double[] TrainStep(BatchStream data)
        {
            data.Next();
            var step = StepCount + 1;
            return step >= nanAt ? [double.NaN, 0] : [step, 2 * step];
        }
    }

    [Fact]
    public void PointsAreMeansOverTheStepsSinceTheLastAndSnapshotsComeOnSchedule()
    {
        using var data = VariantTestData.Digits(8);
        using var variant = new CountingVariant();
        var trainer = new VariantTrainer(variant, data, batchSize: 4, logEvery: 4, snapshotEvery: 5, fixedCount: 3);
        var logged = new List<long>();
        trainer.Logged += p => logged.Add(p.Step);
        var result = trainer.Fit(10);
        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(10, result.Steps);
        Assert.Equal(5, result.Epochs);
        Assert.Equal([4L, 8, 10], logged);
        Assert.Equal([2.5, 5], trainer.History[0].Values);      // steps 1–4
        Assert.Equal([9.5, 19], trainer.History[2].Values);     // steps 9–10
        Assert.Equal([0L, 5, 10], trainer.Snapshots.Select(s => s.Step));
        Assert.Equal([3L, 1, 28, 28], trainer.Snapshots[0].Images.shape);
        Assert.Contains("10 generator steps, 10 real batches of 4 (5 epochs)", result.Message);
        Assert.Equal(TrainingStatus.Completed, trainer.Fit(12).Status);   // a second Fit continues to 12 in all
        Assert.Equal(12, variant.StepCount);
    }

    [Fact]
    public void ANonFiniteValueStopsTheRunAndNamesIt()
    {
        using var data = VariantTestData.Digits(8);
        using var variant = new CountingVariant(nanAt: 3);
        var result = new VariantTrainer(variant, data, 4).Fit(10);
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.Contains("counting diverged at step 3: step = NaN", result.Message);
    }

    [Fact]
    public void CancellationStopsBeforeTheNextStep()
    {
        using var data = VariantTestData.Digits(8);
        using var variant = new CountingVariant();
        using var cancel = new CancellationTokenSource();
        var trainer = new VariantTrainer(variant, data, 4);
        trainer.StepCompleted += step => { if (step == 2) cancel.Cancel(); };
        var result = trainer.Fit(10, cancel.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(2, result.Steps);
    }

    [Fact]
    public void BadSettingsGetClearMessages()
    {
        using var data = VariantTestData.Digits(8);
        using var variant = new CountingVariant();
        Assert.Contains("1 … 8", Assert.Throws<ArgumentOutOfRangeException>(() => new VariantTrainer(variant, data, 9)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariantTrainer(variant, data, 4, logEvery: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariantTrainer(variant, data, 4).Fit(-1));
    }
}
