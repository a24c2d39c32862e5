#!/bin/sh
# Regenerate <name>.out (stdout only) for tests under tests/py with CPython.
# Tests that have a hand-written <name>.exp are skipped: .exp takes precedence.
# Usage: tests/py/regen.sh [topic ...]    (default: every topic folder)
#        PYTHON=python3.11 tests/py/regen.sh int float
PY=${PYTHON:-python3}
cd "$(dirname "$0")" || exit 1
if [ $# -eq 0 ]; then set -- */; fi
n=0; skipped=0
for d in "$@"; do
    d=${d%/}
    for f in "$d"/*.py; do
        [ -e "$f" ] || continue
        base=$(basename "$f" .py)
        if [ -e "$d/$base.exp" ]; then
            skipped=$((skipped + 1))
            continue
        fi
        (cd "$d" && PYTHONHASHSEED=0 timeout 30 "$PY" "$base.py" > "$base.out" 2>/dev/null)
        n=$((n + 1))
    done
done
echo "regenerated $n .out files, skipped $skipped with .exp"
