#!/usr/bin/env bash
# Prints the path of a Python interpreter of the wanted minor version ("3.10") or of the
# newest available >= the wanted version ("3.11+"). Looks at PATH, then at pyenv's versions.
set -euo pipefail
want="${1:?usage: find_python.sh 3.10|3.11+}"
works() { "$1" -c 'import sys, venv' >/dev/null 2>&1; }
minor_of() { "$1" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null; }
candidates=()
if [[ "$want" == *+ ]]; then
  base="${want%+}"
  candidates+=(python3 python3.13 python3.12 python3.11)
else
  base="$want"
  candidates+=("python$want")
fi
root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
for dir in $(ls -d "$root"/versions/3.* 2>/dev/null | sort -rV); do
  candidates+=("$dir/bin/python3")
done
for candidate in "${candidates[@]}"; do
  path="$(command -v "$candidate" 2>/dev/null || true)"
  [[ -n "$path" ]] && works "$path" || continue
  minor="$(minor_of "$path")"
  if [[ "$want" == *+ ]]; then
    if [[ "$(printf '%s\n%s\n' "$base" "$minor" | sort -V | head -1)" == "$base" ]]; then echo "$path"; exit 0; fi
  elif [[ "$minor" == "$base" ]]; then
    echo "$path"; exit 0
  fi
done
echo "No Python $want found (install it, e.g. with pyenv)" >&2
exit 1
