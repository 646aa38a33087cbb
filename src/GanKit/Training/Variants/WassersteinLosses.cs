using TorchSharp;
using static TorchSharp.torch;

namespace GanKit.Training.Variants;

/// <summary>
/// The WGAN losses (Arjovsky et al., 2017) and WGAN-GP's gradient penalty (Gulrajani et al., 2017), as plain
/// functions a notebook can call and show. The critic outputs unbounded scores (no sigmoid), one per example.
/// </summary>
public static class WassersteinLosses
{
    /// <summary>
    /// The critic's loss, mean D(fake) − mean D(real), to minimise: its negative is the critic's estimate of
    /// the Wasserstein-1 distance between the real and generated distributions (up to the Lipschitz constant).
    /// </summary>
    public static Tensor Critic(Tensor realOutput, Tensor fakeOutput)
    {
        using var scope = NewDisposeScope();
        return fakeOutput.mean().sub(realOutput.mean()).MoveToOuterDisposeScope();
    }

    /// <summary>The generator's loss, −mean D(G(z)): G raises the critic's score of its samples.</summary>
    public static Tensor Generator(Tensor fakeOutput)
    {
        using var scope = NewDisposeScope();
        return fakeOutput.mean().neg().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// WGAN-GP's gradient penalty, mean over the batch of (‖∇D(x̂)‖₂ − 1)² at the <see cref="Interpolates"/> x̂
    /// between real and generated examples: it keeps the critic close to 1-Lipschitz where it matters, instead of
    /// clipping its weights. Returned unscaled; the critic's loss adds λ times it (λ = 10 in the paper).
    /// </summary>
    /// <param name="epsilon">One mixing weight per example, or null to draw them (see <see cref="Interpolates"/>).</param>
    public static Tensor GradientPenalty(nn.Module<Tensor, Tensor> critic, Tensor real, Tensor fake, Tensor? epsilon = null)
    {
        using var scope = NewDisposeScope();
        var norms = GradientNorms(critic, Interpolates(real, fake, epsilon));
        return norms.sub(1).square().mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// x̂ = ε·x + (1 − ε)·x̃: random points on the lines between real examples x and generated examples x̃,
    /// where the penalty is enforced. Both inputs are detached, so the penalty trains the critic only; x̂ is a
    /// fresh leaf that requires grad, so the critic's gradient can be taken w.r.t. it.
    /// </summary>
    /// <param name="real">A batch of real examples, batch first.</param>
    /// <param name="fake">Generated examples of the same shape.</param>
    /// <param name="epsilon">One mixing weight per example (any shape with that many values), broadcast over the
    /// example's other dimensions; null draws ε ~ U[0, 1) with <c>torch.rand</c> from torch's generator, so
    /// <c>manual_seed</c> makes it reproducible.</param>
    public static Tensor Interpolates(Tensor real, Tensor fake, Tensor? epsilon = null)
    {
        if (!real.shape.SequenceEqual(fake.shape))
            throw new ArgumentException($"real and fake must have the same shape, got {Shape(real)} and {Shape(fake)}.", nameof(fake));
        if (real.dim() == 0 || real.shape[0] == 0)
            throw new ArgumentException($"The gradient penalty needs a batch of at least one example, got shape {Shape(real)}.", nameof(real));
        var batch = real.shape[0];
        if (epsilon is not null && epsilon.numel() != batch)
            throw new ArgumentException($"epsilon must have one value per example ({batch}), got shape {Shape(epsilon)}.", nameof(epsilon));

        using var scope = NewDisposeScope();
        var perExample = new long[real.dim()];
        Array.Fill(perExample, 1L);
        perExample[0] = batch;
        var eps = epsilon?.reshape(perExample).to(real.dtype, real.device)
                  ?? rand(perExample, dtype: real.dtype, device: real.device);
        var mixed = eps.mul(real).add(eps.neg().add(1).mul(fake));
        return mixed.detach().requires_grad_(true).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// ‖∇ₓ D(x̂)‖₂ for each example (the L2 norm over all its dimensions), a vector of batch length. The gradient is
    /// taken with create_graph, so the norms stay differentiable w.r.t. the critic's weights (double backward):
    /// without it the penalty would be a constant and silently not train the critic.
    /// </summary>
    public static Tensor GradientNorms(nn.Module<Tensor, Tensor> critic, Tensor interpolates)
    {
        using var scope = NewDisposeScope();
        // Examples are independent (no batch norm in a WGAN-GP critic), so the gradient of the sum is every
        // example's own gradient at once.
        // retain_graph too: TorchSharp frees the graph unless asked, even with create_graph (PyTorch keeps it then).
        var gradients = autograd.grad([critic.forward(interpolates).sum()], [interpolates], retain_graph: true, create_graph: true)[0];
        // sqrt of the sum of squares, as the paper's code writes the norm (so, as there, an example whose gradient
        // is exactly zero would get a NaN gradient: sqrt′(0) = ∞).
        return gradients.flatten(1).square().sum(1).sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// WGAN's weight clipping: clamps every parameter of <paramref name="module"/> to [−c, c] in place, after each
    /// critic update, as the crude way to keep the critic Lipschitz (c = 0.01 in the paper).
    /// </summary>
    public static void ClipWeights(nn.Module module, double c = 0.01)
    {
        if (!(c > 0)) throw new ArgumentOutOfRangeException(nameof(c), c, "The clipping bound must be positive.");
        using var noGrad = no_grad();
        foreach (var parameter in module.parameters()) parameter.clamp_(-c, c);
    }

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}
