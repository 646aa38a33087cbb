namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// The PyTorch DCGAN tutorial's step, shared by workloads 3, 5 and 6: D on the real batch (target 1)
/// and on the detached fake (target 0), summed; then G through D on the same fake (target 1), or, with
/// <c>fresh_noise_for_G</c> (Jovian's template, workload 6), on a fake from fresh noise.
/// BCE; Adam 2e-4 with betas 0.5/0.999 for both networks.
/// </summary>
internal sealed class DcganStyleStep : IGanStep
{
    private readonly Device device;
    private readonly Sequential G, D;
    private readonly BCELoss loss = nn.BCELoss();
    private readonly optim.Optimizer opt_D, opt_G;
    private readonly Tensor real, ones, zeros;
    private readonly long[] noise_shape;
    private readonly bool fresh_noise_for_G;

    public DcganStyleStep(Sequential G, Sequential D, long[] real_shape, long[] noise_shape, Device device, bool fresh_noise_for_G = false)
    {
        this.fresh_noise_for_G = fresh_noise_for_G;
        this.device = device;
        this.G = G.to(device);
        this.D = D.to(device);
        this.noise_shape = noise_shape;
        opt_D = optim.Adam(D.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        opt_G = optim.Adam(G.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        real = torch.rand(real_shape, device: device) * 2 - 1;
        ones = torch.ones(real_shape[0], device: device);
        zeros = torch.zeros(real_shape[0], device: device);
    }

    public void Step()
    {
        var fake = G.call(torch.randn(noise_shape, device: device));
        opt_D.zero_grad();
        var loss_D = loss.call(D.call(real).view(-1), ones) + loss.call(D.call(fake.detach()).view(-1), zeros);
        loss_D.backward();
        opt_D.step();
        opt_G.zero_grad();
        if (fresh_noise_for_G) fake = G.call(torch.randn(noise_shape, device: device));
        var loss_G = loss.call(D.call(fake).view(-1), ones);
        loss_G.backward();
        opt_G.step();
    }

    public void Dispose()
    {
        opt_D.Dispose();
        opt_G.Dispose();
        G.Dispose();
        D.Dispose();
    }
}
