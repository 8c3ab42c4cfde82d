"""Runs one test module with unittest and records every test's outcome.

Usage: python conformance_runner.py DIRECTORY MODULE OUT_JSON
Imports MODULE from DIRECTORY and writes {test id: outcome} to OUT_JSON,
where an outcome is pass, fail, error, skip, expected-failure or
unexpected-success (subtests are recorded as `id [params]`).
"""
import importlib
import json
import sys
import unittest


class Recorder(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = {}

    def _record(self, test, outcome):
        # A failing subtest or cleanup must not be hidden by a later pass.
        current = self.outcomes.get(test.id())
        if current in ("fail", "error") and outcome == "pass":
            return
        self.outcomes[test.id()] = outcome

    def addSuccess(self, test):
        self._record(test, "pass")

    def addFailure(self, test, err):
        self._record(test, "fail")

    def addError(self, test, err):
        self._record(test, "error")

    def addSkip(self, test, reason):
        self._record(test, "skip")

    def addExpectedFailure(self, test, err):
        self._record(test, "expected-failure")

    def addUnexpectedSuccess(self, test):
        self._record(test, "unexpected-success")

    def addSubTest(self, test, subtest, outcome):
        if outcome is not None:
            failed = issubclass(outcome[0], test.failureException)
            self.outcomes[subtest.id()] = "fail" if failed else "error"
            self._record(test, "fail" if failed else "error")


def main():
    directory, name, out = sys.argv[1:4]
    sys.path.insert(0, directory)
    module = importlib.import_module(name)
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    recorder = Recorder()
    suite.run(recorder)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(recorder.outcomes, handle, indent=0, sort_keys=True)


main()
