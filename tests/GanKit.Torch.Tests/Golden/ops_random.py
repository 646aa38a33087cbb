# Makes ops_random.json: PyTorch 1.13's numbers for seeded sampling on CPU, which the Ops tests
# compare with GanKit's (same libtorch, so they must match exactly).
# Run: /usr/bin/python3 ops_random.py   (Debian's python3-torch; tests never need Python)
import json
import torch

torch.set_num_threads(1)
cases = {}

def case(name, seed, make):
    torch.manual_seed(seed)
    t = make()
    cases[name] = {"seed": seed, "shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""),
                   "values": [float(v) if t.is_floating_point() else int(v) for v in t.flatten().tolist()]}

case("randn_2x3", 42, lambda: torch.randn(2, 3))
case("randn_17", 11, lambda: torch.randn(17))  # 16 and more take libtorch's vectorised path
case("randn_float64_5", 13, lambda: torch.randn(5, dtype=torch.float64))
case("rand_5", 42, lambda: torch.rand(5))
case("randint_8", 7, lambda: torch.randint(0, 10, (8,)))
case("randint_low_3x4", 1, lambda: torch.randint(-5, 5, (3, 4)))
case("randperm_10", 7, lambda: torch.randperm(10))
case("normal_6", 3, lambda: torch.normal(2.0, 0.5, (6,)))
case("normal__20", 5, lambda: torch.empty(20).normal_(1.0, 2.0))
case("uniform__7", 5, lambda: torch.empty(7).uniform_(-1.0, 1.0))
case("bernoulli__10", 9, lambda: torch.empty(10).bernoulli_(0.3))
case("randn_like_2x2", 21, lambda: torch.randn_like(torch.zeros(2, 2)))

with open("ops_random.json", "w") as f:
    json.dump(cases, f, indent=1)
