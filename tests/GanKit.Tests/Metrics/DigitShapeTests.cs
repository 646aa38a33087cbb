using GanKit.Metrics;

namespace GanKit.Tests.Metrics;

public class DigitShapeTests
{
    private static Tensor Image(params (int Row, int Column)[] pixels)
    {
        var image = zeros(1, 1, 28, 28);
        foreach (var (r, c) in pixels) image[0, 0, r, c] = tensor(1f);
        return image;
    }

    [Fact]
    public void AnUprightBarHasNoSlantAndItsColumnsSpread()
    {
        using var bar = Image(Enumerable.Range(4, 20).SelectMany(r => new[] { (r, 13), (r, 14) }).ToArray());
        var shape = DigitShape.Measure(bar);
        Assert.Equal(0, shape.Slant[0], 12);
        Assert.Equal(0.5, shape.Width[0], 12);                 // two columns one pixel apart: std 0.5
        Assert.Equal(40.0 / 784, shape.Ink[0], 12);
    }

    [Fact]
    public void AStrokeLeaningRightHasSlantOneAndNoWidthLeft()
    {
        // From the bottom left to the top right: one pixel right per pixel up.
        using var stroke = Image(Enumerable.Range(0, 16).Select(i => (22 - i, 6 + i)).ToArray());
        var shape = DigitShape.Measure(stroke);
        Assert.Equal(1, shape.Slant[0], 12);
        Assert.Equal(0, shape.Width[0], 6);
        using var mirrored = Image(Enumerable.Range(0, 16).Select(i => (22 - i, 21 - i)).ToArray());
        Assert.Equal(-1, DigitShape.Measure(mirrored).Slant[0], 12);
    }

    [Fact]
    public void OnlyGreyImageBatchesAreMeasured()
    {
        Assert.Throws<ArgumentException>(() => DigitShape.Measure(zeros(2, 3, 28, 28)));
        Assert.Equal(0, DigitShape.Measure(zeros(1, 1, 28, 28)).Width[0]);
    }
}
