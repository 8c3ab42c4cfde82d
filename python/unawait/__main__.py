"""The `unawait` command, run in-process by the extension (the same code
as the native binary's)."""

import sys


def main():
    from ._unawait import main as command_line

    command_line(["unawait"] + sys.argv[1:])


if __name__ == "__main__":
    main()
