"""A tiny stand-in for NVIDIA's TorchScript Inception (inception-2015-12-05.pt) and the values it must give.

Run with Debian's Python (python3-torch 1.13):
    /usr/bin/python3 tests/GanKit.Tests/Metrics/Features/make_script_module.py

Writes, beside this script:
  fake_inception.pt     a scripted module with the real file's forward signature and calling contract:
                        forward(img, return_features=False, use_fp16=False, no_output_bias=False);
                        img must be uint8-valued (whole numbers in [0, 255]) NCHW with 3 channels, any H and W;
                        return_features=True gives an 8-d feature vector per image; otherwise the 5-way softmax of the
                        output layer, without its bias when no_output_bias=True; use_fp16=True rounds the features
                        to float16 (so passing it by mistake changes the numbers).
  not_inception.pt      a scripted module whose forward takes one tensor (the wrong signature).
  fake_inception.json   inputs (uint8 bytes, NCHW) and the module's features and no-bias probabilities for them,
                        float32 values written as exact decimals. Grey inputs (1 channel) are given as the
                        extractor receives them; their expected values are those of the input repeated to 3 channels.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class FakeInception(torch.nn.Module):
    def __init__(self):
        super().__init__()
        g = torch.Generator().manual_seed(2015)
        self.proj = torch.nn.Parameter(torch.randn(8, 9, generator=g))
        self.output = torch.nn.Linear(8, 5)
        with torch.no_grad():
            self.output.weight.copy_(torch.randn(5, 8, generator=g))
            # A large bias, so probabilities with and without it differ clearly.
            self.output.bias.copy_(3 * torch.randn(5, generator=g))

    def forward(self, img: torch.Tensor, return_features: bool = False, use_fp16: bool = False,
                no_output_bias: bool = False) -> torch.Tensor:
        if img.dim() != 4 or img.shape[1] != 3:
            raise RuntimeError("expected NCHW images with 3 channels")
        x = img.to(torch.float32)
        if bool((x != torch.round(x)).any()) or bool((x < 0).any()) or bool((x > 255).any()):
            raise RuntimeError("expected uint8-valued images (whole numbers in [0, 255])")
        x = (x - 128) / 128
        stats = torch.cat([x.mean([2, 3]), x.amax([2, 3]), x.std([2, 3])], 1)
        features = torch.tanh(stats @ self.proj.t())
        if use_fp16:
            features = features.half().float()
        if return_features:
            return features
        if no_output_bias:
            logits = F.linear(features, self.output.weight)
        else:
            logits = self.output(features)
        return F.softmax(logits, 1)


class NotInception(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32).mean([2, 3])


def main():
    module = torch.jit.script(FakeInception().eval())
    module.save(os.path.join(HERE, "fake_inception.pt"))
    torch.jit.script(NotInception()).save(os.path.join(HERE, "not_inception.pt"))

    rng = np.random.default_rng(5)
    cases = []
    for name, shape in [("rgb 4x3x6x5", (4, 3, 6, 5)), ("grey 3x1x7x7", (3, 1, 7, 7))]:
        pixels = rng.integers(0, 256, size=shape, dtype=np.uint8)
        pixels[0] = 0      # the ends of the range come through exactly
        pixels[1, 0, 0, 0] = 255
        img = torch.from_numpy(pixels)
        if img.shape[1] == 1:
            img = img.repeat(1, 3, 1, 1)
        with torch.no_grad():
            features = module(img, return_features=True)
            probabilities = module(img, no_output_bias=True)
            with_bias = module(img)
            fp16 = module(img, return_features=True, use_fp16=True)
        # The test must be able to tell the modes apart.
        assert (probabilities - with_bias).abs().max() > 0.05
        assert (features - fp16).abs().max() > 1e-5
        cases.append({
            "name": name,
            "shape": list(shape),
            "pixels": pixels.reshape(-1).tolist(),
            "features": [float(v) for v in features.reshape(-1)],
            "probabilities": [float(v) for v in probabilities.reshape(-1)],
        })
    with open(os.path.join(HERE, "fake_inception.json"), "w") as f:
        f.write(json.dumps({"torch": torch.__version__, "feature_dim": 8, "classes": 5, "cases": cases})
                .replace('{"name"', '\n  {"name"') + "\n")


if __name__ == "__main__":
    main()
