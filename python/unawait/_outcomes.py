"""A pytest plugin for `unawait verify --pytest`: records each test's
outcome (passed, failed, skipped, xfailed, xpassed, error) and the short
reason of a failure, and the modules the plugin desugared, written as
JSON to a file when the session ends."""

import json


class Outcomes:
    def __init__(self, path):
        self.path = path
        self.tests = {}

    def _record(self, nodeid, outcome, reason):
        # The first problem stands: a failed call is not undone by a
        # passing teardown, and an error at teardown spoils a pass.
        current = self.tests.get(nodeid)
        if current is None or current["outcome"] == "passed":
            self.tests[nodeid] = {"outcome": outcome, "reason": reason}

    def pytest_runtest_logreport(self, report):
        xfail = hasattr(report, "wasxfail")
        if report.when == "call":
            if xfail:
                outcome = "xfailed" if report.skipped else "xpassed"
            else:
                outcome = report.outcome
        elif report.failed:
            outcome = "error"
        elif report.skipped:
            outcome = "xfailed" if xfail else "skipped"
        else:
            if report.nodeid not in self.tests:
                self.tests[report.nodeid] = {"outcome": "passed", "reason": ""}
            return
        self._record(report.nodeid, outcome, _reason(report))

    def pytest_collectreport(self, report):
        if report.failed:
            self._record(report.nodeid or "<collection>", "error", _reason(report))

    def pytest_sessionfinish(self, session):
        desugaring = session.config.pluginmanager.get_plugin("unawait-session")
        modules = set(desugaring.hook.modules) if desugaring is not None else ()
        with open(self.path, "w") as file:
            json.dump({"tests": self.tests, "desugared": sorted(modules)}, file)


def _reason(report):
    """The line pytest's short summary gives: the exception's message, or
    a skip's reason."""
    longrepr = report.longrepr
    if longrepr is None:
        return ""
    if isinstance(longrepr, tuple):
        return str(longrepr[-1])
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message.splitlines()[0] if crash.message else ""
    lines = str(longrepr).strip().splitlines()
    return lines[-1] if lines else ""
