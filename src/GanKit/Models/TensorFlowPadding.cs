using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanKit.Models;

/// <summary>
/// Keras/TensorFlow 'same' padding. TF makes the output ⌈size / stride⌉ long and pads the missing
/// total (output − 1)·stride + kernel − size with the smaller half before and the larger half after,
/// so a stride-2 5×5 convolution on 28 or 14 pixels pads 1 before and 2 after. PyTorch's padding
/// argument is symmetric, hence an explicit <see cref="ZeroPad2d"/> in front of such convolutions.
/// </summary>
public static class TensorFlowPadding
{
    /// <summary>(before, after) for one spatial dimension.</summary>
    public static (long Before, long After) Same(long size, long kernel, long stride)
    {
        if (size < 1 || kernel < 1 || stride < 1)
            throw new ArgumentOutOfRangeException(nameof(size), $"size {size}, kernel {kernel} and stride {stride} must all be positive");
        var output = (size + stride - 1) / stride;
        var total = Math.Max((output - 1) * stride + kernel - size, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>The zero padding TF adds around a square <paramref name="size"/>×<paramref name="size"/> input.</summary>
    public static ZeroPad2d SamePad2d(long size, long kernel, long stride)
    {
        var (before, after) = Same(size, kernel, stride);
        return nn.ZeroPad2d((before, after, before, after));
    }
}
