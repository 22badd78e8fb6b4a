"""Exports people read (markdown, the vault, the HTML packet) show controls and invisible
characters as the terminal does, and hold no live Obsidian link, embed or tag; the JSON export
keeps text exact."""

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from .conftest import lines

HOSTILE = (
    "bell\x07 esc\x1b[2J etx\x03 stx\x02 del\x7f c1\x9b "
    "rlo\u202eevil iso\u2066x zw\u200bsp bom\ufeff"
)
# What may never reach a file a person reads: C0 but newline and tab, DEL, C1, and the
# characters that hide or reorder text.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)


def written(run, tmp_path: Path) -> dict[str, str]:
    run("gratitude", HOSTILE)
    run("checkin", "--mood", "5", "--note", f"line one\n{HOSTILE}")
    run("step", "1", input=lines(HOSTILE, "", "", ""))
    out = {}
    for fmt in ("markdown", "html"):
        target = tmp_path / f"journal.{fmt}"
        result = run("export", "--format", fmt, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        out[fmt] = target.read_text(encoding="utf-8")
    piped = run("export", "-o", "-")
    assert piped.exit_code == 0, piped.stderr
    out["pipe"] = piped.stdout
    vault = tmp_path / "vault"
    assert run("export", "--vault", "-o", str(vault)).exit_code == 0
    for path in sorted(vault.rglob("*.md")):
        out[str(path.relative_to(vault))] = path.read_text(encoding="utf-8")
    return out


def test_human_readable_exports_show_controls_and_invisible_characters(run, tmp_path):
    files = written(run, tmp_path)
    assert any("gratitude" in name for name in files)
    for name, text in files.items():
        assert not RAW.search(text), (name, RAW.search(text))
    for name in ("markdown", "pipe", "html"):
        assert "␇" in files[name] and "␛" in files[name] and "␡" in files[name], name
        assert "␂" in files[name] and "␃" in files[name], name
        assert "⟨U+202E⟩" in files[name] and "⟨U+200B⟩" in files[name], name
    gratitude = next(text for name, text in files.items() if name.startswith("gratitude"))
    assert "⟨U+202E⟩evil" in gratitude and "␛" in gratitude


def test_the_json_export_stays_exact(run):
    run("gratitude", HOSTILE)
    exported = run("export", "--format", "json", "-o", "-").stdout
    [entry] = json.loads(exported)["tables"]["daily_entry"]
    assert entry["text"] == HOSTILE


def test_terminal_output_shows_invisible_characters_and_log_keeps_the_bell(run):
    run("amends", "add", "Bob \x1b]0;T\x07 [/]", "--harm", "rlo \u202eevil")
    for args in (("log",), ("show", "a1")):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert "Bob ␛]0;T␇ [/]" in result.stdout, args
        assert "⟨U+202E⟩evil" in result.stdout and "\u202e" not in result.stdout, args


def test_vault_text_makes_no_obsidian_link_embed_or_tag(run, tmp_path):
    run("gratitude", "see [[../../secret]] and ![[x.png]] #hashtag C# # not a tag")
    run("amends", "add", "[[Dad]]", "--harm", "#lies\n[[../x]]")
    vault = tmp_path / "vault"
    assert run("export", "--vault", "-o", str(vault)).exit_code == 0
    [gratitude] = [p for p in vault.rglob("*.md") if p.parent.name == "gratitude"]
    text = gratitude.read_text()
    assert "see \\[\\[../../secret]] and !\\[\\[x.png]] \\#hashtag C# # not a tag" in text
    [amends] = [p for p in vault.rglob("*.md") if p.parent.name == "amends"]
    for path in (gratitude, amends):
        body = path.read_text().split("---\n", 2)[2]
        # stepwork's own links (to the day) stay; none of the person's text is live.
        assert not re.search(r"(?<!\\)\[\[(?!\d{4}-\d\d-\d\d\]\])", body), path
        assert not re.search(r"(?<![\\\w])#\w", body), path
    # Still plain CommonMark: the escapes show as the text typed.
    rendered = MarkdownIt().render(text)
    assert "see [[../../secret]] and ![[x.png]] #hashtag" in rendered


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_an_export_to_a_pipe_matches_a_file(run, tmp_path, fmt):
    run("gratitude", HOSTILE)
    target = tmp_path / "out"
    run("export", "--format", fmt, "-o", str(target))
    assert run("export", "--format", fmt, "-o", "-").stdout == target.read_text(encoding="utf-8")
