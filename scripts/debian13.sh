#!/bin/bash
# The Debian 13 checks (CI runs them after the test command; issue 14). In a Debian 13 root (scripts/debian13-root.sh),
# on copies of this working tree under artifacts/debian13 (a tree holds one backend's build: bin/ and obj/ are per tree):
#   official  the official TorchSharp-cpu 0.107.0 package (libtorch 2.10): every test project and every notebook's smoke
#             run, as scripts/test.sh and scripts/notebooks.sh --smoke run them on the host
#   binding   our binding (GanKit.Torch) built against Debian 13's libtorch-dev 2.6: the binding's tests
# Usage: bash scripts/debian13.sh [official|binding]...      (default: both; as root)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
parts=("$@"); ((${#parts[@]})) || parts=(official binding)

# Copies the working tree's files (tracked, and untracked ones git does not ignore) into $1, keeping its bin/ and obj/,
# and gives it its own data cache: hard links to the host's (data/cache), so a cache the tree writes (atomically, by
# rename) never changes the host's files.
copy_tree() {
  local dest=$1
  mkdir -p "$dest"
  git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$dest"
  if [[ -d data/cache ]]; then rm -rf "$dest/data/cache"; cp -al data/cache "$dest/data/cache"; fi
}

for part in "${parts[@]}"; do
  start=$SECONDS
  tree="artifacts/debian13/$part"
  copy_tree "$tree"
  case $part in
    official)
      bash scripts/in-debian13.sh bash -c "cd '$tree' && export TorchBackend=TorchSharp &&
        bash scripts/test.sh && bash scripts/notebooks.sh --smoke -o '$repo/artifacts/debian13/notebooks'" ;;
    binding)
      bash scripts/in-debian13.sh bash -c "cd '$tree' && export TorchBackend=GanKit && bash scripts/setup.sh &&
        dotnet test tests/GanKit.Torch.Tests -c Release -nologo" ;;
    *) echo "debian13: unknown part '$part' (official or binding)" >&2; exit 2 ;;
  esac
  echo "debian13: $part done in $((SECONDS - start)) s"
done
