"""Classifies the Python files under a directory with the running interpreter.

Usage: python scan_sources.py ROOT OUT_FILE
Writes one line per `.py` file under ROOT (skipping site-packages) to
OUT_FILE: `rejected PATH` when this interpreter's compiler refuses it,
`async PATH` when it holds async syntax (async def, await, async with,
async for, async comprehensions), `plain PATH` otherwise.
"""
import ast
import os
import sys
import warnings

ASYNC_NODES = (ast.AsyncFunctionDef, ast.Await, ast.AsyncWith, ast.AsyncFor)


def classify(path):
    with open(path, "rb") as handle:
        source = handle.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(source, path, "exec", dont_inherit=True)
            tree = ast.parse(source, path)
        except (SyntaxError, ValueError):
            return "rejected"
    for node in ast.walk(tree):
        if isinstance(node, ASYNC_NODES) or (isinstance(node, ast.comprehension) and node.is_async):
            return "async"
    return "plain"


def main():
    root, out = sys.argv[1], sys.argv[2]
    lines = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d != "site-packages")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                lines.append("%s %s\n" % (classify(path), path))
    with open(out, "w", encoding="utf-8") as handle:
        handle.writelines(lines)


main()
