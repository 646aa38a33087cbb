namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Workload 1, d2l's 2-D Gaussian GAN, batch 8: G Linear(2,2); D 2→5→3→1 with tanh; BCE on logits,
/// summed as d2l does; Adam 0.05 for D, 0.005 for G. G(Z) is recomputed for G's update, as in d2l.
/// </summary>
internal sealed class GaussianGan : IGanStep
{
    private readonly int batch;
    private readonly Device device;
    private readonly Linear G;
    private readonly Sequential D;
    private readonly BCEWithLogitsLoss loss = nn.BCEWithLogitsLoss(reduction: nn.Reduction.Sum);
    private readonly optim.Optimizer opt_D, opt_G;
    private readonly Tensor real, ones, zeros;

    public GaussianGan(Device device, int batch)
    {
        this.device = device;
        this.batch = batch;
        G = nn.Linear(2, 2).to(device);
        D = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 3), nn.Tanh(), nn.Linear(3, 1)).to(device);
        opt_D = optim.Adam(D.parameters(), lr: 0.05);
        opt_G = optim.Adam(G.parameters(), lr: 0.005);
        var A = torch.tensor(new float[] { 1.0f, 2.0f, -0.1f, 0.5f }, device: device).view(2, 2);
        var b = torch.tensor(new float[] { 1.0f, 2.0f }, device: device);
        real = torch.randn(batch, 2, device: device).matmul(A) + b;
        ones = torch.ones(batch, 1, device: device);
        zeros = torch.zeros(batch, 1, device: device);
    }

    public void Step()
    {
        var Z = torch.randn(batch, 2, device: device);
        opt_D.zero_grad();
        var loss_D = (loss.call(D.call(real), ones) + loss.call(D.call(G.call(Z).detach()), zeros)) / 2;
        loss_D.backward();
        opt_D.step();
        opt_G.zero_grad();
        var loss_G = loss.call(D.call(G.call(Z)), ones);
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
