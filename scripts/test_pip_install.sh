#!/usr/bin/env bash
# Both install routes give a working `unawait` command: `pip install .` into a
# fresh virtual environment (with `import unawait` too), and `cargo install
# --path .` (a native executable) into a scratch root; each prints what the
# cargo-built binary prints, with the same version. Needs network access to PyPI (pip fetches maturin for the build).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Reuse the repository's cargo builds (maturin builds in release mode).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

"$python" -m venv "$work/venv"
start=$SECONDS
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$root"
echo "pip install . took $((SECONDS - start)) s"

installed="$work/venv/bin/unawait"
test -x "$installed" || { echo "pip install did not install bin/unawait" >&2; exit 1; }
(cd "$root" && cargo build -q)
built="$CARGO_TARGET_DIR/debug/unawait"

expected_version="unawait $(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)"
actual_version="$("$installed" --version)"
if [ "$actual_version" != "$expected_version" ]; then
    echo "installed unawait --version says '$actual_version', expected '$expected_version'" >&2
    exit 1
fi

for runtime in inline import; do
    "$installed" --runtime "$runtime" "$root/examples/countdown.py" > "$work/installed.py"
    "$built" --runtime "$runtime" "$root/examples/countdown.py" > "$work/built.py"
    if ! cmp -s "$work/installed.py" "$work/built.py"; then
        echo "installed and cargo-built unawait differ on examples/countdown.py (--runtime $runtime)" >&2
        diff "$work/built.py" "$work/installed.py" | head -20 >&2
        exit 1
    fi
done

# The package imports, in-process, with the command's version and output.
"$work/venv/bin/python" - "$root/examples/countdown.py" "$work/built.py" "$expected_version" <<'PYTHON'
import sys
import unawait
example, printed, version = sys.argv[1:]
assert "unawait " + unawait.__version__ == version, unawait.__version__
with open(example, "rb") as file:
    desugared = unawait.desugar(file.read(), runtime="import")
with open(printed) as file:
    assert desugared == file.read(), "unawait.desugar differs from the command"
print("import unawait works: unawait.desugar gives what the command prints")
PYTHON

# The installed command runs the desugared example like the original.
"$installed" "$root/examples/countdown.py" > "$work/countdown.py"
original="$("$python" "$root/examples/countdown.py")"
desugared="$("$work/venv/bin/python" "$work/countdown.py")"
if [ "$original" != "$desugared" ]; then
    echo "the desugared example prints something else:" >&2
    diff <(echo "$original") <(echo "$desugared") >&2
    exit 1
fi

# cargo install builds in release mode too; with the shared target
# directory it reuses what maturin built.
start=$SECONDS
cargo install --quiet --locked --path "$root" --root "$work/cargo-root"
echo "cargo install --path . took $((SECONDS - start)) s"
# cargo install keeps giving the plain native executable.
if [ "$(head -c 4 "$work/cargo-root/bin/unawait" | od -An -c | tr -d ' ')" != '177ELF' ]; then
    echo "cargo install --path . did not install a native executable" >&2
    exit 1
fi
"$work/cargo-root/bin/unawait" "$root/examples/countdown.py" > "$work/cargo-installed.py"
if ! cmp -s "$work/cargo-installed.py" "$work/countdown.py"; then
    echo "cargo install and pip install give different output" >&2
    exit 1
fi
echo "pip install . and cargo install --path . work: $actual_version, same output as cargo build"
