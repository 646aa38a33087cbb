"""The PyTorch twin of GanKit.Benchmarks: the tutorial GAN steps written in plain PyTorch, timed step
by step exactly as the C++ twin (cpp/gan_steps.cpp) times itself. Debian's python3-torch runs on the
same libtorch as our binding and the C++ twin, so the three sides differ only in what calls it.

Usage: python3 gan_steps.py --workload N [--threads T] [--warmup W] [--steps S] [--device cpu|cuda]
                            [--seed K] [--batch B]
       python3 gan_steps.py --version
Prints one JSON object: {"workload": N, "device": ..., "threads": T, "torch": version,
"seconds": [per-step wall seconds], "cpu_seconds": [per-step processor seconds of the whole process],
"minor_faults": [per-step minor page faults of the whole process]}.
"""

import argparse
import json
import resource
import sys
import time

try:
    import torch
    from torch import nn, optim
except ImportError as e:
    sys.exit(f"gan_steps.py: PyTorch is missing for {sys.executable} ({e}); on Debian install python3-torch "
             "(bash scripts/setup.sh does)")


# Every workload has the same shape: build models and optimisers once, then one full GAN step
# (D update on real and fake, then G update) per call of step().

class GaussianGan:
    """1. d2l's 2-D Gaussian GAN, batch 8: G Linear(2,2); D 2→5→3→1 with tanh; BCE on logits (summed,
    as d2l does); Adam 0.05 for D and 0.005 for G. G(Z) is recomputed for G's update."""

    def __init__(self, device, batch):
        self.batch, self.device = batch, device
        self.G = nn.Linear(2, 2).to(device)
        self.D = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 3), nn.Tanh(), nn.Linear(3, 1)).to(device)
        self.loss = nn.BCEWithLogitsLoss(reduction="sum")
        self.opt_D = optim.Adam(self.D.parameters(), lr=0.05)
        self.opt_G = optim.Adam(self.G.parameters(), lr=0.005)
        A = torch.tensor([1.0, 2.0, -0.1, 0.5], device=device).view(2, 2)
        b = torch.tensor([1.0, 2.0], device=device)
        self.real = torch.randn(batch, 2, device=device).matmul(A) + b
        self.ones = torch.ones(batch, 1, device=device)
        self.zeros = torch.zeros(batch, 1, device=device)

    def step(self):
        Z = torch.randn(self.batch, 2, device=self.device)
        self.opt_D.zero_grad()
        loss_D = (self.loss(self.D(self.real), self.ones) + self.loss(self.D(self.G(Z).detach()), self.zeros)) / 2
        loss_D.backward()
        self.opt_D.step()
        self.opt_G.zero_grad()
        loss_G = self.loss(self.D(self.G(Z)), self.ones)
        loss_G.backward()
        self.opt_G.step()


class PointGan:
    """2. PointGAN, batch 64: G y = w·x + b with x ~ U(−1, 1); D Linear(1,2), tanh, Linear(2,1), sigmoid;
    the real value is 1. D's loss is one BCE over the stacked fake and real outputs; G's is
    BCE(D(G(x)), 1). Adam 0.01 for both."""

    def __init__(self, device, batch):
        self.batch, self.device = batch, device
        self.G = nn.Linear(1, 1).to(device)
        self.D = nn.Sequential(nn.Linear(1, 2), nn.Tanh(), nn.Linear(2, 1), nn.Sigmoid()).to(device)
        self.loss = nn.BCELoss()
        self.opt_D = optim.Adam(self.D.parameters(), lr=0.01)
        self.opt_G = optim.Adam(self.G.parameters(), lr=0.01)
        self.real = torch.ones(batch, 1, device=device)
        self.ones = torch.ones(batch, 1, device=device)
        self.targets_D = torch.cat([torch.zeros(batch, 1, device=device), self.ones])

    def step(self):
        x = torch.empty(self.batch, 1, device=self.device).uniform_(-1, 1)
        fake = self.G(x)
        self.opt_D.zero_grad()
        loss_D = self.loss(self.D(torch.cat([fake.detach(), self.real])), self.targets_D)
        loss_D.backward()
        self.opt_D.step()
        self.opt_G.zero_grad()
        loss_G = self.loss(self.D(fake), self.ones)
        loss_G.backward()
        self.opt_G.step()


