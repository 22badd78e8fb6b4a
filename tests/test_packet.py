"""The printable packet: one self-contained page, user text inert, and a PDF Chromium prints."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_transfer import small_journal

HOSTILE = "<script>alert(1)</script> ![x](http://example.com/t.png) <img src=x onerror=alert(2)>"
LONG_WORD = "resent" * 40
# Printable widths at 96 CSS px per inch, less 12 mm margins each side: A4 and Letter.
PAGE_WIDTHS = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((215.9 - 24) / 25.4 * 96)}


def packet(run, *args: str) -> str:
    result = run("export", "--format", "html", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def journal(run, clock):
    small_journal(run, clock)
    assert run("checkin", "--note", f"{HOSTILE} {LONG_WORD}").exit_code == 0
    return run


def test_one_self_contained_page_with_user_text_inert(journal):
    page = packet(journal)
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page  # nothing loads, nothing runs
    assert "<script" not in page and "<img" not in page and "<a " not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<link" not in page and not re.search(r"<[a-z]+[^>]*\s(src|href)=", page)
    assert "@media print" in page
    assert page.count('class="inventory-section"') == 2  # resentments, harms done
    foot = page[page.index("<footer>") :]
    assert "not therapy" in foot


def test_for_a_sponsor_and_the_filters(journal):
    page = packet(journal, "--for", "sponsor")
    assert "<title>For my sponsor</title>" in page
    assert "My boss" in page and "My uncle" not in page
    only = packet(journal, "--kind", "checkin")
    assert "Check-ins" in only and "Inventory" not in only
    assert journal("inventory", "share", "i1", "--with", "<b>Sam</b>").exit_code == 0
    name = packet(journal, "--for", "<b>Sam</b>")
    assert "<b>Sam" not in name and "&lt;b&gt;Sam&lt;/b&gt;" in name


def test_a_vault_is_not_html(journal, tmp_path):
    result = journal("export", "--format", "html", "--vault", "-o", str(tmp_path / "v"))
    assert result.exit_code == 2 and "drop --vault" in result.stderr


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium); .ci/run does it")


def headless(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    home = cwd / "chromium-home"
    home.mkdir(exist_ok=True)
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={home}",
        *args,
    ]
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(os.environ, HOME=str(home)),
        )
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium did not finish within two minutes here")
    if done.returncode != 0 and "Running as root without --no-sandbox" in done.stderr:
        pytest.skip("Chromium cannot start here")
    return done


@pytest.mark.slow
def test_chromium_prints_it_with_nothing_wider_than_the_page(journal, tmp_path):
    path = tmp_path / "packet.html"
    journal("export", "--format", "html", "-o", str(path))
    pdf = tmp_path / "packet.pdf"
    done = headless("--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri(), cwd=tmp_path)
    if not pdf.exists():
        pytest.skip(f"Chromium could not start: {done.stderr.strip()[-300:]}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = max(int(n) for n in re.findall(rb"/Count (\d+)", data))
    assert pages >= 3, "the step work, then each inventory section on a page of its own"

    # Measure the layout at the printable width of A4 and of Letter, in a copy with a script
    # (the packet itself allows none).
    page = path.read_text()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    measure = (
        "<script>const w = document.documentElement.clientWidth;"
        "const wide = [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.tagName);"
        "document.body.insertAdjacentHTML('beforeend', '<p id=measured>' + "
        "document.documentElement.scrollWidth + '/' + w + ':' + wide.join(',') + '</p>');"
        "</script>"
    )
    copy = tmp_path / "measure.html"
    copy.write_text(page.replace("</body>", measure + "</body>"))
    for paper, width in PAGE_WIDTHS.items():
        shown = headless(
            f"--window-size={width},1000", "--dump-dom", copy.as_uri(), cwd=tmp_path
        ).stdout
        [measured] = re.findall(r'<p id="measured">([^<]*)</p>', shown)
        scroll, rest = measured.split("/")
        client, wide = rest.split(":")
        assert int(scroll) <= int(client) and wide == "", f"{paper}: {measured}"
