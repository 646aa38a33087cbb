#!/usr/bin/python3
"""Reference numbers for FashionMnistTests, read from Debian's dataset-fashion-mnist files with gzip and numpy
(independently of GanKit's IDX reader). Run: /usr/bin/python3 tests/GanKit.Tests/Data/fashion_mnist_reference.py"""
import gzip

import numpy as np

FOLDER = "/usr/share/datasets/fashion-mnist"


def read(name, offset):
    with gzip.open(f"{FOLDER}/{name}", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


for split, count in (("train", 60000), ("t10k", 10000)):
    images = read(f"{split}-images-idx3-ubyte.gz", 16).reshape(count, 28, 28)
    labels = read(f"{split}-labels-idx1-ubyte.gz", 8)
    print(split, "count", len(labels), "histogram", np.bincount(labels, minlength=10).tolist())
    print(split, "sum of all pixel bytes", int(images.astype(np.int64).sum()))
    for index in (0, 1, 12345 % count, count - 1):
        print(split, "image", index, "label", int(labels[index]), "byte sum", int(images[index].astype(np.int64).sum()),
              "byte at (14, 14)", int(images[index, 14, 14]))
