"""The hand-written stub matches the native module."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_stubtest() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "newswire._newswire",
         "--allowlist", str(ROOT / "tests" / "python" / "stubtest-allowlist.txt")],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_type_checks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "-p", "newswire"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
