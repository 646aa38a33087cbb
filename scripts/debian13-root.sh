#!/bin/bash
# Makes (once) and re-uses a minimal Debian 13 (trixie) root in which the official TorchSharp package's native
# library can load: its libLibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13), which Debian 12's libstdc++ lacks.
# Usage: bash scripts/debian13-root.sh            prints the root's path (making it first if needed; root only)
# The root lives in $GANKIT_DEBIAN13_ROOT (default /var/cache/gankit/debian13); delete it to start over.
set -euo pipefail
root="${GANKIT_DEBIAN13_ROOT:-/var/cache/gankit/debian13}"
ready="$root/.gankit-ready"
# What the root needs beside the minimal system: .NET's ICU, NuGet's certificates, git (runs record their commit).
packages=(libicu76 ca-certificates git)
if [ -f "$ready" ]; then
  if [ "$(chroot "$root" dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c 'install ok installed')" -ne ${#packages[@]} ]; then
    chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null 2>&1
  fi
  echo "$root"; exit 0
fi
if [ "$(id -u)" -ne 0 ]; then echo "debian13-root: making the root needs root (debootstrap, chroot)" >&2; exit 2; fi
command -v debootstrap > /dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap > /dev/null; }
mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
mirror="${mirror:-http://deb.debian.org/debian}"
rm -rf "$root.partial"
mkdir -p "$(dirname "$root")"
echo "debian13-root: debootstrap trixie from $mirror into $root (about 260 MB)" >&2
debootstrap --variant=minbase trixie "$root.partial" "$mirror" > "$root.partial.log" 2>&1 \
  || { echo "debian13-root: debootstrap failed, see $root.partial.log" >&2; exit 1; }
chroot "$root.partial" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null 2>&1
# The host's extra certificate authorities, after ca-certificates exists in the root, or NuGet restore fails (UntrustedRoot).
if compgen -G "/usr/local/share/ca-certificates/*" > /dev/null; then
  mkdir -p "$root.partial/usr/local/share/ca-certificates"
  cp -r /usr/local/share/ca-certificates/. "$root.partial/usr/local/share/ca-certificates/"
  chroot "$root.partial" update-ca-certificates > /dev/null
fi
touch "$root.partial/.gankit-ready"
mv "$root.partial" "$root"
echo "$root"
