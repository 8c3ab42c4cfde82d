"""`unawait run` from the installed command: the program runs as `python`
runs it, with its own modules desugared."""

import os
import subprocess
import sys

from conftest import write

PROGRAM = {
    "app/main.py": """\
        import asyncio, os, sys
        import helper


        async def main():
            return await helper.double(int(sys.argv[1]))


        def desugared(module):
            return any(name.endswith("_coroutine") for name in vars(module))


        # As given before 3.9, absolute since.
        print(sys.argv, __name__, __file__ == os.path.abspath(sys.argv[0]) or sys.version_info < (3, 9))
        print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
        print(asyncio.run(main()), desugared(sys.modules[__name__]), desugared(helper))
        print(sys.stdin.readline().strip())
        if sys.argv[2:] == ["fail"]:
            asyncio.run(helper.fail())
        sys.exit(3)
        """,
    "app/helper.py": """\
        async def double(x):
            return 2 * x


        async def fail():
            raise KeyError("line 6")
        """,
}


def test_a_script_runs_as_python_runs_it(tmp_path, command):
    write(tmp_path, PROGRAM)
    completed = command("run", "app/main.py", "21", "-x", cwd=tmp_path, input="from stdin\n")
    assert completed.returncode == 3, completed.stderr
    assert completed.stdout.splitlines() == [
        "['app/main.py', '21', '-x'] __main__ True",
        "True",
        "42 True True",
        "from stdin",
    ]


def test_a_traceback_names_the_original_lines(tmp_path, command):
    write(tmp_path, PROGRAM)
    completed = command("run", "app/main.py", "1", "fail", cwd=tmp_path, input="")
    assert completed.returncode == 1
    helper = os.path.join(str(tmp_path), "app", "helper.py")
    assert 'File "{}", line 6, in fail'.format(helper) in completed.stderr
    assert "KeyError: 'line 6'" in completed.stderr
    assert "_unawait_run" not in completed.stderr


def test_a_module_runs_as_python_dash_m_runs_it(tmp_path, command):
    write(
        tmp_path,
        {
            "tool/__init__.py": "",
            "tool/__main__.py": """\
            import asyncio, sys


            async def main():
                return sys.argv[1:]


            names = list(globals())
            print(asyncio.run(main()), __name__, any(n.endswith("_coroutine") for n in names))
            """,
        },
    )
    completed = command("run", "-m", "tool", "a", "--flag", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "['a', '--flag'] __main__ True"


def test_a_script_that_cannot_be_desugared_is_a_syntax_error(tmp_path, command):
    write(tmp_path, {"bad.py": "print('never')\nawait f()\n"})
    completed = command("run", "bad.py", cwd=tmp_path)
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert 'bad.py", line 2' in completed.stderr
    assert "'await' outside function" in completed.stderr


def test_another_interpreter_without_unawait_installed(tmp_path, command):
    # The venv's base interpreter has no unawait: its hook desugars by
    # running this package's command (`python -m unawait hook-desugar`).
    with open(os.path.join(sys.prefix, "pyvenv.cfg")) as config:
        home = next(line.split("=", 1)[1].strip() for line in config if line.startswith("home"))
    base = os.path.join(home, "python3")
    assert subprocess.run([base, "-c", "import unawait"], stderr=subprocess.DEVNULL).returncode
    write(tmp_path, PROGRAM)
    completed = command("run", "--python", base, "app/main.py", "2", cwd=tmp_path, input="x\n")
    assert completed.returncode == 3, completed.stderr
    assert completed.stdout.splitlines()[2:] == ["4 True True", "x"]
