# Tiny TorchScript modules for ScriptModuleTests (torch.jit.load stands in for FID's Inception network):
# tiny_script.pt, a layer with its outputs for one input; whole_numbers.pt, which counts the entries of its input that are
# not whole numbers (the uint8 check of an Inception-style module, which a libtorch fusing CPU kernels got wrong).
# Run with Debian's interpreter: /usr/bin/python3 make_script_module.py
import json
import torch
from torch import nn


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        return torch.tanh(self.fc(x)) * 2.0


class WholeNumbers(nn.Module):
    def forward(self, img):
        x = img.to(torch.float32)
        return (x != torch.round(x)).sum()


torch.manual_seed(0)
m = torch.jit.script(Tiny())
m.save("tiny_script.pt")
x = torch.tensor([[1.0, -2.0, 0.5], [0.0, 0.25, 3.0]])
json.dump({"input": x.flatten().tolist(), "output": m(x).detach().flatten().tolist(),
           "parameters": [name for name, _ in m.named_parameters()]}, open("tiny_script.json", "w"), indent=1)
torch.jit.script(WholeNumbers()).save("whole_numbers.pt")
