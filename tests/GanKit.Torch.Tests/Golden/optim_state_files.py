"""Writes optimizer state files in TorchSharp 0.107's format, field by field, independently of GanKit.

Format (TorchSharp OptimizerHelper.save_state_dict): the optimizer's type name as .NET's
BinaryWriter.Write(string) writes it (7-bit-encoded length, UTF-8 bytes); the group count and the
parameter-state count as unsigned LEB128; each group's options (InitialLearningRate, LearningRate as
little-endian doubles, then the optimizer's own fields); each parameter's state. A tensor record is
LEB128 dtype code (c10 numbering: 6 = float32, 7 = float64), LEB128 rank, LEB128 sizes, raw
little-endian elements. A conditional tensor is a bool byte, then the record when it is 1.
The values are the ones OptimizerStateFileTests sets by hand. Run: /usr/bin/python3 optim_state_files.py
"""
import struct

def string(s):
    b = s.encode()
    assert len(b) < 128
    return bytes([len(b)]) + b

def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n == 0:
            out.append(b)
            return bytes(out)
        out.append(b | 0x80)

def f64(*xs): return b"".join(struct.pack("<d", x) for x in xs)
def i64(x): return struct.pack("<q", x)
def flag(b): return bytes([1 if b else 0])

def tensor(code, shape, values):
    fmt = {6: "<f", 7: "<d"}[code]
    n = 1
    for s in shape: n *= s
    assert n == len(values)
    return leb(code) + leb(len(shape)) + b"".join(leb(s) for s in shape) + b"".join(struct.pack(fmt, v) for v in values)

def optional(t): return flag(t is not None) + (t or b"")

# Adam, one group: lr 0.01 (scheduled down to 0.005), betas (0.8, 0.9), eps 1e-6, weight_decay 0.5, amsgrad, not maximize.
# w: float32 [2, 2]; b: float32 [2].
adam = (string("Adam") + leb(1) + leb(2)
        + f64(0.01, 0.005, 0.8, 0.9, 1e-6, 0.5) + flag(True) + flag(False)
        + i64(3) + tensor(6, [2, 2], [0.5, -1.0, 1.5, 2.0]) + tensor(6, [2, 2], [0.25, 1.0, 2.25, 4.0])
        + optional(tensor(6, [2, 2], [0.5, 1.0, 2.5, 4.0]))
        + i64(5) + tensor(6, [2], [-0.125, 0.0625]) + tensor(6, [2], [0.015625, 0.00390625])
        + optional(tensor(6, [2], [0.03125, 0.0078125])))

# SGD, two groups: (lr 0.1, momentum 0.9, dampening 0.1, weight_decay 0.01, maximize) over p0 float64 [130]
# with a momentum buffer k/2; (lr 0.2, momentum 0.5, no dampening or decay) over p1 float64 [3], no buffer yet.
sgd = (string("SGD") + leb(2) + leb(2)
       + f64(0.1, 0.1, 0.9, 0.1, 0.01) + flag(False) + flag(True)
       + f64(0.2, 0.2, 0.5, 0.0, 0.0) + flag(False) + flag(False)
       + optional(tensor(7, [130], [k / 2 for k in range(130)]))
       + optional(None))

# RMSProp, one group: lr 0.01, alpha 0.9, eps 1e-8, no decay or momentum, centered, not maximize; p float32 [2].
# TorchSharp's RMSProp state always holds a momentum buffer and a centred average, zeros until used.
rmsprop = (string("RMSProp") + leb(1) + leb(1)
           + f64(0.01, 0.01) + flag(False) + f64(0.0, 0.9, 1e-8, 0.0) + flag(True)
           + i64(2) + tensor(6, [2], [0.75, 0.5]) + optional(tensor(6, [2], [0.0, 0.0]))
           + optional(tensor(6, [2], [-0.5, 0.25])))

for name, data in [("optim_state_adam.dat", adam), ("optim_state_sgd.dat", sgd), ("optim_state_rmsprop.dat", rmsprop)]:
    with open(name, "wb") as f:
        f.write(data)
