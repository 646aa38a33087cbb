# Makes optim_trajectories.json: parameter values after each of 5 optimiser steps on a fixed
# quadratic loss, from PyTorch 1.13's default (single-tensor) optimisers. Run with /usr/bin/python3.
import json
import torch

W0 = [[0.5, -1.2, 2.0], [0.3, 0.7, -0.4]]
T1 = [[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]]
A = [[1.0, 2.0, 3.0], [0.5, 1.5, 2.5]]
B0 = [0.1, -0.2, 0.3]
T2 = [1.0, 2.0, -1.0]
STEPS = 5

CONFIGS = {
    "sgd": lambda w, b: torch.optim.SGD([w, b], lr=0.1),
    "sgd_momentum_dampening_wd": lambda w, b: torch.optim.SGD([w, b], lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "sgd_nesterov_wd": lambda w, b: torch.optim.SGD([w, b], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
    "sgd_maximize_momentum_wd": lambda w, b: torch.optim.SGD([w, b], lr=0.05, momentum=0.5, weight_decay=0.1, maximize=True),
    "adam": lambda w, b: torch.optim.Adam([w, b], lr=0.1),
    "adam_amsgrad_wd": lambda w, b: torch.optim.Adam([w, b], lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, amsgrad=True),
    "adam_maximize": lambda w, b: torch.optim.Adam([w, b], lr=0.05, maximize=True),
    "adamw_wd": lambda w, b: torch.optim.AdamW([w, b], lr=0.1, weight_decay=0.1),
    "adamw_amsgrad": lambda w, b: torch.optim.AdamW([w, b], lr=0.1, betas=(0.85, 0.95), weight_decay=0.05, amsgrad=True),
    "rmsprop": lambda w, b: torch.optim.RMSprop([w, b], lr=0.01),
    "rmsprop_centered_momentum_wd": lambda w, b: torch.optim.RMSprop([w, b], lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True),
    "rmsprop_momentum": lambda w, b: torch.optim.RMSprop([w, b], lr=0.02, momentum=0.9),
    "adam_two_groups": lambda w, b: torch.optim.Adam([{"params": [w], "lr": 0.1}, {"params": [b], "lr": 0.01, "amsgrad": True}]),
}


def trajectory(make, dtype):
    w = torch.tensor(W0, dtype=dtype, requires_grad=True)
    b = torch.tensor(B0, dtype=dtype, requires_grad=True)
    t1, a, t2 = (torch.tensor(x, dtype=dtype) for x in (T1, A, T2))
    opt = make(w, b)
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = ((w - t1) * (w - t1) * a).sum() + ((b - t2) * (b - t2)).sum()
        loss.backward()
        opt.step()
        out.append(w.detach().flatten().tolist() + b.detach().flatten().tolist())
    return out


torch.set_num_threads(1)
golden = {name: {"float32": trajectory(make, torch.float32), "float64": trajectory(make, torch.float64)}
          for name, make in CONFIGS.items()}
with open("optim_trajectories.json", "w") as f:
    json.dump({"torch": torch.__version__, "steps": STEPS, "cases": golden}, f, indent=1)
