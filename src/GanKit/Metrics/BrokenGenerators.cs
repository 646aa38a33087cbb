using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Deliberately broken "generators" made from real images, each with one known failure, to see which metric
/// notices what (notebook 05): mode collapse (one class only), lost detail (blur), artefacts (noise) and
/// memorisation (copies of the training set). Images in and out are float [N, C, H, W] in [0, 1]; random
/// choices come from torch's generator (seeded by <c>Seeding.Seed</c>).
/// </summary>
public static class BrokenGenerators
{
    /// <summary><paramref name="count"/> real images of class <paramref name="label"/> only: perfect digits, no variety across classes.</summary>
    public static Tensor OneClass(Tensor images, Tensor labels, long label, long count)
    {
        CheckImages(images);
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"labels must be one per image ([{images.shape[0]}]), got shape [{string.Join(", ", labels.shape)}]", nameof(labels));
        using var scope = NewDisposeScope();
        var ofClass = nonzero(labels.eq(label)).flatten();
        if (ofClass.shape[0] == 0) throw new ArgumentException($"no image has label {label}", nameof(label));
        // Draw with replacement only when the class has fewer images than asked for.
        var picks = ofClass.shape[0] >= count
            ? ofClass.index_select(0, randperm(ofClass.shape[0])[..(int)count])
            : ofClass.index_select(0, randint(0, ofClass.shape[0], [count]));
        return images.index_select(0, picks).MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="count"/> training images themselves, drawn without replacement: the generator that memorised its data.</summary>
    public static Tensor Copies(Tensor images, long count)
    {
        CheckImages(images);
        if (count < 1 || count > images.shape[0])
            throw new ArgumentOutOfRangeException(nameof(count), count, $"between 1 and the {images.shape[0]} images there are");
        using var scope = NewDisposeScope();
        return images.index_select(0, randperm(images.shape[0])[..(int)count]).MoveToOuterDisposeScope();
    }

    /// <summary>The images blurred by a Gaussian of <paramref name="sigma"/> pixels (zero padding: MNIST's border is black).</summary>
    public static Tensor Blurred(Tensor images, double sigma)
    {
        CheckImages(images);
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "a blur's sigma is a positive number of pixels");
        using var scope = NewDisposeScope();
        var radius = (long)Math.Ceiling(3 * sigma);
        var offsets = arange(-radius, radius + 1, dtype: ScalarType.Float32);
        var weights = exp(-offsets.pow(2) / (2 * sigma * sigma));
        weights = weights / weights.sum();
        var channels = images.shape[1];
        // Separable: a row pass then a column pass, each channel on its own (groups = channels).
        var rows = weights.reshape(1, 1, 1, -1).expand(channels, 1, 1, -1).contiguous();
        var columns = weights.reshape(1, 1, -1, 1).expand(channels, 1, -1, 1).contiguous();
        var x = images.to_type(ScalarType.Float32);
        x = nn.functional.conv2d(x, rows, padding: [0, radius], groups: channels);
        x = nn.functional.conv2d(x, columns, padding: [radius, 0], groups: channels);
        return x.clamp(0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>The images with Gaussian noise of standard deviation <paramref name="std"/> added, clamped to [0, 1].</summary>
    public static Tensor Noisy(Tensor images, double std)
    {
        CheckImages(images);
        if (!(std > 0)) throw new ArgumentOutOfRangeException(nameof(std), std, "the noise's standard deviation is positive");
        using var scope = NewDisposeScope();
        var x = images.to_type(ScalarType.Float32);
        return (x + randn_like(x) * std).clamp(0, 1).MoveToOuterDisposeScope();
    }

    private static void CheckImages(Tensor images)
    {
        if (images.dim() != 4 || images.shape[0] < 1)
            throw new ArgumentException($"images must be a batch [N, C, H, W] with N ≥ 1, got shape [{string.Join(", ", images.shape)}]", nameof(images));
    }
}
