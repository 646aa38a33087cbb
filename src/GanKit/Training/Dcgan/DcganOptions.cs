using GanKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Dcgan;

/// <summary>
/// A 64×64 DCGAN run (notebook 04): the networks, the optimizers and the schedule. Three presets, one line each
/// at the call site: <see cref="Jovian"/> (the template the BollyGAN article follows), <see cref="BollyGan"/>
/// (the article's changes) and <see cref="PyTorchTutorial"/>. Immutable: change with <c>with { … }</c>.
/// D's targets, weights and both optimizers come from <see cref="AdversarialOptions"/>.
/// </summary>
public sealed record DcganOptions : AdversarialOptions
{
    /// <summary>
    /// Jovian's "Zero to GANs" anime DCGAN: latent 128, batch norm in D's first layer, PyTorch's default
    /// initialisation, Adam lr 2e-4 with β = (0.5, 0.999) for both networks, batch 128, 25 epochs.
    /// </summary>
    public static DcganOptions Jovian { get; } = new();

    /// <summary>The BollyGAN article's changes to the template: lr 0.005, 60 epochs, latent 64 (its text's (64, 1, 1)).</summary>
    public static DcganOptions BollyGan { get; } = Jovian with { Name = "BollyGan", LatentDim = 64, LearningRateD = 0.005, LearningRateG = 0.005, Epochs = 60 };

    /// <summary>
    /// The PyTorch DCGAN tutorial's networks and schedule: latent (nz) 100, no batch norm in D's first layer,
    /// N(0, 0.02) initialisation (<see cref="Initialization.Dcgan"/>), 5 epochs; lr, β and batch as the template.
    /// (Its loop reuses one fake batch for D's and G's steps; <see cref="DcganTrainer"/> keeps the template's fresh noise.)
    /// </summary>
    public static DcganOptions PyTorchTutorial { get; } = Jovian with { Name = "PyTorchTutorial", LatentDim = 100, BatchNormFirstD = false, TutorialInit = true, Epochs = 5 };

    /// <summary>The presets by name: "Jovian", "BollyGan", "PyTorchTutorial".</summary>
    public static IReadOnlyDictionary<string, DcganOptions> Presets { get; } = new Dictionary<string, DcganOptions>
    {
        [Jovian.Name] = Jovian,
        [BollyGan.Name] = BollyGan,
        [PyTorchTutorial.Name] = PyTorchTutorial,
    };

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), for a notebook's string parameter.</summary>
    public static DcganOptions Preset(string name) =>
        Presets.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
        ?? throw new ArgumentException($"no DCGAN preset '{name}': the presets are {string.Join(", ", Presets.Keys)}", nameof(name));

    /// <summary>Which preset this started from, for run records.</summary>
    public string Name { get; init; } = "Jovian";

    public long LatentDim { get; init; } = 128;

    /// <summary>ngf = ndf: channels of G's last and D's first hidden layer (64 in every preset).</summary>
    public long FeatureMaps { get; init; } = 64;

    /// <summary>Colour channels of the images.</summary>
    public long Channels { get; init; } = 3;

    public int BatchSize { get; init; } = 128;

    public int Epochs { get; init; } = 25;

    /// <summary>Batch norm after D's first convolution (the template's), or not (the PyTorch tutorial's).</summary>
    public bool BatchNormFirstD { get; init; } = true;

    /// <summary>The PyTorch tutorial's N(0, 0.02) initialisation instead of PyTorch's defaults.</summary>
    public bool TutorialInit { get; init; }

    /// <summary>Images in the fixed-latent grid saved after every epoch (the template's 64, 8 per row).</summary>
    public int FixedSamples { get; init; } = 64;

    public DcganOptions()
    {
        LearningRateD = 2e-4;
        LearningRateG = 2e-4;
        Beta1 = 0.5;
    }

    /// <summary>Both networks' Adam learning rate (the presets use one rate for both).</summary>
    public DcganOptions WithLearningRate(double learningRate) => this with { LearningRateD = learningRate, LearningRateG = learningRate };

    public DcganGenerator CreateGenerator(Device? device = null)
    {
        var generator = new DcganGenerator(LatentDim, FeatureMaps, Channels);
        if (TutorialInit) Initialization.Dcgan(generator);
        return device is null ? generator : generator.to(device);
    }

    public DcganDiscriminator CreateDiscriminator(Device? device = null)
    {
        var discriminator = new DcganDiscriminator(FeatureMaps, Channels, BatchNormFirstD);
        if (TutorialInit) Initialization.Dcgan(discriminator);
        return device is null ? discriminator : discriminator.to(device);
    }

    public override void Validate()
    {
        if (LatentDim < 1) throw new ArgumentOutOfRangeException(nameof(LatentDim), LatentDim, "the latent dimension must be at least 1");
        if (FeatureMaps < 1) throw new ArgumentOutOfRangeException(nameof(FeatureMaps), FeatureMaps, "the networks need at least one feature map");
        if (Channels < 1) throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "images have at least one channel");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be at least 1");
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "the number of epochs cannot be negative");
        if (FixedSamples < 1) throw new ArgumentOutOfRangeException(nameof(FixedSamples), FixedSamples, "the fixed-latent grid needs at least one image");
        base.Validate();
    }
}
