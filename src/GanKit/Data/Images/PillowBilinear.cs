namespace GanKit.Data.Images;

/// <summary>
/// Pillow 9.4's <c>Image.resize(size, BILINEAR)</c> of an 8-bit RGB image (libImaging/Resample.c), bit for bit: a
/// separable triangle filter whose support grows with the scale factor when shrinking (so it antialiases), weights
/// normalised per output pixel in double and rounded to fixed point with 22 fraction bits, sums started at one half
/// and clipped to 0…255 after each pass. The horizontal pass runs first; a pass whose size is unchanged is skipped.
/// </summary>
/// <remarks>
/// Every step follows Pillow's arithmetic and evaluation order exactly (double products and sums, C's truncating
/// int casts), since one unit of rounding moves a byte by one level and the aim is equality with torchvision.
/// </remarks>
internal static class PillowBilinear
{
    // 32-bit sums of byte × weight: 8 bits for the value, 2 spare for filters with negative lobes (as in Pillow).
    private const int PrecisionBits = 32 - 8 - 2;
    private const double FilterSupport = 1.0;

    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"cannot resize to {width}×{height} pixels");
        var current = image;
        if (width != current.Width) current = Horizontal(current, width);
        if (height != current.Height) current = Vertical(current, height);
        return current;
    }

    private static RgbImage Horizontal(RgbImage source, int width)
    {
        var (bounds, weights, kernelSize) = Coefficients(source.Width, width);
        var input = source.Pixels;
        var output = new byte[3L * width * source.Height];
        for (var y = 0; y < source.Height; y++)
        {
            var row = (long)y * source.Width;
            for (var x = 0; x < width; x++)
            {
                var (first, count) = (bounds[2 * x], bounds[2 * x + 1]);
                var kernel = x * kernelSize;
                int r = 1 << (PrecisionBits - 1), g = r, b = r;
                for (var i = 0; i < count; i++)
                {
                    var at = 3 * (row + first + i);
                    var weight = weights[kernel + i];
                    r += input[at] * weight;
                    g += input[at + 1] * weight;
                    b += input[at + 2] * weight;
                }
                var to = 3 * ((long)y * width + x);
                (output[to], output[to + 1], output[to + 2]) = (Clip(r), Clip(g), Clip(b));
            }
        }
        return new RgbImage(width, source.Height, output);
    }

    private static RgbImage Vertical(RgbImage source, int height)
    {
        var (bounds, weights, kernelSize) = Coefficients(source.Height, height);
        var input = source.Pixels;
        var stride = 3L * source.Width;
        var output = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var (first, count) = (bounds[2 * y], bounds[2 * y + 1]);
            var kernel = y * kernelSize;
            for (var x = 0; x < source.Width; x++)
            {
                int r = 1 << (PrecisionBits - 1), g = r, b = r;
                for (var i = 0; i < count; i++)
                {
                    var at = (first + i) * stride + 3L * x;
                    var weight = weights[kernel + i];
                    r += input[at] * weight;
                    g += input[at + 1] * weight;
                    b += input[at + 2] * weight;
                }
                var to = y * stride + 3L * x;
                (output[to], output[to + 1], output[to + 2]) = (Clip(r), Clip(g), Clip(b));
            }
        }
        return new RgbImage(source.Width, height, output);
    }

    /// <summary>
    /// For each output position: the first input index and the count of inputs it mixes (in <c>Bounds</c>, two ints
    /// each), and their fixed-point weights (<c>KernelSize</c> slots each).
    /// </summary>
    private static (int[] Bounds, int[] Weights, int KernelSize) Coefficients(int inSize, int outSize)
    {
        // Pillow passes the source box edges as floats (0 and inSize) and widens their difference to double.
        var scale = (double)(float)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = FilterSupport * filterScale;
        var kernelSize = (int)Math.Ceiling(support) * 2 + 1;
        var bounds = new int[2 * outSize];
        var weights = new int[outSize * kernelSize];
        var kernel = new double[kernelSize];
        for (var xx = 0; xx < outSize; xx++)
        {
            var center = (xx + 0.5) * scale;
            var inverseScale = 1.0 / filterScale;
            var min = Math.Max((int)(center - support + 0.5), 0);
            var count = Math.Min((int)(center + support + 0.5), inSize) - min;
            var total = 0.0;
            for (var x = 0; x < count; x++)
            {
                kernel[x] = Triangle((x + min - center + 0.5) * inverseScale);
                total += kernel[x];
            }
            for (var x = 0; x < count; x++)
            {
                if (total != 0.0) kernel[x] /= total;
                var scaled = kernel[x] * (1 << PrecisionBits);
                weights[xx * kernelSize + x] = kernel[x] < 0 ? (int)(-0.5 + scaled) : (int)(0.5 + scaled);
            }
            bounds[2 * xx] = min;
            bounds[2 * xx + 1] = count;
        }
        return (bounds, weights, kernelSize);
    }

    private static double Triangle(double x)
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    private static byte Clip(int sum) => (byte)Math.Clamp(sum >> PrecisionBits, 0, 255);
}
