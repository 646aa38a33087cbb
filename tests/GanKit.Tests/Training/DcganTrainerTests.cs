using GanKit.Checkpoints;
using GanKit.Data;
using GanKit.Models;
using GanKit.Training;
using GanKit.Training.Dcgan;
using static GanKit.Tests.Checkpoints.TrainerState;

namespace GanKit.Tests.Training;

/// <summary>
/// Jovian's DCGAN step, checked against the same step written out by hand, and checkpoints that resume a run
/// exactly. Networks with 4 feature maps keep it fast; the layers and the step are the template's.
/// </summary>
public sealed class DcganTrainerTests : IDisposable
{
    private static readonly DcganOptions Small = DcganOptions.Jovian with { FeatureMaps = 4, LatentDim = 8, BatchSize = 4, FixedSamples = 6 };
    private readonly string _folder = Directory.CreateTempSubdirectory("gankit-dcgan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Six images, so batches of 4 end with a short batch of 2.</summary>
    private static TensorDataset Images(int seed)
    {
        manual_seed(seed);
        return new TensorDataset(rand(6, 3, 64, 64).mul(2).sub(1));
    }

    private static DcganTrainer Trainer(int seed, DcganOptions? options = null)
    {
        manual_seed(seed);
        return DcganTrainer.Create(options ?? Small);
    }

    [Fact]
    public void AStepIsTheTemplatesSumOfBcesWithFreshFullBatchNoise()
    {
        using var trainer = Trainer(1);
        using var twinG = new DcganGenerator(8, 4);
        using var twinD = new DcganDiscriminator(4);
        twinG.load_state_dict(trainer.Generator.state_dict());
        twinD.load_state_dict(trainer.Discriminator.state_dict());
        using var optD = torch.optim.Adam(twinD.parameters(), 2e-4, 0.5, 0.999);
        using var optG = torch.optim.Adam(twinG.parameters(), 2e-4, 0.5, 0.999);
        using var real = rand(2, 3, 64, 64).mul(2).sub(1); // a short last batch
        using var rng = get_rng_state();

        var step = trainer.TrainStep(real, epoch: 1);

        set_rng_state(rng);
        optD.zero_grad();
        var realPreds = twinD.forward(real);
        var fakePreds = twinD.forward(twinG.forward(randn(4, 8, 1, 1))); // 4 fakes against 2 reals, not detached
        var lossD = nn.functional.binary_cross_entropy(realPreds, ones_like(realPreds)) + nn.functional.binary_cross_entropy(fakePreds, zeros_like(fakePreds));
        lossD.backward();
        optD.step();
        optG.zero_grad();
        var preds = twinD.forward(twinG.forward(randn(4, 8, 1, 1)));
        var lossG = nn.functional.binary_cross_entropy(preds, ones_like(preds));
        lossG.backward();
        optG.step();

        Assert.Equal(lossD.item<float>(), (float)step.LossD);
        Assert.Equal(lossG.item<float>(), (float)step.LossG);
        Assert.Equal(realPreds.mean().item<float>(), (float)step.DReal);
        Assert.Equal(fakePreds.mean().item<float>(), (float)step.DFake);
        Assert.Equal(Flat(twinG, twinD), Flat(trainer.Generator, trainer.Discriminator));
    }

    private static float[] Flat(nn.Module g, nn.Module d) =>
        g.parameters().Concat(d.parameters()).SelectMany(p => p.data<float>().ToArray()).ToArray();

    [Fact]
    public void OneEpochSavedAndResumedEqualsTwoStraightEpochs()
    {
        using var data = Images(7);
        var loader = new TensorLoader(data, Small.BatchSize);
        using var straight = Trainer(1);
        var samples = new List<float[]>();
        straight.EpochCompleted += _ => samples.Add(straight.SampleFixed().data<float>().ToArray());
        straight.Fit(loader, epochs: 2);

        var path = Path.Combine(_folder, "dcgan.ckpt");
        using (var first = Trainer(1))
        {
            first.EpochCompleted += _ => first.SampleFixed().Dispose(); // the same train-mode sampling as above
            first.Fit(loader, epochs: 1, checkpointPath: path);
        }
        randn(100).Dispose(); // draws in between must not matter

        using var resumed = Trainer(2);
        var resumedSamples = new List<float[]>();
        resumed.EpochCompleted += _ => resumedSamples.Add(resumed.SampleFixed().data<float>().ToArray());
        Checkpoint.Load(resumed, path);
        Assert.Equal(1, resumed.EpochCount);
        Assert.Equal(straight.FixedLatent.data<float>().ToArray(), resumed.FixedLatent.data<float>().ToArray());
        var result = resumed.Fit(loader, epochs: 2);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(straight.History.Steps, resumed.History.Steps);
        Assert.Equal(straight.History.Epochs.Select(e => e with { Seconds = 0 }), resumed.History.Epochs.Select(e => e with { Seconds = 0 }));
        Assert.Equal(Weights(straight), Weights(resumed));
        Assert.Equal(OptimizerBytes(straight), OptimizerBytes(resumed));
        Assert.Equal(samples[1], resumedSamples.Single());
        Assert.Equal(4, resumed.StepCount); // two batches (4 + 2) per epoch
    }

    /// <summary>The checkpoint of one epoch of <see cref="Small"/> (latent 8, 4 feature maps), in the test's folder.</summary>
    private string OneEpochCheckpoint(string name)
    {
        var path = Path.Combine(_folder, name);
        using var data = Images(7);
        using var saved = Trainer(1);
        saved.Fit(new TensorLoader(data, Small.BatchSize), epochs: 1, checkpointPath: path);
        return path;
    }

    [Fact]
    public void ACheckpointOfAnotherLatentSizeIsRefusedAndChangesNothing()
    {
        var path = OneEpochCheckpoint("latent8.ckpt");
        var bytes = File.ReadAllBytes(path);

        using var other = Trainer(3, Small with { LatentDim = 16 });
        var (weights, latent) = (Weights(other), other.FixedLatent.data<float>().ToArray());
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(other, path));
        Assert.Contains("latent 8", error.Message);
        Assert.Contains("latent is 16", error.Message);
        Assert.Equal(weights, Weights(other));
        Assert.Equal(latent, other.FixedLatent.data<float>().ToArray());
        Assert.Equal(0, other.EpochCount);
        Assert.Equal(bytes, File.ReadAllBytes(path)); // the file is only read
    }

