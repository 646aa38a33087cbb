# Makes optim_lr_schedulers.json: the learning rates of two SGD parameter groups (0.1 and 0.02)
# right after each scheduler is made and after each of 8 scheduler steps. Run with /usr/bin/python3.
import json
import torch

SCHEDULERS = {
    "StepLR": lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
    "MultiStepLR": lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.3),
    "ExponentialLR": lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9),
    "LambdaLR": lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda e: 1.0 - e / 10.0),
}

out = {}
for name, make in SCHEDULERS.items():
    a, b = torch.zeros(1, requires_grad=True), torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.02}], lr=0.1)
    sched = make(opt)
    rates = [[g["lr"] for g in opt.param_groups]]
    for _ in range(8):
        opt.step()
        sched.step()
        rates.append([g["lr"] for g in opt.param_groups])
    out[name] = rates
with open("optim_lr_schedulers.json", "w") as f:
    json.dump({"torch": torch.__version__, "rates": out}, f, indent=1)
