"""Files read from a path a person gives: only a regular file, and only up to a size. A device,
a FIFO or a folder gets one line (never a hang, never the memory filled)."""

import os
from pathlib import Path

import pytest

from stepwork import inputs


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("source", ["stepwork", "jrnl"])
@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda tmp: Path("/dev/zero"), "it is a device"),
        (fifo, "it is a pipe (FIFO)"),
        (lambda tmp: tmp, "it is a folder"),
    ],
)
def test_import_refuses_what_is_not_a_file(run, home, tmp_path, source, make, why):
    path = make(tmp_path)
    result = run("import", str(path), "--from", source, "--dry-run")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"Could not read {path}: {why}, not a file stepwork can read." in result.stderr


@pytest.mark.parametrize("source", ["stepwork", "jrnl"])
def test_import_refuses_a_file_larger_than_it_reads(run, home, tmp_path, monkeypatch, source):
    monkeypatch.setattr(inputs, "IMPORT_LIMIT", 1024)
    big = tmp_path / "big.json"
    big.write_text('{"x": "' + "a" * 2000 + '"}')
    result = run("import", str(big), "--from", source, "--dry-run")
    assert result.exit_code == 1
    assert "it is larger than" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_wording_file_that_is_a_fifo_is_named_not_waited_on(run, home):
    home.mkdir(parents=True, exist_ok=True)
    os.mkfifo(home / "wording.toml")
    result = run("wording")
    assert "it is a pipe (FIFO), not a file stepwork can read" in result.output + result.stderr
