"""PyTorch twin of GanKit's Bulten MNIST GAN (BultenGenerator, BultenDiscriminator, KerasGanTrainer).

Run with Debian's /usr/bin/python3 and python3-torch 1.13, the libtorch GanKit binds, so the same seed
gives the same numbers when layers are built, initialised and run in the same order:

    /usr/bin/python3 tests/GanKit.Tests/Golden/make_bulten_steps.py > tests/GanKit.Tests/Golden/bulten_steps.json

It runs two full training steps (D step, then adversarial step) on a tiny batch and writes the
losses, accuracies, and sums and a few elements of every parameter, gradient and buffer afterwards.
"""
import json
import os

# GanKit keeps OpenBLAS to one thread (libtorch's OpenMP threads are its only pool); a multi-threaded
# OpenBLAS sums the dense layers' products in another order, a last-bit difference.
os.environ['OPENBLAS_NUM_THREADS'] = '1'

import torch  # noqa: E402 (after the environment is set)
from torch import nn  # noqa: E402

SEED = 20170918
IMAGES = 8          # "real" images: U(0, 1) pixels from the seed
BATCH = 4           # 4 real + 4 fake for D, 4 noise vectors for the adversarial step
STEPS = 2
LATENT = 100
SNAPSHOTS = 16
ALPHA = 0.3         # Keras LeakyReLU default
EPS = 1e-7          # Keras K.epsilon()


def same_pad(size, kernel, stride):
    """TensorFlow 'same' padding: (before, after)."""
    out = (size + stride - 1) // stride
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def same_conv(in_channels, out_channels, stride, size):
    """A 5x5 convolution with TF 'same' padding: symmetric padding in the convolution, plus a zero
    row and column after when TF's total is odd (None otherwise)."""
    before, after = same_pad(size, 5, stride)
    extra = after - before
    pad = nn.ZeroPad2d((0, extra, 0, extra)) if extra else None
    return pad, nn.Conv2d(in_channels, out_channels, 5, stride=stride, padding=before)


def padded(pad, x):
    return x if pad is None else pad(x)


def keras_init(model):
    for m in model.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(LATENT, 256 * 7 * 7)
        self.bn0 = nn.BatchNorm1d(256 * 7 * 7, eps=1e-3, momentum=0.1)
        self.act0 = nn.LeakyReLU(ALPHA)
        self.reshape = nn.Unflatten(1, (256, 7, 7))
        self.drop0 = nn.Dropout(0.4)
        self.up1 = nn.Upsample(scale_factor=2.0)
        self.conv1 = nn.Conv2d(256, 128, 5, padding='same')
        self.bn1 = nn.BatchNorm2d(128, eps=1e-3, momentum=0.1)
        self.act1 = nn.LeakyReLU(ALPHA)
        self.up2 = nn.Upsample(scale_factor=2.0)
        self.conv2 = nn.Conv2d(128, 64, 5, padding='same')
        self.bn2 = nn.BatchNorm2d(64, eps=1e-3, momentum=0.1)
        self.act2 = nn.LeakyReLU(ALPHA)
        self.conv3 = nn.Conv2d(64, 32, 5, padding='same')
        self.bn3 = nn.BatchNorm2d(32, eps=1e-3, momentum=0.1)
        self.act3 = nn.LeakyReLU(ALPHA)
        self.conv4 = nn.Conv2d(32, 1, 5, padding='same')
        self.sigmoid = nn.Sigmoid()
        keras_init(self)

    def forward(self, z):
        x = self.drop0(self.reshape(self.act0(self.bn0(self.dense(z)))))
        x = self.act1(self.bn1(self.conv1(self.up1(x))))
        x = self.act2(self.bn2(self.conv2(self.up2(x))))
        x = self.act3(self.bn3(self.conv3(x)))
        return self.sigmoid(self.conv4(x))