class DcganStyleStep:
    """The DCGAN-tutorial step shared by workloads 3, 5 and 6: D on real (target 1) and on the detached
    fake (target 0), summed; then G through D on the same fake (target 1), or with fresh_noise_for_G
    (Jovian's template, workload 6) on a fake from fresh noise. BCE, Adam 2e-4, β1 0.5."""

    def __init__(self, G, D, device, real_shape, noise_shape, fresh_noise_for_G=False):
        self.device, self.noise_shape, self.fresh_noise_for_G = device, noise_shape, fresh_noise_for_G
        self.G, self.D = G.to(device), D.to(device)
        self.loss = nn.BCELoss()
        self.opt_D = optim.Adam(self.D.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.opt_G = optim.Adam(self.G.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.real = torch.rand(real_shape, device=device) * 2 - 1
        self.ones = torch.ones(real_shape[0], device=device)
        self.zeros = torch.zeros(real_shape[0], device=device)

    def step(self):
        fake = self.G(torch.randn(self.noise_shape, device=self.device))
        self.opt_D.zero_grad()
        loss_D = self.loss(self.D(self.real).view(-1), self.ones) + self.loss(self.D(fake.detach()).view(-1), self.zeros)
        loss_D.backward()
        self.opt_D.step()
        self.opt_G.zero_grad()
        if self.fresh_noise_for_G:
            fake = self.G(torch.randn(self.noise_shape, device=self.device))
        loss_G = self.loss(self.D(fake).view(-1), self.ones)
        loss_G.backward()
        self.opt_G.step()


def mlp_mnist_gan(device, batch):
    """3. MLP MNIST GAN, batch 64: G 100→256→512→1024→784, D 784→512→256→1."""
    G = nn.Sequential(nn.Linear(100, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                      nn.Linear(512, 1024), nn.LeakyReLU(0.2), nn.Linear(1024, 784), nn.Tanh())
    D = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                      nn.Linear(256, 1), nn.Sigmoid())
    return DcganStyleStep(G, D, device, (batch, 784), (batch, 100))


def dcgan64(device, batch):
    """5. DCGAN-64, batch 64: the PyTorch DCGAN tutorial's networks (nz 100, ngf = ndf = 64, 3 channels)."""
    def up(i, o, stride, pad):
        return nn.ConvTranspose2d(i, o, 4, stride, pad, bias=False)

    def down(i, o, stride, pad):
        return nn.Conv2d(i, o, 4, stride, pad, bias=False)

    G = nn.Sequential(up(100, 512, 1, 0), nn.BatchNorm2d(512), nn.ReLU(),
                      up(512, 256, 2, 1), nn.BatchNorm2d(256), nn.ReLU(),
                      up(256, 128, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
                      up(128, 64, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
                      up(64, 3, 2, 1), nn.Tanh())
    D = nn.Sequential(down(3, 64, 2, 1), nn.LeakyReLU(0.2),
                      down(64, 128, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
                      down(128, 256, 2, 1), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),
                      down(256, 512, 2, 1), nn.BatchNorm2d(512), nn.LeakyReLU(0.2),
                      down(512, 1, 1, 0), nn.Sigmoid())
    return DcganStyleStep(G, D, device, (batch, 3, 64, 64), (batch, 100, 1, 1))


class BultenMnistGan:
    """4. Bulten's Keras MNIST GAN as the notebook trains it (TUTORIALS.md §2.3–2.5, §7): TF 'same'
    padding (asymmetric (1, 2) before the 28→14 and 14→7 convolutions: padding 1 plus one zero row and
    column, as the library's model; the symmetric (2, 2) of 7→4 and 4→4 is the convolution's own padding 2), Keras' BN (ε 1e-3, momentum 0.1 in PyTorch's
    terms), LeakyReLU 0.3, dropout 0.4 after D's convolutions 2–4 and after G's reshape. D trains on
    [real; fake], the fake made by G in eval mode without gradient (Keras' predict); G's update runs
    G in train mode on fresh noise U(−1, 1). BCE on probabilities clamped to [1e-7, 1 − 1e-7];
    gradients clamped to [−1, 1] before each step (clipvalue 1.0); D RMSprop 8e-4 (α 0.9, ε 1e-7),
    G Adam 4e-4. Keras' decay of 1e-10 is left out."""

    probability_clamp = 1e-7
    clip_value = 1.0

    def __init__(self, device, batch):
        self.batch, self.device = batch, device
        self.G = self.generator().to(device)
        self.D = self.discriminator().to(device)
        self.loss = nn.BCELoss()
        self.opt_D = optim.RMSprop(self.D.parameters(), lr=8e-4, alpha=0.9, eps=1e-7)
        self.opt_G = optim.Adam(self.G.parameters(), lr=4e-4)
        self.real = torch.rand(batch, 1, 28, 28, device=device)
        self.ones = torch.ones(batch, 1, device=device)
        self.targets_D = torch.cat([self.ones, torch.zeros(batch, 1, device=device)])

    @staticmethod
    def generator():
        def conv(i, o):
            return nn.Conv2d(i, o, 5, padding=2)

        def bn2d(features):
            return nn.BatchNorm2d(features, eps=1e-3, momentum=0.1)

        return nn.Sequential(nn.Linear(100, 12544), nn.BatchNorm1d(12544, eps=1e-3, momentum=0.1), nn.LeakyReLU(0.3),
                             nn.Unflatten(1, (256, 7, 7)), nn.Dropout(0.4),
                             nn.Upsample(scale_factor=2), conv(256, 128), bn2d(128), nn.LeakyReLU(0.3),
                             nn.Upsample(scale_factor=2), conv(128, 64), bn2d(64), nn.LeakyReLU(0.3),
                             conv(64, 32), bn2d(32), nn.LeakyReLU(0.3),
                             conv(32, 1), nn.Sigmoid())

    @staticmethod
    def discriminator():
        return nn.Sequential(nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(1, 64, 5, stride=2, padding=1), nn.LeakyReLU(0.3),
                             nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(64, 128, 5, stride=2, padding=1), nn.LeakyReLU(0.3), nn.Dropout(0.4),
                             nn.Conv2d(128, 256, 5, stride=2, padding=2), nn.LeakyReLU(0.3), nn.Dropout(0.4),
                             nn.Conv2d(256, 512, 5, padding=2), nn.LeakyReLU(0.3), nn.Dropout(0.4),
                             nn.Flatten(), nn.Linear(512 * 4 * 4, 1), nn.Sigmoid())

    def noise(self):
        return torch.empty(self.batch, 100, device=self.device).uniform_(-1, 1)

    def bce(self, probabilities, targets):
        return self.loss(probabilities.clamp(self.probability_clamp, 1 - self.probability_clamp), targets)

    def step(self):
        self.G.eval()
        with torch.no_grad():
            fake = self.G(self.noise())
        self.G.train()

        self.opt_D.zero_grad()
        loss_D = self.bce(self.D(torch.cat([self.real, fake])), self.targets_D)
        loss_D.backward()
        nn.utils.clip_grad_value_(self.D.parameters(), self.clip_value)
        self.opt_D.step()

        self.opt_G.zero_grad()
        loss_G = self.bce(self.D(self.G(self.noise())), self.ones)
        loss_G.backward()
        nn.utils.clip_grad_value_(self.G.parameters(), self.clip_value)
        self.opt_G.step()


def jovian_dcgan(device, batch):
    """6. The step notebook 04 trains (Jovian's DCGAN template), batch 128: G latent 128, D with batch norm after its
    first convolution too; the DCGAN step with fresh noise for G's update."""
    def up(i, o, stride, pad):
        return nn.ConvTranspose2d(i, o, 4, stride, pad, bias=False)

    def down(i, o, stride, pad):
        return nn.Conv2d(i, o, 4, stride, pad, bias=False)

    G = nn.Sequential(up(128, 512, 1, 0), nn.BatchNorm2d(512), nn.ReLU(),
                      up(512, 256, 2, 1), nn.BatchNorm2d(256), nn.ReLU(),
                      up(256, 128, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
                      up(128, 64, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
                      up(64, 3, 2, 1), nn.Tanh())
    D = nn.Sequential(down(3, 64, 2, 1), nn.BatchNorm2d(64), nn.LeakyReLU(0.2),
                      down(64, 128, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
                      down(128, 256, 2, 1), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),
                      down(256, 512, 2, 1), nn.BatchNorm2d(512), nn.LeakyReLU(0.2),
                      down(512, 1, 1, 0), nn.Sigmoid())
    return DcganStyleStep(G, D, device, (batch, 3, 64, 64), (batch, 128, 1, 1), fresh_noise_for_G=True)


# Each workload and the tutorial's batch size, used when --batch is 0.
WORKLOADS = {
    1: (GaussianGan, 8),
    2: (PointGan, 64),
    3: (mlp_mnist_gan, 64),
    4: (BultenMnistGan, 256),
    5: (dcgan64, 64),
    6: (jovian_dcgan, 128),
}


def parse():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--version", action="store_true", help="print torch.__version__ and exit")
    p.add_argument("--workload", type=int, choices=sorted(WORKLOADS))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--batch", type=int, default=0, help="0: the tutorial's batch size")
    p.add_argument("--device", default="cpu")
    o = p.parse_args()
    if not o.version and o.workload is None:
        p.error("--workload is required")
    return o


def main():
    o = parse()
    if o.version:
        print(torch.__version__)
        return
    torch.set_num_threads(o.threads)
    torch.manual_seed(o.seed)
    device = torch.device(o.device)
    cuda = device.type == "cuda"
    make, tutorial_batch = WORKLOADS[o.workload]
    workload = make(device, o.batch or tutorial_batch)

    for _ in range(o.warmup):
        workload.step()
    if cuda:
        torch.cuda.synchronize()
    seconds, cpu_seconds, minor_faults = [], [], []
    for _ in range(o.steps):
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        cpu_start = time.process_time()   # CLOCK_PROCESS_CPUTIME_ID, as the other two sides read it
        start = time.perf_counter()
        workload.step()
        if cuda:
            torch.cuda.synchronize()      # a step is done when its kernels are
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
        minor_faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults)

    json.dump({"workload": o.workload, "device": o.device, "threads": torch.get_num_threads(),
               "torch": torch.__version__, "seconds": seconds, "cpu_seconds": cpu_seconds,
               "minor_faults": minor_faults}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