    [Fact]
    public void ACheckpointOfOtherNetworksIsRefusedAndChangesNothing()
    {
        var path = OneEpochCheckpoint("f4.ckpt");
        using var wider = Trainer(3, Small with { FeatureMaps = 8 });
        var weights = Weights(wider);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(wider, path));
        Assert.Contains(path, error.Message);
        Assert.Contains("does not fit this trainer's networks", error.Message);
        Assert.Equal(weights, Weights(wider));
    }

    [Fact]
    public void FitRecordsTheLastBatchPerEpochInTheTemplatesFormat()
    {
        using var data = Images(7);
        using var trainer = Trainer(1);
        var epochs = new List<DcganEpoch>();
        trainer.EpochCompleted += epochs.Add;
        var result = trainer.Fit(new TensorLoader(data, Small.BatchSize), epochs: 2);
        Assert.Equal(2, epochs.Count);
        var last = trainer.History.Steps[^1];
        Assert.Equal((last.LossG, last.LossD, last.DReal, last.DFake), (epochs[1].LossG, epochs[1].LossD, epochs[1].RealScore, epochs[1].FakeScore));
        Assert.Matches(@"^Epoch \[2/2\], loss_g: \d+\.\d{4}, loss_d: \d+\.\d{4}, real_score: 0\.\d{4}, fake_score: 0\.\d{4}$", result.Message);
    }

    [Fact]
    public void ACancelledRunKeepsTheLastWholeEpochsCheckpoint()
    {
        using var data = Images(7);
        var path = Path.Combine(_folder, "cancel.ckpt");
        using var trainer = Trainer(1);
        using var cancel = new CancellationTokenSource();
        trainer.StepCompleted += s => { if (s.Step == 3) cancel.Cancel(); };
        var result = trainer.Fit(new TensorLoader(data, Small.BatchSize), epochs: 3, path, cancel.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Contains("the last whole epoch is 1", result.Message);
        using var resumed = Trainer(2);
        Checkpoint.Load(resumed, path);
        Assert.Equal((1, 2L), (resumed.EpochCount, resumed.StepCount));
    }
}
