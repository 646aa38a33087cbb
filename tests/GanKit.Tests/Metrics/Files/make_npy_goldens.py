"""Writes the .npy and .csv goldens of FeatureMatrixFileTests with NumPy's own writers.

Run with Debian's python3-numpy (1.24): /usr/bin/python3 make_npy_goldens.py
Every file goes to goldens/; goldens/manifest.json says, for each readable file, how NumPy wrote it and the values
np.load reads back from it (the test compares FeatureMatrixFile.Load with those), and for each file the reader must
refuse, the words its message must contain.
"""
import io
import json
import os

import numpy as np

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "goldens")


def base(rows=3, columns=4):
    # Distinct values per element, so a transposed or shifted read shows; negative and fractional where the type allows.
    return np.arange(rows * columns, dtype=np.float64).reshape(rows, columns)


def values_for(dtype):
    kind, size = np.dtype(dtype).kind, np.dtype(dtype).itemsize
    x = base()
    if kind == "f":
        return (x - 5.5) * 0.375 if size == 4 else (x - 5.5) / 3.0 + 1e-12 * x
    if kind == "i":
        return x * 1000003 - 7000000 if size == 4 else x * (2**40 + 1) - 2**43
    return x * 21  # u1: 0 .. 231


def save(name, array, version=None):
    path = os.path.join(HERE, name)
    if version is None:
        np.save(path, array)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, array, version=version)
    return name


def main():
    os.makedirs(HERE, exist_ok=True)
    readable = []
    for dtype in ["<f4", "<f8", "<i4", "<i8", "|u1", ">f4", ">f8"]:
        for fortran in [False, True]:
            for version in [(1, 0), (2, 0), (3, 0)]:
                array = values_for(dtype).astype(dtype)
                if fortran:
                    array = np.asfortranarray(array)
                tag = dtype.replace("<", "le_").replace(">", "be_").replace("|", "")
                name = save(f"{tag}_{'f' if fortran else 'c'}_v{version[0]}.npy", array, version)
                loaded = np.load(os.path.join(HERE, name))
                readable.append({
                    "file": name,
                    "descr": loaded.dtype.str,
                    "fortran_order": bool(np.isfortran(loaded)),
                    "version": list(version),
                    "values": loaded.astype(np.float64).tolist(),
                })

    # What np.save writes for a float64 matrix: FeatureMatrixFile.Save must write the same bytes.
    for rows, columns in [(3, 4), (1, 1), (10, 100)]:
        x = (base(rows, columns) - 7) / 7
        name = save(f"np_save_{rows}x{columns}.npy", x)
        readable.append({"file": name, "descr": "<f8", "fortran_order": False, "version": [1, 0], "values": x.tolist(), "np_save": True})

    # A CSV as np.savetxt writes it (18 significant digits, exponent form) under a header row.
    x = (base() - 5.5) / 3.0
    np.savetxt(os.path.join(HERE, "savetxt.csv"), x, delimiter=",", header="a,b,c,d", comments="")
    csv = [{"file": "savetxt.csv", "values": np.loadtxt(os.path.join(HERE, "savetxt.csv"), delimiter=",", skiprows=1).tolist()}]

    refused = [
        {"file": save("float16.npy", values_for("<f4").astype("<f2")), "words": ["'<f2'", "floating point, 2 bytes"]},
        {"file": save("complex128.npy", values_for("<f8").astype("<c16")), "words": ["'<c16'", "complex"]},
        {"file": save("bool.npy", values_for("<f8") > 3), "words": ["'|b1'", "boolean"]},
        {"file": save("uint16.npy", values_for("<i4").astype("<u2")), "words": ["'<u2'", "unsigned integer, 2 bytes"]},
        {"file": save("structured.npy", np.zeros(3, dtype=[("x", "<f8"), ("y", "<f8")])), "words": ["structured dtype"]},
        {"file": save("one_d.npy", np.arange(5, dtype=np.float64)), "words": ["1-D", "(5,)", "reshape"]},
        {"file": save("three_d.npy", np.zeros((2, 3, 4))), "words": ["3-D", "(2, 3, 4)"]},
        {"file": save("empty.npy", np.zeros((0, 4))), "words": ["empty", "(0, 4)"]},
        {"file": save("nan.npy", np.where(base() == 6, np.nan, base())), "words": ["element [1, 2]", "NaN"]},
        {"file": save("inf_fortran.npy", np.asfortranarray(np.where(base() == 9, -np.inf, base()))), "words": ["element [2, 1]", "-Inf"]},
    ]

    # One entry per line: readable diffs without a line per number.
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        f.write('{"numpy": %s,\n' % json.dumps(np.__version__))
        for i, (key, entries) in enumerate([("npy", readable), ("csv", csv), ("refused", refused)]):
            f.write(' "%s": [\n  ' % key + ",\n  ".join(json.dumps(e) for e in entries) + "\n ]")
            f.write(",\n" if i < 2 else "\n}\n")


if __name__ == "__main__":
    main()
