"""Shared fixtures: running the real `sitrep` command in a subprocess, hermetically."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "examples"
# The real model and gazetteer load in a few seconds; this only stops a hung run from hanging the suite.
COMMAND_TIMEOUT_SECONDS = 180


@dataclass(frozen=True)
class Completed:
    """What one `sitrep` run printed and returned."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def records(self) -> list[dict[str, Any]]:
        """Standard output read as JSON Lines (every non-empty line must be a JSON object)."""
        records = [json.loads(line) for line in self.stdout.splitlines() if line.strip()]
        assert all(isinstance(r, dict) for r in records), self.stdout[:500]
        return records

    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def describe(self) -> str:
        return f"sitrep {' '.join(self.args)} -> {self.returncode}\nstderr:\n{self.stderr[-3000:]}"


RunSitrep = Callable[..., Completed]


def _command() -> list[str]:
    # The console script installed next to this interpreter, as a user runs it; the module otherwise.
    script = Path(sys.executable).parent / "sitrep"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sitrep.cli"]


def _clean_environment() -> dict[str, str]:
    # A developer's own database or config must not leak into the tests.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_sitrep_in(workdir: Path) -> RunSitrep:
    """A function running `sitrep *args` in `workdir` (stdin from `stdin`), returning a Completed."""

    def run(*args: str | Path, stdin: str | None = None) -> Completed:
        argv: Sequence[str] = [str(a) for a in args]
        result = subprocess.run(
            [*_command(), *argv],
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=workdir,
            env=_clean_environment(),
            timeout=COMMAND_TIMEOUT_SECONDS,
        )
        return Completed(tuple(argv), result.returncode, result.stdout, result.stderr)

    return run


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    assert EXAMPLES.is_dir(), f"the bundled examples are missing: {EXAMPLES}"
    return EXAMPLES


@pytest.fixture(scope="session")
def extracted_examples(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Completed:
    """`sitrep extract examples/` once per session: several test modules compare against it."""
    run = run_sitrep_in(tmp_path_factory.mktemp("extract-examples"))
    return run("extract", examples_dir)
