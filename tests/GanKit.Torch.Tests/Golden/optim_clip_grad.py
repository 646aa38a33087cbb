# Makes optim_clip_grad.json: torch.nn.utils.clip_grad_norm_ on fixed float32 gradients for several
# norm types (total norm returned, gradients after clipping). Run with /usr/bin/python3.
import json
import math
import torch

GRADS = [[0.25, -1.5, 3.0, 0.125], [2.0, -0.75], [-4.5]]
CASES = [(1.0, 2.0), (2.5, 1.0), (0.5, math.inf), (100.0, 2.0), (1.5, 3.0)]

torch.set_num_threads(1)
out = []
for max_norm, norm_type in CASES:
    ps = [torch.zeros(len(g), requires_grad=True) for g in GRADS]
    for p, g in zip(ps, GRADS):
        p.grad = torch.tensor(g)
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
    out.append({"max_norm": max_norm, "norm_type": "inf" if math.isinf(norm_type) else norm_type,
                "total_norm": total.item(), "grads": [p.grad.tolist() for p in ps]})
with open("optim_clip_grad.json", "w") as f:
    json.dump({"torch": torch.__version__, "grads": GRADS, "cases": out}, f, indent=1)
