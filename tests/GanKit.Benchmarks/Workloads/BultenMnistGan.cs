namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Workload 4, Bulten's Keras MNIST GAN, as the notebook trains it (TUTORIALS.md §2.3–2.5, §7):
/// TF 'same' padding (asymmetric (1, 2) before the 28→14 and 14→7 convolutions: padding 1 plus one zero
/// row and column, as the library's <c>TensorFlowPadding.SameConv2d</c>; the symmetric (2, 2) of 7→4
/// and 4→4 is the convolution's own padding 2), Keras' BN (ε 1e-3, momentum 0.9 = PyTorch 0.1), LeakyReLU 0.3, dropout 0.4 after D's convolutions 2–4 and after G's reshape.
/// D trains on [real; fake], the fake made by G in eval mode without gradient (Keras' predict); G's
/// update runs G in train mode on fresh noise U(−1, 1). BCE on probabilities clamped to
/// [1e-7, 1 − 1e-7] (Keras' clipping); gradients clamped element-wise to [−1, 1] before each step
/// (clipvalue 1.0); D RMSprop 8e-4 (ρ 0.9, ε 1e-7), G Adam 4e-4. Keras' decay of 1e-10 is left out.
/// </summary>
internal sealed class BultenMnistGan : IGanStep
{
    /// <summary>The tutorial's batch: 256 real + 256 fake for D, 256 noise vectors for G.</summary>
    public const int TutorialBatch = 256;

    /// <summary>The batch notebook 03 trains with on a CPU by default.</summary>
    public const int NotebookCpuBatch = 16;

    private const double probability_clamp = 1e-7;
    private const double clip_value = 1.0;

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
        opt_D = optim.RMSProp(D.parameters(), lr: 8e-4, alpha: 0.9, eps: 1e-7);
        opt_G = optim.Adam(G.parameters(), lr: 4e-4);
        real = torch.rand(batch, 1, 28, 28, device: device);
        ones = torch.ones(batch, 1, device: device);
        targets_D = torch.cat(new[] { ones, torch.zeros(batch, 1, device: device) });
    }

    private static BatchNorm1d KerasBatchNorm1d(long features) => nn.BatchNorm1d(features, eps: 1e-3, momentum: 0.1);
    private static BatchNorm2d KerasBatchNorm2d(long features) => nn.BatchNorm2d(features, eps: 1e-3, momentum: 0.1);

    private static Sequential Generator() => nn.Sequential(
        nn.Linear(100, 12544), KerasBatchNorm1d(12544), nn.LeakyReLU(0.3),
        nn.Unflatten(1, [256, 7, 7]), nn.Dropout(0.4),                                                                  // 256×7×7
        nn.Upsample(scale_factor: [2, 2]), nn.Conv2d(256, 128, 5, padding: 2), KerasBatchNorm2d(128), nn.LeakyReLU(0.3),  // 128×14×14
        nn.Upsample(scale_factor: [2, 2]), nn.Conv2d(128, 64, 5, padding: 2), KerasBatchNorm2d(64), nn.LeakyReLU(0.3),    // 64×28×28
        nn.Conv2d(64, 32, 5, padding: 2), KerasBatchNorm2d(32), nn.LeakyReLU(0.3),                                        // 32×28×28
        nn.Conv2d(32, 1, 5, padding: 2), nn.Sigmoid());                                                                  // 1×28×28

    private static Sequential Discriminator() => nn.Sequential(
        nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(1, 64, 5, stride: 2, padding: 1), nn.LeakyReLU(0.3),                     // 64×14×14
        nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(64, 128, 5, stride: 2, padding: 1), nn.LeakyReLU(0.3), nn.Dropout(0.4),  // 128×7×7
        nn.Conv2d(128, 256, 5, stride: 2, padding: 2), nn.LeakyReLU(0.3), nn.Dropout(0.4),             // 256×4×4
        nn.Conv2d(256, 512, 5, padding: 2), nn.LeakyReLU(0.3), nn.Dropout(0.4),                        // 512×4×4
        nn.Flatten(), nn.Linear(512 * 4 * 4, 1), nn.Sigmoid());

    private Tensor Noise() => torch.empty(batch, 100, device: device).uniform_(-1, 1);

    private Tensor Loss(Tensor probabilities, Tensor targets) =>
        loss.call(probabilities.clamp(probability_clamp, 1 - probability_clamp), targets);

    public void Step()
    {
        Tensor fake;
        G.eval();
        using (torch.no_grad())
            fake = G.call(Noise());
        G.train();

        opt_D.zero_grad();
        var loss_D = Loss(D.call(torch.cat(new[] { real, fake })), targets_D);
        loss_D.backward();
        nn.utils.clip_grad_value_(D.parameters(), clip_value);
        opt_D.step();

        opt_G.zero_grad();
        var loss_G = Loss(D.call(G.call(Noise())), ones);
        loss_G.backward();
        nn.utils.clip_grad_value_(G.parameters(), clip_value);
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
