"""Checks desugared files with the running interpreter's own compiler.

Usage: python check_outputs.py PATH...
For each path, in order, prints one line:
`ok`, or `fail REASON` when the file does not compile or still
holds async syntax (async def, await, async with, async for, async
comprehensions).
"""
import ast
import sys
import warnings

ASYNC_NODES = (ast.AsyncFunctionDef, ast.Await, ast.AsyncWith, ast.AsyncFor)


def problem(path):
    with open(path, "rb") as handle:
        source = handle.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(source, path, "exec", dont_inherit=True)
            tree = ast.parse(source, path)
        except SyntaxError as error:
            return "SyntaxError: %s (line %s)" % (error.msg, error.lineno)
    for node in ast.walk(tree):
        if isinstance(node, ASYNC_NODES) or (isinstance(node, ast.comprehension) and node.is_async):
            return "async syntax left: %s at line %d" % (type(node).__name__, node.lineno if hasattr(node, "lineno") else 0)
    return None


def main():
    for path in sys.argv[1:]:
        reason = problem(path)
        print("ok" if reason is None else "fail " + reason.replace("\n", " "))


main()
