using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Training.Variants;

/// <summary>The settings of a <see cref="GanVariant"/>.</summary>
public interface IVariantOptions
{
    /// <summary>The discriminator's (or critic's) optimizer.</summary>
    OptimizerSettings OptimizerD { get; }

    /// <summary>The generator's optimizer.</summary>
    OptimizerSettings OptimizerG { get; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    void Validate();
}

/// <summary>
/// One of notebook 06's GAN variants: a generator, a discriminator or critic, their optimizers, and the one training
/// step that makes the variant what it is (<see cref="TrainStep"/>). Images go in and come out in [0, 1], as GanKit's
/// datasets and metrics hold them, whatever range the generator itself draws in. <see cref="VariantTrainer"/> runs
/// the steps; the subclasses are <see cref="ConditionalGan"/>, <see cref="WassersteinGan"/> and <see cref="InfoGan"/>.
/// </summary>
public abstract class GanVariant : IDisposable
{
    private const int GenerateBatch = 500;

    protected GanVariant(string name, IVariantOptions settings, nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, Device? device)
    {
        Name = name;
        Settings = settings;
        Device = device ?? CPU;
        Generator = generator.to(Device);
        Discriminator = discriminator.to(Device);
        // After the move: the optimizers hold the parameters where they train.
        OptimizerD = settings.OptimizerD.Create(Discriminator.parameters());
        OptimizerG = settings.OptimizerG.Create(Generator.parameters());
    }

    /// <summary>How tables and figures name it: "CGAN", "WGAN", "WGAN-GP", "InfoGAN".</summary>
    public string Name { get; }

    /// <summary>The variant's options record (for a run's parameters: <c>RunParameters.Of(variant.Settings)</c>).</summary>
    public IVariantOptions Settings { get; }

    public Device Device { get; }

    public nn.Module<Tensor, Tensor> Generator { get; }

    /// <summary>The discriminator, or the critic of a Wasserstein GAN.</summary>
    public nn.Module<Tensor, Tensor> Discriminator { get; }

    protected OptimizerHelper OptimizerD { get; }

    protected OptimizerHelper OptimizerG { get; }

    /// <summary>Generator updates done.</summary>
    public long StepCount { get; private set; }

    /// <summary>The names of the values each step returns, in order (e.g. "loss D", "W estimate").</summary>
    public abstract IReadOnlyList<string> SeriesNames { get; }

    /// <summary>The variant's settings in one line: networks, losses, optimizers, steps.</summary>
    public abstract string Recipe { get; }

    /// <summary>Classes it draws on request (<see cref="GenerateClasses"/>); 0 for an unconditional generator.</summary>
    public virtual int ClassCount => 0;

    /// <summary>
    /// One generator update and the discriminator's or critic's updates before it, on real batches from
    /// <paramref name="data"/>: the values named by <see cref="SeriesNames"/>, means over the step's updates.
    /// </summary>
    public double[] Step(BatchStream data)
    {
        Generator.train();
        Discriminator.train();
        using var scope = NewDisposeScope();
        var values = TrainStep(data);
        StepCount++;
        return values;
    }

    /// <summary>The generator's inputs for <paramref name="count"/> images, drawn with torch's generator (conditional
    /// variants cycle through their classes or categories: example i gets i mod classes).</summary>
    public abstract Tensor SampleInput(long count);

    /// <summary>
    /// The generator's images for <paramref name="input"/> (see <see cref="SampleInput"/>), (B, 1, 28, 28) float in
    /// [0, 1] on the CPU, without autograd and with batch norm in inference mode (its running statistics).
    /// </summary>
    public Tensor Generate(Tensor input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Generator.eval();
        try
        {
            var parts = new List<Tensor>();
            for (long start = 0; start < input.shape[0]; start += GenerateBatch)
            {
                var slice = input.narrow(0, start, Math.Min(GenerateBatch, input.shape[0] - start)).to(Device);
                parts.Add(ToUnitRange(Generator.forward(slice)).to(ScalarType.Float32, CPU));
            }
            return cat(parts, 0).MoveToOuterDisposeScope();
        }
        finally
        {
            Generator.train();
        }
    }

    /// <summary><paramref name="count"/> images of new random inputs (see <see cref="Generate(Tensor)"/>).</summary>
    public Tensor Generate(long count)
    {
        using var scope = NewDisposeScope();
        return Generate(SampleInput(count)).MoveToOuterDisposeScope();
    }

    /// <summary>Images of the requested classes (int64 labels (B)), for a conditional variant; see <see cref="ClassCount"/>.</summary>
    public virtual Tensor GenerateClasses(Tensor labels) =>
        throw new NotSupportedException($"{Name} is unconditional: it cannot draw images of a requested class");

    /// <summary>Maps the generator's output range to [0, 1].</summary>
    protected abstract Tensor ToUnitRange(Tensor generated);

    protected abstract double[] TrainStep(BatchStream data);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Validates a variant's options before its networks are built (a constructor's first argument).</summary>
    protected static T Checked<T>(T options) where T : IVariantOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
