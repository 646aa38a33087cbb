namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Workload 2, PointGAN, batch 64: G y = w·x + b with x ~ U(−1, 1); D Linear(1,2), tanh, Linear(2,1),
/// sigmoid; the real value is 1. D's loss is one BCE over the stacked fake and real outputs, G's is
/// BCE(D(G(x)), 1). Adam 0.01 for both (the issue leaves the optimiser open).
/// </summary>
internal sealed class PointGan : IGanStep
{
    private readonly int batch;
    private readonly Device device;
    private readonly Linear G;
    private readonly Sequential D;
    private readonly BCELoss loss = nn.BCELoss();
    private readonly optim.Optimizer opt_D, opt_G;
    private readonly Tensor real, ones, targets_D;

    public PointGan(Device device, int batch)
    {
        this.device = device;
        this.batch = batch;
        G = nn.Linear(1, 1).to(device);
        D = nn.Sequential(nn.Linear(1, 2), nn.Tanh(), nn.Linear(2, 1), nn.Sigmoid()).to(device);
        opt_D = optim.Adam(D.parameters(), lr: 0.01);
        opt_G = optim.Adam(G.parameters(), lr: 0.01);
        real = torch.ones(batch, 1, device: device);
        ones = torch.ones(batch, 1, device: device);
        targets_D = torch.cat(new[] { torch.zeros(batch, 1, device: device), ones });
    }

    public void Step()
    {
        var x = torch.empty(batch, 1, device: device).uniform_(-1, 1);
        var fake = G.call(x);
        opt_D.zero_grad();
        var loss_D = loss.call(D.call(torch.cat(new[] { fake.detach(), real })), targets_D);
        loss_D.backward();
        opt_D.step();
        opt_G.zero_grad();
        var loss_G = loss.call(D.call(fake), ones);
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
