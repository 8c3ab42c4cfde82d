#!/usr/bin/env bash
# The Python package on every CPython 3.7+ found (`unawait pythons`): one
# abi3 wheel is built, installed with pytest into a fresh virtual environment
# per interpreter, and there
#   - python/tests runs: unawait.desugar and its errors, the import hook
#     (cache, line numbers, reload, bad input, concurrent imports), the pytest
#     plugin, and `unawait run` from the installed console script;
#   - tests/verify_pytest.rs runs `unawait verify --pytest` (cargo-built
#     binary) with those environments' interpreters;
#   - tests/golden.rs runs the golden suite, scripts/conformance.py
#     CPython's async test suites and scripts/fuzz_accelerated.py random
#     programs, with the imported runtime that the installed package's
#     extension accelerates (3.11+).
# Needs network access to PyPI (maturin for the build, pytest). pip picks the
# newest pytest each interpreter supports.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"

cargo build -q
start=$SECONDS
python3 -m pip wheel --quiet --disable-pip-version-check --no-deps -w "$work/wheel" .
wheel="$(ls "$work"/wheel/unawait-*.whl)"
echo "built $(basename "$wheel") in $((SECONDS - start)) s"

# The virtual environments' own variables would hide the bytecode cache.
unset PYTHONDONTWRITEBYTECODE
pythons=()
summary=()
while read -r version path; do
    minor="${version#3.}"; minor="${minor%%.*}"
    if [ "${version%%.*}" != 3 ] || [ "$minor" -lt 7 ]; then
        echo "skipping CPython $version ($path): PyO3's stable ABI starts at 3.7"
        continue
    fi
    venv="$work/venv-$version"
    "$path" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest "$wheel"
    installed="$("$venv/bin/python" -c 'import unawait, pytest; print(unawait.__file__, "pytest", pytest.__version__)')"
    echo "== CPython $version: $installed"
    case "$installed" in
        "$venv"/*) ;;
        *) echo "unawait is not imported from the virtual environment" >&2; exit 1 ;;
    esac
    log="$work/pytest-$version.log"
    if ! "$venv/bin/python" -m pytest -p no:cacheprovider -q python/tests > "$log" 2>&1; then
        cat "$log"
        echo "python/tests failed on CPython $version" >&2
        exit 1
    fi
    summary+=("CPython $version: $(tail -n1 "$log")")
    pythons+=("$venv/bin/python")
done < <(target/debug/unawait pythons)

if [ "${#pythons[@]}" -eq 0 ]; then
    echo "no CPython 3.7+ found" >&2
    exit 1
fi
printf '%s\n' "${summary[@]}"

echo "== unawait verify --pytest (tests/verify_pytest.rs) on those ${#pythons[@]} interpreters"
UNAWAIT_PYTEST_PYTHONS="$(IFS=:; echo "${pythons[*]}")" \
    cargo test -q --test verify_pytest -- --ignored

echo "== the golden suite with the runtime the package accelerates (tests/golden.rs; 3.11+ of those)"
UNAWAIT_PYTEST_PYTHONS="$(IFS=:; echo "${pythons[*]}")" \
    cargo test -q --test golden accelerated -- --ignored --nocapture

accelerated=()
for python in "${pythons[@]}"; do
    if "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        accelerated+=("$python")
    fi
done
if [ "${#accelerated[@]}" -eq 0 ]; then
    echo "no CPython 3.11+ here: the accelerated runtime is not tested" >&2
    exit 1
fi
echo "== conformance with the accelerated runtime (scripts/conformance.py --runtime import) on ${#accelerated[@]} interpreters"
python3 scripts/conformance.py --runtime import --unawait target/debug/unawait \
    --pythons "$(IFS=,; echo "${accelerated[*]}")"
echo "== random programs stepped through PyIter_Send with the accelerated runtime (scripts/fuzz_accelerated.py)"
python3 scripts/fuzz_accelerated.py --count 60 --unawait target/debug/unawait \
    --pythons "$(IFS=,; echo "${accelerated[*]}")"
