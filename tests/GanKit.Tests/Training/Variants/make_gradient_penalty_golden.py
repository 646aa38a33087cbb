"""PyTorch twin of GanKit.Training.Variants.WassersteinLosses (WGAN critic loss and WGAN-GP's gradient penalty).

Run with Debian's /usr/bin/python3 and python3-torch 1.13, the libtorch GanKit binds:

    /usr/bin/python3 tests/GanKit.Tests/Training/Variants/make_gradient_penalty_golden.py

It writes gradient_penalty.json beside this script: a tiny critic's weights, fixed real/fake/epsilon
inputs, and what Gulrajani et al.'s penalty computes from them, down to the gradients of
critic loss + 10 * penalty w.r.t. every weight (a double backward), plus the epsilon that torch.rand
draws after manual_seed and the penalty with it.
"""
import json
import os

# One thread, as GanKit runs its goldens: a multi-threaded OpenBLAS could sum in another order.
os.environ['OPENBLAS_NUM_THREADS'] = '1'

import torch  # noqa: E402 (after the environment is set)
from torch import nn  # noqa: E402

SEED = 20170331      # builds the critic and the inputs
DRAW_SEED = 1704     # seeds the epsilon the penalty draws itself
BATCH = 4
SHAPE = (1, 2, 2)    # 1-channel 2x2 "images": epsilon broadcasts over 3 dims, the norm runs over 4 values
LAMBDA = 10.0        # the paper's penalty weight


def critic_net():
    # LeakyReLU as in DCGAN-style critics; no batch norm, which the penalty rules out (it couples samples).
    return nn.Sequential(nn.Flatten(), nn.Linear(4, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))


def critic_loss(critic, real, fake):
    real_output, fake_output = critic(real), critic(fake)
    return real_output, fake_output, fake_output.mean() - real_output.mean()


def gradient_penalty(critic, real, fake, epsilon):
    """Gulrajani et al. (2017), Algorithm 1, as WassersteinLosses.GradientPenalty computes it."""
    interpolates = (epsilon * real + (1 - epsilon) * fake).detach().requires_grad_(True)
    gradients, = torch.autograd.grad(critic(interpolates).sum(), interpolates, create_graph=True)
    # sqrt of the sum of squares, as the paper's code writes the norm.
    norms = gradients.flatten(1).square().sum(1).sqrt()
    return interpolates, norms, (norms - 1).square().mean()


def values(t):
    return t.detach().reshape(-1).tolist()


def main():
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    critic = critic_net()
    real = torch.randn(BATCH, *SHAPE)
    fake = 0.5 * torch.randn(BATCH, *SHAPE) + 1.0
    epsilon = torch.rand(BATCH, 1, 1, 1)

    real_output, fake_output, loss = critic_loss(critic, real, fake)
    interpolates, norms, penalty = gradient_penalty(critic, real, fake, epsilon)
    (loss + LAMBDA * penalty).backward()
    total_grads = {name: values(p.grad) for name, p in critic.named_parameters()}

    # The critic loss's own gradients: the golden is only a check of the double backward if the
    # penalty moves the total's gradients well beyond the test's tolerance.
    critic.zero_grad()
    critic_loss(critic, real, fake)[2].backward()
    loss_grads = {name: values(p.grad) for name, p in critic.named_parameters()}

    torch.manual_seed(DRAW_SEED)
    drawn_epsilon = torch.rand(BATCH, 1, 1, 1)
    drawn_penalty = gradient_penalty(critic, real, fake, drawn_epsilon)[2]

    golden = {
        'torch': torch.__version__,
        'shape': [BATCH, *SHAPE],
        'lambda': LAMBDA,
        'parameters': [{'name': name, 'shape': list(p.shape), 'values': values(p)} for name, p in critic.named_parameters()],
        'real': values(real),
        'fake': values(fake),
        'epsilon': values(epsilon),
        'real_output': values(real_output),
        'fake_output': values(fake_output),
        'critic_loss': loss.item(),
        'generator_loss': (-fake_output.mean()).item(),
        'interpolates': values(interpolates),
        'gradient_norms': values(norms),
        'penalty': penalty.item(),
        'total_gradients': total_grads,
        'critic_loss_gradients': loss_grads,
        'draw_seed': DRAW_SEED,
        'drawn_epsilon': values(drawn_epsilon),
        'drawn_penalty': drawn_penalty.item(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gradient_penalty.json')
    with open(path, 'w') as f:
        json.dump(golden, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
