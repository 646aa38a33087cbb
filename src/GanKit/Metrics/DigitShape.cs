using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Metrics;

/// <summary>
/// Three numbers per grey image from its intensity moments, to say in figures what a latent code changes: the
/// <see cref="DigitShapes.Slant"/> (pixels the stroke moves right per pixel up: positive leans right, like italics),
/// the <see cref="DigitShapes.Width"/> (the horizontal standard deviation of the ink once the slant is taken out, in
/// pixels) and the <see cref="DigitShapes.Ink"/> (mean intensity: thicker strokes, more ink). Used in notebook 06 for
/// InfoGAN's continuous codes.
/// </summary>
public static class DigitShape
{
    /// <summary>The shapes of images (N, 1, H, W) in [0, 1]; an empty image gets zeros.</summary>
    public static DigitShapes Measure(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 1)
            throw new ArgumentException($"images must be grey (N, 1, H, W); got [{string.Join(", ", images.shape)}]", nameof(images));
        using var scope = NewDisposeScope();
        var ink = images.to(ScalarType.Float64, CPU).squeeze(1);                       // (N, H, W)
        var (h, w) = (ink.shape[1], ink.shape[2]);
        var y = arange(h, dtype: ScalarType.Float64).view(1, h, 1);                  // rows, downwards
        var x = arange(w, dtype: ScalarType.Float64).view(1, 1, w);
        var mass = ink.sum([1, 2]).clamp_min(1e-12);
        Tensor Mean(Tensor f) => ink.mul(f).sum([1, 2]).div(mass);
        var (cx, cy) = (Mean(x), Mean(y));
        var dx = x.sub(cx.view(-1, 1, 1));
        var dy = y.sub(cy.view(-1, 1, 1));
        var (xx, yy, xy) = (Mean(dx.square()), Mean(dy.square()), Mean(dx.mul(dy)));
        // Upwards is −y, so a stroke leaning right has x falling as y grows: slant = −cov(x, y) / var(y).
        var slant = xy.neg().div(yy.clamp_min(1e-12));
        var width = xx.sub(xy.square().div(yy.clamp_min(1e-12))).clamp_min(0).sqrt();
        return new DigitShapes(slant.data<double>().ToArray(), width.data<double>().ToArray(), ink.mean([1, 2]).data<double>().ToArray());
    }
}

/// <summary>Per image: slant (pixels right per pixel up), width (pixels) and ink (mean intensity); see <see cref="DigitShape"/>.</summary>
public sealed record DigitShapes(IReadOnlyList<double> Slant, IReadOnlyList<double> Width, IReadOnlyList<double> Ink);
