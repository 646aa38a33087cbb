namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Workload 4, Bulten's Keras MNIST GAN, batch 256 real + 256 fake. Keras' 'same' padding with a 5×5
/// kernel is padding 2 here (the same sizes, 28→14→7→4→4). D trains on the concatenated real and
/// fake batch, the fake made without gradient as Keras' predict does; G's update draws fresh noise
/// U(−1, 1). D RMSprop 8e-4, G Adam 4e-4 (Keras' clipvalue and decay are left out).
/// </summary>
internal sealed class BultenMnistGan : IGanStep
{
    private readonly int batch;
    private readonly Device device;
    private readonly Sequential G = Generator(), D = Discriminator();
    private readonly BCELoss loss = nn.BCELoss();
    private readonly optim.Optimizer opt_D, opt_G;
    private readonly Tensor real, ones, targets_D;

    public BultenMnistGan(Device device, int batch)
    {
        this.device = device;
        this.batch = batch;
        G.to(device);
        D.to(device);
        opt_D = optim.RMSProp(D.parameters(), lr: 8e-4);
        opt_G = optim.Adam(G.parameters(), lr: 4e-4);
        real = torch.rand(batch, 1, 28, 28, device: device);
        ones = torch.ones(batch, 1, device: device);
        targets_D = torch.cat(new[] { ones, torch.zeros(batch, 1, device: device) });
    }

    private static Sequential Generator() => nn.Sequential(
        nn.Linear(100, 12544), nn.BatchNorm1d(12544), nn.LeakyReLU(0.3),
        nn.Unflatten(1, [256, 7, 7]), nn.Dropout(0.4),                                                  // 256×7×7
        nn.Upsample(scale_factor: [2, 2]), nn.Conv2d(256, 128, 5, padding: 2), nn.BatchNorm2d(128), nn.LeakyReLU(0.3),  // 128×14×14
        nn.Upsample(scale_factor: [2, 2]), nn.Conv2d(128, 64, 5, padding: 2), nn.BatchNorm2d(64), nn.LeakyReLU(0.3),    // 64×28×28
        nn.Conv2d(64, 32, 5, padding: 2), nn.BatchNorm2d(32), nn.LeakyReLU(0.3),                        // 32×28×28
        nn.Conv2d(32, 1, 5, padding: 2), nn.Sigmoid());                                                // 1×28×28

    private static Sequential Discriminator()
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        long channels = 1;
        foreach (var (out_channels, stride) in new[] { (64L, 2L), (128L, 2L), (256L, 2L), (512L, 1L) }) {   // 28→14→7→4→4
            layers.Add(nn.Conv2d(channels, out_channels, 5, stride: stride, padding: 2));
            layers.Add(nn.LeakyReLU(0.3));
            layers.Add(nn.Dropout(0.4));
            channels = out_channels;
        }
        layers.Add(nn.Flatten());
        layers.Add(nn.Linear(512 * 4 * 4, 1));
        layers.Add(nn.Sigmoid());
        return nn.Sequential(layers);
    }

    public void Step()
    {
        Tensor fake;
        using (torch.no_grad())
            fake = G.call(torch.empty(batch, 100, device: device).uniform_(-1, 1));
        opt_D.zero_grad();
        var loss_D = loss.call(D.call(torch.cat(new[] { real, fake })), targets_D);
        loss_D.backward();
        opt_D.step();
        opt_G.zero_grad();
        var loss_G = loss.call(D.call(G.call(torch.empty(batch, 100, device: device).uniform_(-1, 1))), ones);
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
