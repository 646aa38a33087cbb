#!/bin/bash
# The Debian 13 checks (CI runs them after the test command; issue 14). In a Debian 13 root (scripts/debian13-root.sh),
# on copies of this working tree under artifacts/debian13 (a tree holds one backend's build: bin/ and obj/ are per tree):
#   official  the official TorchSharp-cpu 0.107.0 package (libtorch 2.10)
#   binding   our binding (GanKit.Torch) built against Debian 13's libtorch-dev 2.6
# each: every test project and every notebook's smoke run, as scripts/test.sh and scripts/notebooks.sh --smoke run them
# on the host (notebook outputs in artifacts/debian13/notebooks-<part>).
# Usage: bash scripts/debian13.sh [--build] [official|binding]...      (default: both; as root)
#   --build   only set the trees up and build them (setup and the solution): the benchmark's peers (--peers) run there
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
build_only=false
if [[ ${1:-} == --build ]]; then build_only=true; shift; fi
parts=("$@"); ((${#parts[@]})) || parts=(official binding)

# Makes $1 a git worktree of this repository at HEAD (so runs there record the commit, as on the host) holding the
# working tree's files (tracked, and untracked ones git does not ignore), keeping its bin/ and obj/: only files whose
# content changed are written, and they get the time of the copy, so the tree's incremental build sees them as new (a
# copy keeping the source's older time would be skipped). The tree gets its own data cache: hard links to the host's
# (data/cache), so a cache the tree writes (atomically, by rename) never changes the host's files.
copy_tree() {
  local dest=$1 file
  if [[ ! -e $dest/.git ]]; then git worktree prune; git worktree add -q --detach --no-checkout "$dest" HEAD; fi
  git -C "$dest" reset -q --soft HEAD && git -C "$dest" reset -q "$(git rev-parse HEAD)"
  while IFS= read -r -d '' file; do
    [[ -e $file ]] || continue
    if ! cmp -s "$file" "$dest/$file"; then mkdir -p "$dest/$(dirname "$file")"; cp "$file" "$dest/$file"; fi
  done < <(git ls-files -z --cached --others --exclude-standard)
  if [[ -d data/cache ]]; then rm -rf "$dest/data/cache"; cp -al data/cache "$dest/data/cache"; fi
}

for part in "${parts[@]}"; do
  case $part in
    official) backend=TorchSharp ;;
    binding) backend=GanKit ;;
    *) echo "debian13: unknown part '$part' (official or binding)" >&2; exit 2 ;;
  esac
  start=$SECONDS
  tree="artifacts/debian13/$part"
  copy_tree "$tree"
  if $build_only; then
    bash scripts/in-debian13.sh bash -c "cd '$tree' && export TorchBackend=$backend && bash scripts/setup.sh &&
      dotnet build Notebooks.sln -c Release -nologo -v quiet -clp:ErrorsOnly"
  else
    bash scripts/in-debian13.sh bash -c "cd '$tree' && export TorchBackend=$backend &&
      bash scripts/test.sh && bash scripts/notebooks.sh --smoke -o '$repo/artifacts/debian13/notebooks-$part'"
  fi
  echo "debian13: $part done in $((SECONDS - start)) s"
done
