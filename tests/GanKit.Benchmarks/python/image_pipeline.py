#!/usr/bin/python3
"""The image-pipeline twin of GanKit.Benchmarks (notebook 04's data): every image file under a folder through
torchvision's DCGAN input pipeline, as ImageFolder's loader runs it: PIL's Image.open(f).convert('RGB'), then
Compose([Resize(64), CenterCrop(64), ToTensor(), Normalize((0.5,)*3, (0.5,)*3)]), in one process, one torch thread.

Usage: python3 image_pipeline.py --folder F [--passes P] [--limit N]
Prints JSON: {"images": n, "seconds": [one per pass], "torchvision": version, "pillow": version}.
Files: the same list GanKit's side reads, every .jpg .jpeg .png .webp .bmp .gif (any case) below the folder, hidden
files and folders skipped, sorted by their path relative to the folder (ordinal), the first N when --limit is given.
"""
import argparse
import json
import os
import sys
import time

import torch
import torchvision
from PIL import Image
from torchvision import transforms

EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif")


def image_files(folder):
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in names:
            if not name.startswith(".") and name.lower().endswith(EXTENSIONS):
                found.append(os.path.relpath(os.path.join(root, name), folder))
    # UTF-16 code-unit order, as the C# side sorts (StringComparer.Ordinal).
    return sorted(found, key=lambda p: p.encode("utf-16-be"))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--folder", required=True)
    p.add_argument("--passes", type=int, default=3)
    p.add_argument("--limit", type=int, default=0)
    o = p.parse_args()
    torch.set_num_threads(1)
    files = image_files(o.folder)
    if o.limit:
        files = files[:o.limit]
    pipeline = transforms.Compose([
        transforms.Resize(64), transforms.CenterCrop(64), transforms.ToTensor(), transforms.Normalize((0.5,) * 3, (0.5,) * 3)])
    seconds = []
    for _ in range(o.passes):
        start = time.perf_counter()
        for relative in files:
            with Image.open(os.path.join(o.folder, relative)) as opened:
                pipeline(opened.convert("RGB"))
        seconds.append(time.perf_counter() - start)
    json.dump({"images": len(files), "seconds": seconds, "torchvision": torchvision.__version__,
               "pillow": Image.__version__}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