class Discriminator(nn.Module):
    def __init__(self, dropout=0.4):
        super().__init__()
        self.pad1, self.conv1 = same_conv(1, 64, 2, 28)
        self.act1 = nn.LeakyReLU(ALPHA)
        self.pad2, self.conv2 = same_conv(64, 128, 2, 14)
        self.act2 = nn.LeakyReLU(ALPHA)
        self.drop2 = nn.Dropout(dropout)
        self.pad3, self.conv3 = same_conv(128, 256, 2, 7)
        self.act3 = nn.LeakyReLU(ALPHA)
        self.drop3 = nn.Dropout(dropout)
        self.pad4, self.conv4 = same_conv(256, 512, 1, 4)
        self.act4 = nn.LeakyReLU(ALPHA)
        self.drop4 = nn.Dropout(dropout)
        self.flatten = nn.Flatten()
        self.dense = nn.Linear(512 * 4 * 4, 1)
        self.sigmoid = nn.Sigmoid()
        keras_init(self)

    def forward(self, x):
        x = self.act1(self.conv1(padded(self.pad1, x)))
        x = self.drop2(self.act2(self.conv2(padded(self.pad2, x))))
        x = self.drop3(self.act3(self.conv3(padded(self.pad3, x))))
        x = self.drop4(self.act4(self.conv4(padded(self.pad4, x))))
        return self.sigmoid(self.dense(self.flatten(x)))


def keras_bce(p, y):
    p = p.clamp(EPS, 1 - EPS)
    return (y * p.log() + (1 - y) * (1 - p).log()).mean().neg()


def keras_accuracy(p, y):
    return p.detach().round().eq(y).to(p.dtype).mean()


def keras_step(optimizer, parameters, lr, decay, updates):
    torch.nn.utils.clip_grad_value_(parameters, 1.0)
    for group in optimizer.param_groups:
        group['lr'] = lr / (1 + decay * updates)
    optimizer.step()


def summary(name, tensor):
    flat = tensor.detach().reshape(-1).double()
    return {
        'name': name,
        'sum': flat.sum().item(),
        'abs_sum': flat.abs().sum().item(),
        'first': flat[:3].tolist(),
        'last': flat[-2:].tolist(),
    }


def main():
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    images = torch.rand(IMAGES, 1, 28, 28)
    G = Generator()
    D = Discriminator()
    opt_D = torch.optim.RMSprop(D.parameters(), lr=8e-4, alpha=0.9, eps=1e-7)
    opt_G = torch.optim.Adam(G.parameters(), lr=4e-4, betas=(0.9, 0.999), eps=1e-7)
    vis_noise = torch.empty(SNAPSHOTS, LATENT).uniform_(-1, 1)

    steps = []
    for i in range(STEPS):
        indices = torch.randint(0, IMAGES, (BATCH,))
        real = images.index_select(0, indices)
        G.eval()
        with torch.no_grad():
            fake = G(torch.empty(BATCH, LATENT).uniform_(-1, 1))
        x = torch.cat([real, fake])
        y = torch.cat([torch.ones(BATCH, 1), torch.zeros(BATCH, 1)])
        D.train()
        opt_D.zero_grad()
        p = D(x)
        loss_D, acc_D = keras_bce(p, y), keras_accuracy(p, y)
        loss_D.backward()
        keras_step(opt_D, list(D.parameters()), 8e-4, 1e-10, i)

        noise = torch.empty(BATCH, LATENT).uniform_(-1, 1)
        G.train()
        D.train()
        for q in D.parameters():
            q.requires_grad_(False)
        opt_G.zero_grad()
        p = D(G(noise))
        ones = torch.ones(BATCH, 1)
        loss_A, acc_A = keras_bce(p, ones), keras_accuracy(p, ones)
        loss_A.backward()
        keras_step(opt_G, list(G.parameters()), 4e-4, 1e-10, i)
        for q in D.parameters():
            q.requires_grad_(True)
        steps.append({'step': i, 'loss_D': loss_D.item(), 'acc_D': acc_D.item(),
                      'loss_A': loss_A.item(), 'acc_A': acc_A.item(),
                      'indices': indices.tolist()})

    G.eval()
    with torch.no_grad():
        snapshot = G(vis_noise)
    golden = {
        'seed': SEED, 'images': IMAGES, 'batch': BATCH, 'torch': torch.__version__,
        'steps': steps,
        'vis_noise': summary('vis_noise', vis_noise),
        'snapshot': summary('snapshot', snapshot),
        'G.parameters': [summary(n, t) for n, t in G.named_parameters()],
        'G.gradients': [summary(n, t.grad) for n, t in G.named_parameters()],
        'G.buffers': [summary(n, t) for n, t in G.named_buffers() if t.is_floating_point()],
        'D.parameters': [summary(n, t) for n, t in D.named_parameters()],
        'D.gradients': [summary(n, t.grad) for n, t in D.named_parameters()],
    }
    print(json.dumps(golden, indent=1))


if __name__ == '__main__':
    main()
