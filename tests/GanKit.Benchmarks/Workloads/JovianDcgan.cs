namespace GanKit.Benchmarks.Workloads;

/// <summary>
/// Workload 6, the step notebook 04 trains (Jovian's DCGAN template, GanKit's <c>DcganTrainer</c>), batch 128:
/// G latent 128 (ConvTranspose 128→512→256→128→64→3, BN, ReLU, Tanh), D with batch norm after every
/// convolution but the last (Conv 3→64→128→256→512→1, LeakyReLU(0.2), Sigmoid), no biases; the DCGAN step with
/// fresh noise for G's update.
/// </summary>
internal static class JovianDcgan
{
    private const int latent = 128;

    public static IGanStep Create(Device device, int batch)
    {
        var G = nn.Sequential(
            nn.ConvTranspose2d(latent, 512, 4, stride: 1, bias: false), nn.BatchNorm2d(512), nn.ReLU(),           // 512×4×4
            nn.ConvTranspose2d(512, 256, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(256), nn.ReLU(),   // 256×8×8
            nn.ConvTranspose2d(256, 128, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(128), nn.ReLU(),   // 128×16×16
            nn.ConvTranspose2d(128, 64, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(64), nn.ReLU(),     // 64×32×32
            nn.ConvTranspose2d(64, 3, 4, stride: 2, padding: 1, bias: false), nn.Tanh());                           // 3×64×64
        var D = nn.Sequential(
            nn.Conv2d(3, 64, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(64), nn.LeakyReLU(0.2),       // 64×32×32
            nn.Conv2d(64, 128, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),    // 128×16×16
            nn.Conv2d(128, 256, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),   // 256×8×8
            nn.Conv2d(256, 512, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(512), nn.LeakyReLU(0.2),   // 512×4×4
            nn.Conv2d(512, 1, 4, stride: 1, bias: false), nn.Sigmoid());                                           // 1×1×1
        return new DcganStyleStep(G, D, real_shape: [batch, 3, 64, 64], noise_shape: [batch, latent, 1, 1], device, fresh_noise_for_G: true);
    }
}
