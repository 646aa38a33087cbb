namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Workload 6, the step notebook 04 trains (Jovian's DCGAN template, GanKit's <c>DcganTrainer</c>), batch 128:
/// G latent 128 (ConvTranspose 128→512→256→128→64→3, BN, ReLU, Tanh), D with batch norm after every
/// convolution but the last (Conv 3→64→128→256→512→1, LeakyReLU(0.2), Flatten, Sigmoid), no biases. D on the real
/// batch (target 1) plus D on G(fresh z), detached (target 0), summed; then G through D on another fresh z
/// (target 1). BCE; Adam 2e-4, β 0.5/0.999.
/// </summary>
internal sealed class JovianDcgan : IGanStep
{
    private const int latent = 128;

    private readonly Device device;
    private readonly int batch;
    private readonly Sequential G, D;
    private readonly BCELoss loss = nn.BCELoss();
    private readonly optim.Optimizer opt_D, opt_G;
    private readonly Tensor real, ones, zeros;

    public JovianDcgan(Device device, int batch)
    {
        this.device = device;
        this.batch = batch;
        G = nn.Sequential(
            nn.ConvTranspose2d(latent, 512, 4, stride: 1, bias: false), nn.BatchNorm2d(512), nn.ReLU(),           // 512×4×4
            nn.ConvTranspose2d(512, 256, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(256), nn.ReLU(),   // 256×8×8
            nn.ConvTranspose2d(256, 128, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(128), nn.ReLU(),   // 128×16×16
            nn.ConvTranspose2d(128, 64, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(64), nn.ReLU(),     // 64×32×32
            nn.ConvTranspose2d(64, 3, 4, stride: 2, padding: 1, bias: false), nn.Tanh()).to(device);               // 3×64×64
        D = nn.Sequential(
            nn.Conv2d(3, 64, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(64), nn.LeakyReLU(0.2),       // 64×32×32
            nn.Conv2d(64, 128, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),    // 128×16×16
            nn.Conv2d(128, 256, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),   // 256×8×8
            nn.Conv2d(256, 512, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(512), nn.LeakyReLU(0.2),   // 512×4×4
            nn.Conv2d(512, 1, 4, stride: 1, bias: false), nn.Flatten(), nn.Sigmoid()).to(device);                  // 1
        opt_D = optim.Adam(D.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        opt_G = optim.Adam(G.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);
        real = torch.rand(batch, 3, 64, 64, device: device) * 2 - 1;
        ones = torch.ones(batch, 1, device: device);
        zeros = torch.zeros(batch, 1, device: device);
    }

    private Tensor Noise() => torch.randn(batch, latent, 1, 1, device: device);

    public void Step()
    {
        opt_D.zero_grad();
        var loss_D = loss.call(D.call(real), ones) + loss.call(D.call(G.call(Noise()).detach()), zeros);
        loss_D.backward();
        opt_D.step();
        opt_G.zero_grad();
        var loss_G = loss.call(D.call(G.call(Noise())), ones);
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
