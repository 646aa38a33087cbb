using GanKit.Models;
using GanKit.Training.Variants;
using F = TorchSharp.torch.nn.functional;

namespace GanKit.Tests.Training.Variants;

public class ConditionalGanTests
{
    private static readonly ConditionalGanOptions Options = new();

    [Fact]
    public void TheLabelIsAppendedOneHotToNoiseAndToFlattenedImages()
    {
        manual_seed(1);
        using var gan = new ConditionalGan(Options);
        using var z = randn(3, 100);
        using var labels = tensor(new long[] { 7, 0, 9 });
        using var input = gan.WithLabels(z, labels);
        Assert.Equal([3L, 110], input.shape);
        Assert.Equal(z.data<float>().ToArray(), input[.., ..100].contiguous().data<float>().ToArray());
        var oneHot = input[.., 100..].contiguous().data<float>().ToArray();
        for (var row = 0; row < 3; row++)
            for (var c = 0; c < 10; c++)
                Assert.Equal(c == labels[row].item<long>() ? 1f : 0f, oneHot[row * 10 + c]);
        using var images = rand(3, 1, 28, 28);
        Assert.Equal([3L, 794], gan.WithLabels(images, labels).shape);
    }

    [Fact]
    public void AStepIsTheSameStepWrittenOutByHand()
    {
        using var data = VariantTestData.Digits(8);
        manual_seed(2);
        using var gan = new ConditionalGan(Options);
        using var g = new MlpGenerator(100, 10);
        using var d = new MlpDiscriminator(10);
        g.load_state_dict(gan.Generator.state_dict());
        d.load_state_dict(gan.Discriminator.state_dict());
        var optD = Options.OptimizerD.Create(d.parameters());
        var optG = Options.OptimizerG.Create(g.parameters());

        manual_seed(3);
        var values = gan.Step(new BatchStream(data, 4));

        manual_seed(3);
        using var order = randperm(8);   // the stream's first epoch
        using var batch = order[..4];
        var real = data.Images.index_select(0, batch).mul(2).sub(1);
        var labels = data.Labels.index_select(0, batch);
        var fakeLabels = randint(10, [4], dtype: ScalarType.Int64);
        Tensor Joined(Tensor x, Tensor y) => cat([x.flatten(1), F.one_hot(y, 10).to(ScalarType.Float32)], 1);
        var fake = g.forward(Joined(randn(4, 100), fakeLabels));
        optD.zero_grad();
        var lossD = F.binary_cross_entropy_with_logits(d.forward(Joined(real, labels)), ones(4, 1))
            .add(F.binary_cross_entropy_with_logits(d.forward(Joined(fake.detach(), fakeLabels)), zeros(4, 1)));
        lossD.backward();
        optD.step();
        optG.zero_grad();
        var lossG = F.binary_cross_entropy_with_logits(d.forward(Joined(fake, fakeLabels)), ones(4, 1));
        lossG.backward();
        optG.step();

        Assert.Equal(lossD.item<float>(), values[0], 6);
        Assert.Equal(lossG.item<float>(), values[1], 6);
        foreach (var (ours, twin) in gan.Generator.parameters().Zip(g.parameters()).Concat(gan.Discriminator.parameters().Zip(d.parameters())))
            Assert.True(ours.allclose(twin, rtol: 0, atol: 1e-6), "the step's weights differ from the hand-written step's");
        Assert.Equal(1, gan.StepCount);
    }

    [Fact]
    public void ItDrawsTheClassesAskedForInZeroToOne()
    {
        manual_seed(4);
        using var gan = new ConditionalGan(Options);
        using var images = gan.GenerateClasses(tensor(new long[] { 3, 3, 8 }));
        Assert.Equal([3L, 1, 28, 28], images.shape);
        Assert.True(images.min().item<float>() >= 0f && images.max().item<float>() <= 1f);
        Assert.Equal(10, gan.ClassCount);
        using var input = gan.SampleInput(12);   // labels cycle through the classes
        Assert.Equal(1f, input[11, 101].item<float>());
        Assert.Equal(1f, input[0, 100].item<float>());
    }

    [Fact]
    public void BadOptionsAreRefusedBeforeAnyNetworkIsBuilt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalGan(Options with { ClassCount = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalGan(Options with { OptimizerD = new() { LearningRate = -1 } }));
        Assert.Throws<ArgumentNullException>(() => new ConditionalGan(null!));
    }
}
