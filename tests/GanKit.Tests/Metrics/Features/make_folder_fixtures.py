"""Image files for ImageFolderFeatures and what torchvision + Pillow make of them.

Run with Debian's Python (python3-torchvision 0.14.1, Pillow 9.4):
    /usr/bin/python3 tests/GanKit.Tests/Metrics/Features/make_folder_fixtures.py

Writes, beside this script:
  folder/               four PNGs in one folder (one class): grey 28x28, RGB 40x34, RGBA 20x24 (alpha dropped, as
                        PIL's convert('RGB') does), palette 31x31.
  folder_goldens.json   per file, in folder order:
                          grey28: Compose([Grayscale(), Resize(28), CenterCrop(28), PILToTensor()]) of
                                  Image.open(f).convert('RGB'), uint8 (1, 28, 28) flattened: the MNIST extractor's input;
                          rgb16:  Compose([Resize(16), CenterCrop(16), PILToTensor()]), uint8 (3, 16, 16) flattened.
"""
import json
import os
import shutil

import numpy as np
from PIL import Image
from torchvision import transforms

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "folder")


def picture(width, height, seed):
    """RGB uint8 (height, width, 3): a stroke on a dark ground with coloured gradients and noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    stroke = np.exp(-((x - width / 2) ** 2 / (width / 6) ** 2 + (y - height / 2) ** 2 / (height / 3) ** 2))
    image = np.stack([230 * stroke + 20 * x / width, 200 * stroke + 40 * y / height, 250 * stroke], axis=-1)
    image += rng.normal(0, 10, image.shape)
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def main():
    if os.path.isdir(FOLDER):
        shutil.rmtree(FOLDER)
    os.makedirs(FOLDER)
    files = {
        "a_grey_28x28.png": Image.fromarray(picture(28, 28, 1)).convert("L"),
        "b_rgb_40x34.png": Image.fromarray(picture(40, 34, 2)),
        "c_rgba_20x24.png": Image.fromarray(np.dstack([picture(20, 24, 3), np.tile(np.linspace(0, 255, 20), (24, 1)).astype(np.uint8)]), "RGBA"),
        "d_palette_31x31.png": Image.fromarray(picture(31, 31, 4)).convert("P", palette=Image.ADAPTIVE, colors=16),
    }
    grey28 = transforms.Compose([transforms.Grayscale(), transforms.Resize(28), transforms.CenterCrop(28), transforms.PILToTensor()])
    rgb16 = transforms.Compose([transforms.Resize(16), transforms.CenterCrop(16), transforms.PILToTensor()])
    goldens = []
    for name, image in sorted(files.items()):
        image.save(os.path.join(FOLDER, name))
        loaded = Image.open(os.path.join(FOLDER, name)).convert("RGB")  # torchvision ImageFolder's loader
        goldens.append({"file": name, "grey28": grey28(loaded).reshape(-1).tolist(), "rgb16": rgb16(loaded).reshape(-1).tolist()})
    with open(os.path.join(HERE, "folder_goldens.json"), "w") as f:
        f.write(json.dumps(goldens).replace('{"file"', '\n {"file"') + "\n")


if __name__ == "__main__":
    main()
