# Makes the torch.nn golden files for GanKit.Torch's tests, with PyTorch 1.13 (the same libtorch
# GanKit binds). Run offline: /usr/bin/python3 nn_make_goldens.py  (tests never need Python).
#   nn_goldens.json       inputs and PyTorch's outputs: default inits per seed, layer forwards, losses
#   nn_linear_state.dat   a state dict in TorchSharp's weight format, written here independently
#                         of GanKit from TorchSharp's Module.save / TensorExtensionMethods.Save code
import json, struct
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
out = {}

def put(name, t):
    t = t.detach()
    out[name] = {"shape": list(t.shape), "data": t.double().flatten().tolist()}

# ---- default initialisation, exact values for a seed -------------------------------------
torch.manual_seed(0); m = nn.Linear(5, 3); put("init.linear.weight", m.weight); put("init.linear.bias", m.bias)
torch.manual_seed(1); m = nn.Conv2d(2, 3, 3); put("init.conv2d.weight", m.weight); put("init.conv2d.bias", m.bias)
torch.manual_seed(2); m = nn.ConvTranspose2d(3, 2, 4, stride=2, padding=1); put("init.convt2d.weight", m.weight); put("init.convt2d.bias", m.bias)
torch.manual_seed(3); m = nn.Embedding(6, 4, padding_idx=1); put("init.embedding.weight", m.weight)
torch.manual_seed(4); t = torch.empty(4, 6); nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu"); put("init.kaiming_normal", t)
torch.manual_seed(5); t = torch.empty(4, 6); nn.init.xavier_uniform_(t, gain=nn.init.calculate_gain("tanh")); put("init.xavier_uniform_tanh", t)
torch.manual_seed(6); t = torch.empty(3, 5); nn.init.normal_(t, 0.0, 0.02); put("init.normal_0_0.02", t)

# ---- layer forwards on fixed inputs ----------------------------------------------------------
x = torch.linspace(-1, 1, 2 * 2 * 5 * 5, dtype=torch.float64).reshape(2, 2, 5, 5)
w = torch.linspace(-0.5, 0.7, 3 * 2 * 3 * 3, dtype=torch.float64).reshape(3, 2, 3, 3)
b = torch.tensor([0.1, -0.2, 0.3], dtype=torch.float64)
put("conv.x", x); put("conv.w", w); put("conv.b", b)
put("conv2d.s2p1", F.conv2d(x, w, b, stride=2, padding=1))
wt = torch.linspace(-0.3, 0.4, 2 * 3 * 4 * 4, dtype=torch.float64).reshape(2, 3, 4, 4)
put("convt.w", wt)
put("conv_transpose2d.s2p1", F.conv_transpose2d(x, wt, b, stride=2, padding=1))

xb = torch.tensor([[1.0, 2.0, -1.0], [3.0, 0.5, 0.0], [-2.0, 1.5, 4.0], [0.0, -1.0, 2.0]], dtype=torch.float64)
bn = nn.BatchNorm1d(3, momentum=0.3).double()
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.0, 2.0, 0.5])); bn.bias.copy_(torch.tensor([0.0, -1.0, 0.25]))
bn.train(); put("bn.x", xb); put("bn.train_out", bn(xb)); put("bn.running_mean", bn.running_mean); put("bn.running_var", bn.running_var)
bn.eval(); put("bn.eval_out", bn(xb))

xu = torch.arange(1.0, 7.0, dtype=torch.float64).reshape(1, 1, 2, 3)
put("up.x", xu)
put("up.nearest_x2", F.interpolate(xu, scale_factor=2.0, mode="nearest"))
put("up.bilinear_x2", F.interpolate(xu, scale_factor=2.0, mode="bilinear", align_corners=False))
put("up.bilinear_size_ac", F.interpolate(xu, size=(3, 4), mode="bilinear", align_corners=True))

# ---- losses --------------------------------------------------------------------------------
p = torch.tensor([[0.9, 0.2, 0.6], [0.1, 0.7, 0.4]], dtype=torch.float64)
y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]], dtype=torch.float64)
wbce = torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64)
logits = torch.tensor([[2.0, -1.0, 0.5], [-0.3, 1.2, -2.0]], dtype=torch.float64)
posw = torch.tensor([3.0, 1.0, 0.5], dtype=torch.float64)
put("loss.p", p); put("loss.y", y); put("loss.wbce", wbce); put("loss.logits", logits); put("loss.posw", posw)
scores = torch.tensor([[1.0, 2.0, 0.5, -1.0], [0.2, -0.4, 1.5, 0.3], [2.0, 0.1, 0.1, 0.1]], dtype=torch.float64)
cls = torch.tensor([1, 2, 0])
wce = torch.tensor([1.0, 0.5, 2.0, 1.0], dtype=torch.float64)
put("loss.scores", scores); out["loss.cls"] = {"shape": [3], "data": cls.double().tolist()}; put("loss.wce", wce)
for r in ["none", "mean", "sum"]:
    put(f"bce.{r}", F.binary_cross_entropy(p, y, reduction=r))
    put(f"bce_w.{r}", F.binary_cross_entropy(p, y, weight=wbce, reduction=r))
    put(f"bcel.{r}", F.binary_cross_entropy_with_logits(logits, y, reduction=r))
    put(f"bcel_w_pw.{r}", F.binary_cross_entropy_with_logits(logits, y, weight=wbce, pos_weight=posw, reduction=r))
    put(f"mse.{r}", F.mse_loss(p, y, reduction=r))
    put(f"ce.{r}", F.cross_entropy(scores, cls, reduction=r))
    put(f"ce_w.{r}", F.cross_entropy(scores, cls, weight=wce, reduction=r))
    put(f"ce_ignore2.{r}", F.cross_entropy(scores, cls, ignore_index=2, reduction=r))
    put(f"ce_ls0.1.{r}", F.cross_entropy(scores, cls, label_smoothing=0.1, reduction=r))
    put(f"nll_w.{r}", F.nll_loss(F.log_softmax(scores, 1), cls, weight=wce, reduction=r))

with open("nn_goldens.json", "w") as f:
    json.dump(out, f, indent=0)

# ---- TorchSharp weight file ----------------------------------------------------------------
def leb128(n):
    b = bytearray()
    while True:
        low = n & 0x7F; n >>= 7
        if n == 0: b.append(low); return bytes(b)
        b.append(low | 0x80)

def dotnet_string(s):   # BinaryWriter.Write(string): 7-bit-encoded byte length, then UTF-8
    raw = s.encode("utf-8"); return leb128(len(raw)) + raw

FLOAT32 = 6  # c10::ScalarType::Float, TorchSharp's ScalarType.Float32
entries = [("weight", torch.tensor([[0.5, -1.0, 2.0], [0.25, 3.0, -0.125]], dtype=torch.float32)),
           ("bias", torch.tensor([1.5, -2.5], dtype=torch.float32))]
blob = leb128(len(entries))
for name, t in entries:
    blob += dotnet_string(name) + leb128(FLOAT32) + leb128(t.dim()) + b"".join(leb128(s) for s in t.shape)
    blob += struct.pack("<%df" % t.numel(), *t.flatten().tolist())
with open("nn_linear_state.dat", "wb") as f:
    f.write(blob)
