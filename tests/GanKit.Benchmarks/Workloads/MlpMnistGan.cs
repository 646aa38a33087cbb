namespace GanKit.Benchmarks.Workloads;

/// <summary>Workload 3, the MLP MNIST GAN, batch 64: G 100→256→512→1024→784, D 784→512→256→1.</summary>
internal static class MlpMnistGan
{
    public static IGanStep Create(Device device, int batch)
    {
        var G = nn.Sequential(
            nn.Linear(100, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, 1024), nn.LeakyReLU(0.2),
            nn.Linear(1024, 784), nn.Tanh());
        var D = nn.Sequential(
            nn.Linear(784, 512), nn.LeakyReLU(0.2),
            nn.Linear(512, 256), nn.LeakyReLU(0.2),
            nn.Linear(256, 1), nn.Sigmoid());
        return new DcganStyleStep(G, D, real_shape: [batch, 784], noise_shape: [batch, 100], device);
    }
}
