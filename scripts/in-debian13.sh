#!/bin/bash
# Runs a command inside the Debian 13 root (scripts/debian13-root.sh) with the host's .NET SDK, NuGet cache and this
# repository bind-mounted at the same paths, in a private mount namespace, so nothing outlives the command.
# Usage: bash scripts/in-debian13.sh COMMAND [ARGS...]     (run from anywhere; the command starts in the repository)
# The environment inside is clean but for the variables that set how native code runs (the benchmark's conditions):
# GLIBC_TUNABLES, OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, passed through when set.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="$(bash "$repo/scripts/debian13-root.sh")"
dotnet_dir="$(dirname "$(readlink -f "$(command -v dotnet)")")"
nuget="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
mkdir -p "$nuget"
passed=()
for name in GLIBC_TUNABLES OMP_NUM_THREADS OPENBLAS_NUM_THREADS; do
  if [ -n "${!name:-}" ]; then passed+=("$name=${!name}"); fi
done
# A compiler server from another call would be reused with other mounts (error CS2001): none here.
exec unshare -m -- bash -c '
  set -e
  root="$1"; repo="$2"; dotnet_dir="$3"; nuget="$4"; home="$5"; npassed="$6"; shift 6
  passed=("${@:1:$npassed}"); shift "$npassed"
  mount --make-rprivate /
  # The private /tmp first: a repository (or SDK) under /tmp is mounted over it, not hidden by it.
  mount -t tmpfs tmpfs "$root/tmp"
  for d in "$repo" "$dotnet_dir" "$nuget" "$home/.nuget/NuGet"; do mkdir -p "$root$d"; done
  mount --rbind /proc "$root/proc"; mount --rbind /dev "$root/dev"; mount --rbind /sys "$root/sys"
  mount --bind "$repo" "$root$repo"; mount --bind "$dotnet_dir" "$root$dotnet_dir"; mount --bind "$nuget" "$root$nuget"
  if [ -d "$home/.nuget/NuGet" ]; then mount --bind "$home/.nuget/NuGet" "$root$home/.nuget/NuGet"; fi
  cd /
  exec chroot "$root" env -i PATH="$dotnet_dir:/usr/sbin:/usr/bin:/sbin:/bin" HOME="$home" LANG=C.UTF-8 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1 \
    NUGET_PACKAGES="$nuget" "${passed[@]}" bash -c "cd \"$repo\" && exec \"\$@\"" bash "$@"
' bash "$root" "$repo" "$dotnet_dir" "$nuget" "$HOME" "${#passed[@]}" "${passed[@]}" "$@"
