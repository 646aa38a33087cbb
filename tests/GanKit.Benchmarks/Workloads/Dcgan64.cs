namespace GanKit.Benchmarks.Workloads;

/// <summary>Workload 5, DCGAN-64, batch 64: the PyTorch DCGAN tutorial's networks (nz 100, ngf = ndf = 64, 3 channels).</summary>
internal static class Dcgan64
{
    public static IGanStep Create(Device device, int batch)
    {
        var G = nn.Sequential(
            nn.ConvTranspose2d(100, 512, 4, stride: 1, bias: false), nn.BatchNorm2d(512), nn.ReLU(),   // 512×4×4
            nn.ConvTranspose2d(512, 256, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(256), nn.ReLU(),   // 256×8×8
            nn.ConvTranspose2d(256, 128, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(128), nn.ReLU(),   // 128×16×16
            nn.ConvTranspose2d(128, 64, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(64), nn.ReLU(),     // 64×32×32
            nn.ConvTranspose2d(64, 3, 4, stride: 2, padding: 1, bias: false), nn.Tanh());                           // 3×64×64
        var D = nn.Sequential(
            nn.Conv2d(3, 64, 4, stride: 2, padding: 1, bias: false), nn.LeakyReLU(0.2),                            // 64×32×32
            nn.Conv2d(64, 128, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),     // 128×16×16
            nn.Conv2d(128, 256, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),    // 256×8×8
            nn.Conv2d(256, 512, 4, stride: 2, padding: 1, bias: false), nn.BatchNorm2d(512), nn.LeakyReLU(0.2),    // 512×4×4
            nn.Conv2d(512, 1, 4, stride: 1, bias: false), nn.Sigmoid());                               // 1×1×1
        return new DcganStyleStep(G, D, real_shape: [batch, 3, 64, 64], noise_shape: [batch, 100, 1, 1], device);
    }
}
