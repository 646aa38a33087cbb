# Golden numbers for GaussianGanTwinTests: the d2l 2-D Gaussian GAN written in PyTorch 1.13, on the
# same libtorch as GanKit.Torch. Run with Debian's interpreter: /usr/bin/python3 make_gaussian_gan.py
import json
import torch
from torch import nn

SEED, EPOCHS, BATCH = 7, 3, 8
torch.manual_seed(SEED)
torch.set_num_threads(1)

X = torch.randn(1000, 2)
A = torch.tensor([[1.0, 2.0], [-0.1, 0.5]])
b = torch.tensor([1.0, 2.0])
data = X @ A + b

G = nn.Linear(2, 2)
D = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 3), nn.Tanh(), nn.Linear(3, 1))
for p in list(D.parameters()) + list(G.parameters()):
    nn.init.normal_(p, 0, 0.02)
loss = nn.BCEWithLogitsLoss(reduction="sum")
opt_D = torch.optim.Adam(D.parameters(), lr=0.05)
opt_G = torch.optim.Adam(G.parameters(), lr=0.005)
ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)

epochs = []
for epoch in range(EPOCHS):
    perm = torch.randperm(1000)
    sum_D = sum_G = 0.0
    for i in range(0, 1000, BATCH):
        Xb = data.index_select(0, perm[i:i + BATCH])
        Z = torch.randn(BATCH, 2)
        opt_D.zero_grad()
        loss_D = (loss(D(Xb), ones) + loss(D(G(Z).detach()), zeros)) / 2
        loss_D.backward()
        opt_D.step()
        opt_G.zero_grad()
        loss_G = loss(D(G(Z)), ones)
        loss_G.backward()
        opt_G.step()
        sum_D += loss_D.item()
        sum_G += loss_G.item()
    epochs.append({"loss_D": sum_D / 1000, "loss_G": sum_G / 1000})

json.dump({
    "seed": SEED, "epochs": epochs,
    "G.weight": G.weight.detach().flatten().tolist(), "G.bias": G.bias.detach().tolist(),
}, open("gaussian_gan.json", "w"), indent=1)
print(epochs)
