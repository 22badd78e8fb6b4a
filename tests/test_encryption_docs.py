"""docs/encryption.md stays true: its recipe opens an encrypted journal without stepwork, and
`stepwork decrypt --output` writes a plain copy while the journal stays encrypted."""

import os
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from stepwork.store import encryption

from . import test_encryption
from .test_encryption import PASS, WORDS, encrypt, leaked

written = test_encryption.written

DOC = Path(__file__).parent.parent / "docs" / "encryption.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(), flags=re.S)


@pytest.mark.slow
def test_the_recipe_opens_an_encrypted_journal(written, home, tmp_path):
    encrypt(written)
    assert leaked(home) == []
    [recipe] = blocks("python")
    assert len(recipe.strip().splitlines()) <= 15
    script = tmp_path / "open_journal.py"
    script.write_text(recipe)
    # No controlling terminal, so getpass reads the passphrase from standard input.
    env = {k: v for k, v in os.environ.items() if not k.startswith("STEPWORK_")}
    done = subprocess.run(
        [sys.executable, str(script), str(home / "stepwork.db")],
        input=PASS + "\n",
        capture_output=True,
        text=True,
        env=env,
        start_new_session=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    counts = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines())
    assert counts["checkin"] == "1" and counts["amends"] == "1"

    [export_sql] = [b for b in blocks("sql") if "sqlcipher_export" in b]
    plain = tmp_path / "by-hand.db"
    with_export = recipe + (
        "\nconn.executescript(" + repr(export_sql.replace("plain.db", str(plain))) + ")\n"
    )
    script.write_text(with_export)
    again = subprocess.run(
        [sys.executable, str(script), str(home / "stepwork.db")],
        input=PASS + "\n",
        capture_output=True,
        text=True,
        env=env,
        start_new_session=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr
    conn = sqlite3.connect(plain)
    assert WORDS[2] in conn.execute("SELECT note FROM checkin").fetchone()[0]
    conn.close()


def test_decrypt_output_writes_a_plain_copy_and_keeps_the_journal_encrypted(
    written,
    home,
    tmp_path,
):
    encrypt(written)
    copy = tmp_path / "plain.db"
    result = written("decrypt", "--output", str(copy))
    assert result.exit_code == 0, result.stderr
    assert "still encrypted" in " ".join(result.stdout.split())
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    conn = sqlite3.connect(copy)
    assert WORDS[3] in conn.execute("SELECT text FROM daily_entry").fetchone()[0]
    conn.close()
    assert encryption.is_encrypted(home / "stepwork.db") and leaked(home) == []
    again = written("decrypt", "--output", str(copy))
    assert again.exit_code == 1 and "already exists" in again.stderr
    onto = written("decrypt", "--output", str(home / "stepwork.db"), "--force")
    assert onto.exit_code == 1 and "your journal" in onto.stderr
    assert encryption.is_encrypted(home / "stepwork.db")
