#!/usr/bin/env bash
# Installs what GanKit needs from Debian's packages, and only what is missing. Idempotent.
#   libtorch-dev          libtorch 1.13 (CPU) headers, CMake config and libraries
#   libopenblas0-pthread  the BLAS libtorch should use (reference BLAS is ~8x slower)
#   cmake, g++            to build the native shim (src/Native)
#   python3-torch         PyTorch 1.13 on the same libtorch: the benchmark's PyTorch twin
#                         (tests/GanKit.Benchmarks/python/gan_steps.py, run by CI's --quick run) and
#                         the scripts that make the tests' golden files
set -euo pipefail

packages=(libtorch-dev libopenblas0-pthread cmake g++ python3-torch)
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
echo "setup: ok (libtorch $(dpkg-query -W -f='${Version}' libtorch-dev), BLAS $(basename "$(dirname "$blas")"))"
