"""Bad input through the real command: one stderr line per problem, the run goes on, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Completed, Pending, run_sitrep_in, start_sitrep_in

# Written for these tests: two short reports that each give at least one event.
SHELLING = {
    "id": "good-shelling",
    "published": "2024-10-16",
    "text": "Syrian government forces shelled the town of Sarmin on Tuesday, local officials said.",
}
STRIKE = {
    "id": "good-strike",
    "published": "2024-10-16",
    "text": "Russian warplanes struck villages in Idlib province on Monday, killing five people, "
            "residents said.",
}
GOOD_TEXT = (
    "By Staff Reporter, October 16, 2024\n\nGovernment forces shelled the town of Saraqib on Tuesday.\n"
)
# Newsless filler for the oversized file: nothing in it should become an event.
FILLER_LINE = "The weather stayed mild and the market opened as usual in the morning.\n"
BIG_FILE_BYTES = 50 * 1024 * 1024


def _sitrep_lines(result: Completed) -> list[str]:
    """The lines sitrep itself wrote to stderr (logging from libraries aside)."""
    return [line for line in result.stderr_lines() if line.startswith("sitrep")]


def _document_ids(result: Completed) -> set[str]:
    return {record["document_id"] for record in result.records()}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bad-input")


@pytest.fixture(scope="module")
def bad_files(workdir: Path) -> dict[str, Path]:
    """One of every kind of unusable file, by kind."""
    files = {
        "binary": workdir / "scan.txt",
        "empty": workdir / "empty.txt",
        "empty_text": workdir / "no-text.jsonl",
        "missing": workdir / "not-there.txt",
    }
    files["binary"].write_bytes(bytes(range(256)) * 40)
    files["empty"].write_text("   \n\n", encoding="utf-8")
    files["empty_text"].write_text(json.dumps({"id": "blank", "text": ""}) + "\n", encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def latin1_file(workdir: Path) -> Path:
    path = workdir / "latin1.txt"
    path.write_bytes("Government forces shelled the café district of Saraqib on Tuesday.\n".encode("latin-1"))
    return path


@pytest.fixture(scope="module")
def good_file(workdir: Path) -> Path:
    path = workdir / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def _write_big_file(path: Path) -> None:
    block = FILLER_LINE * 10_000
    with path.open("w", encoding="utf-8") as stream:
        for _ in range(BIG_FILE_BYTES // len(block) + 1):
            stream.write(block)
    assert path.stat().st_size >= BIG_FILE_BYTES


@pytest.fixture(scope="module", autouse=True)
def started(
    workdir: Path, bad_files: dict[str, Path], latin1_file: Path, good_file: Path
) -> Iterator[dict[str, Pending]]:
    """Every run of this module, started at once so that they load the model side by side."""
    three_lines = workdir / "three-lines.jsonl"
    three_lines.write_text(json.dumps(SHELLING) + "\n{not json at all\n" + json.dumps(STRIKE) + "\n",
                           encoding="utf-8")  # fmt: skip
    _write_big_file(workdir / "huge.txt")
    mixed = [*(bad_files[kind] for kind in ("binary", "empty")), latin1_file,
             *(bad_files[kind] for kind in ("missing", "empty_text")), good_file]  # fmt: skip
    start = start_sitrep_in(workdir)
    runs = {
        "bad_line": start("extract", three_lines.name),
        "mixed": start("extract", *(p.name for p in mixed)),
        "only_bad": start("geoparse", bad_files["missing"].name, bad_files["binary"].name),
        "big": start("extract", "huge.txt", good_file.name),
    }
    yield runs
    for run in runs.values():
        run.close()


@pytest.fixture(scope="module")
def bad_line_between_good_ones(started: dict[str, Pending]) -> Completed:
    return started["bad_line"].result()


@pytest.fixture(scope="module")
def mixed_run(started: dict[str, Pending]) -> Completed:
    return started["mixed"].result()


@pytest.fixture(scope="module")
def big_run(started: dict[str, Pending]) -> Completed:
    return started["big"].result()


# --- an invalid JSON line between two good ones ---------------------------------------------------------


def test_an_invalid_json_line_is_skipped_and_both_good_lines_processed(
    bad_line_between_good_ones: Completed,
) -> None:
    result = bad_line_between_good_ones
    assert result.returncode == 1, result.describe()
    assert "Traceback" not in result.stderr
    assert _document_ids(result) == {"good-shelling", "good-strike"}


def test_the_invalid_json_line_gets_one_message_naming_file_and_line(
    bad_line_between_good_ones: Completed,
) -> None:
    lines = _sitrep_lines(bad_line_between_good_ones)
    assert len(lines) == 1, bad_line_between_good_ones.stderr
    assert "three-lines.jsonl:2" in lines[0]
    assert "JSON" in lines[0]


# --- unusable files mixed with a good one ---------------------------------------------------------------


def test_unusable_files_are_skipped_and_the_good_one_processed(mixed_run: Completed, good_file: Path) -> None:
    assert mixed_run.returncode == 1, mixed_run.describe()
    assert "Traceback" not in mixed_run.stderr
    assert good_file.name in _document_ids(mixed_run)
    for record in mixed_run.records():
        if record["document_id"] == good_file.name:
            evidence = record["evidence"]
            assert GOOD_TEXT[evidence["start"] : evidence["end"]] == evidence["sentence"]


@pytest.mark.parametrize("kind", ["binary", "empty", "missing", "empty_text"])
def test_each_unusable_file_gets_exactly_one_line_naming_it(
    mixed_run: Completed, bad_files: dict[str, Path], kind: str
) -> None:
    name = bad_files[kind].name
    naming = [line for line in _sitrep_lines(mixed_run) if name in line]
    assert len(naming) == 1, (kind, mixed_run.stderr)
    # A reason follows the name: "sitrep: skipped FILE: reason".
    reason = naming[0].split(name, 1)[1].lstrip(":0123456789 ")
    assert len(reason) >= 5, naming[0]
    assert name not in _document_ids(mixed_run)


def test_messages_say_what_is_wrong(mixed_run: Completed, bad_files: dict[str, Path]) -> None:
    by_file = {kind: next(line for line in _sitrep_lines(mixed_run) if path.name in line)
               for kind, path in bad_files.items()}  # fmt: skip
    assert "binary" in by_file["binary"].lower()
    assert "empty" in by_file["empty"].lower()
    assert "no such file" in by_file["missing"].lower()
    assert "no-text.jsonl:1" in by_file["empty_text"] and "text" in by_file["empty_text"].split(":1", 1)[1]


def test_a_latin1_file_is_either_read_or_skipped_with_one_clear_line(
    mixed_run: Completed, latin1_file: Path
) -> None:
    naming = [line for line in _sitrep_lines(mixed_run) if latin1_file.name in line]
    if latin1_file.name in _document_ids(mixed_run):
        # Read: then the text is the decoded one, and offsets point into it.
        assert naming == [], naming
        text = latin1_file.read_bytes().decode("latin-1")
        for record in mixed_run.records():
            if record["document_id"] == latin1_file.name:
                evidence = record["evidence"]
                assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
    else:
        assert len(naming) == 1, mixed_run.stderr
        assert "UTF-8" in naming[0] or "encoding" in naming[0].lower(), naming[0]


def test_only_bad_input_still_exits_1_with_nothing_on_stdout(started: dict[str, Pending]) -> None:
    result = started["only_bad"].result()
    assert result.returncode == 1, result.describe()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert len(_sitrep_lines(result)) == 2, result.stderr


# --- a 50 MB file ---------------------------------------------------------------------------------------


def test_a_50_megabyte_file_does_not_stop_the_run(big_run: Completed, good_file: Path) -> None:
    assert "Traceback" not in big_run.stderr, big_run.describe()
    assert big_run.returncode in (0, 1), big_run.describe()
    if big_run.returncode == 1:
        assert any("huge.txt" in line for line in _sitrep_lines(big_run)), big_run.stderr
    assert good_file.name in _document_ids(big_run), big_run.describe()


# --- usage errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("extract", "--no-such-option"), ("events", "--format", "xml"), ("frobnicate",), ()],
    ids=["unknown option", "bad choice", "unknown command", "no command"],
)
def test_usage_errors_exit_2_with_a_message(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run_sitrep_in(tmp_path)(*args)
    assert result.returncode == 2, result.describe()
    assert "Traceback" not in result.stderr
    assert "usage:" in result.stderr and "error:" in result.stderr
    assert result.stdout == ""
