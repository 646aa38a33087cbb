namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Zero padding of the last two dimensions, <c>before</c> rows and columns in front and <c>after</c>
/// behind: TensorFlow's 'same' padding of a stride-2 convolution on an even input pads (1, 2), which a
/// convolution's own (symmetric) padding cannot express. Written as zeros and a copy into the interior,
/// what aten::constant_pad_nd does, because the binding has no F.pad yet; both twins pad the same way
/// so that all sides run the same ops.
/// </summary>
internal sealed class ZeroPad(long before, long after) : ParameterLessModule<Tensor, Tensor>(nameof(ZeroPad))
{
    public override Tensor forward(Tensor input)
    {
        var shape = input.shape;
        long height = shape[^2], width = shape[^1];
        shape[^2] += before + after;
        shape[^1] += before + after;
        var padded = torch.zeros(shape, input.dtype, input.device);
        padded[TensorIndex.Ellipsis, TensorIndex.Slice(before, before + height), TensorIndex.Slice(before, before + width)] = input;
        return padded;
    }
}
