"""Hostile text in, safe text out: whatever a person types, pastes or imports is shown exactly,
never read as Rich markup, never sent to the terminal as control characters, and can never
change the structure of a markdown export."""

import json
import subprocess
from pathlib import Path

import pexpect
import pytest
import yaml
from markdown_it import MarkdownIt

from .conftest import child_env, lines, stepwork_command

ESC = "\x1b"
# Text people paste: Rich markup, terminal escapes (title, clear screen, a hyperlink), the
# search highlighter's own marks, C1 and DEL, an emoji code.
CORPUS = [
    "[/]",
    "[/]x",
    "zzz [bold]",
    "[link=file:///etc/passwd]x[/link]",
    "title\x1b]0;owned\x07",
    "clear\x1b[2J",
    "link\x1b]8;;http://example.com\x1b\\here\x1b]8;;\x1b\\",
    "marks\x02in\x03text",
    "c1\x9b31m and del\x7f",
    "emoji :smile:",
]
# How each must show: literally, with controls as visible symbols.
SHOWN = {
    "title\x1b]0;owned\x07": "title␛]0;owned␇",
    "clear\x1b[2J": "clear␛[2J",
    "link\x1b]8;;http://example.com\x1b\\here\x1b]8;;\x1b\\": "link␛]8;;http://example.com␛",
    "marks\x02in\x03text": "marks␂in␃text",
    "c1\x9b31m and del\x7f": "c1M-^[31m and del␡",
}


def shown(text: str) -> str:
    return SHOWN.get(text, text)


def assert_safe(result, *expected: str) -> None:
    """No bug exit, no control character from the text, and the text shown (where a table
    would wrap it, only the first)."""
    output = result.stdout + result.stderr
    assert result.exit_code != 70, output
    assert ESC not in output and "\x9b" not in output and "\x07" not in output
    for text in expected:
        assert shown(text) in output.replace("\n", ""), (text, output)


@pytest.mark.parametrize("text", CORPUS, ids=range(len(CORPUS)))
def test_every_command_that_prints_shows_hostile_text_literally(run, text):
    word = "hostileword"
    for args in (
        ("sober", "start", text),
        ("amends", "add", text, "--harm", f"{word} {text}"),
        ("gratitude", f"{word} {text}"),
        ("service", f"{word} {text}", "--note", text),
        ("checkin", "--mood", "5", "--note", f"{word} {text}", "--trigger", f"place:{text}"),
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        assert_safe(result)
    run("step", "4", input=lines("1", text, "", f"{word} {text}", "", "", "n", "", "", "", "n"))
    assert_safe(run("inventory", "share", "i1", "--with", text), text)
    assert_safe(run("sober"), text)
    assert_safe(run("sober", "history", text))
    assert_safe(run("amends"))
    assert_safe(run("gratitude"))
    assert_safe(run("service", "--list"))
    assert_safe(run("inventory", "list"))
    assert_safe(run("inventory", "show", "i1"), text)
    assert_safe(run("show", "a1"), text)
    assert_safe(run("show", "g1"), text)
    assert_safe(run("log"))
    assert_safe(run("log", "--json"))
    assert_safe(run("stats"))
    assert_safe(run("search", word))
    assert_safe(run("search", f"{word} {text}"))
    assert_safe(run("search", word, "--json"))
    assert_safe(run())  # the welcome panel lists the counters
    assert_safe(run("sober", "reset", text), text)
    assert_safe(run("sober", "start", text), text)  # refused: already a counter, named safely
    assert_safe(run("show", text))  # refused: no such record, named safely


def test_a_search_for_markup_echoes_the_query_literally(run):
    result = run("search", "zzz [bold]")
    assert result.exit_code == 0
    assert "Nothing found for 'zzz [bold]'" in result.stdout
    assert run("search", "zzz [/]").exit_code == 0


def test_search_highlighting_survives_its_own_marks_in_text(run):
    run("gratitude", "hello \x02sponsor\x03 day")
    result = run("search", "sponsor")
    assert result.exit_code == 0
    assert "hello ␂sponsor␃ day" in result.stdout
    assert "\x02" not in result.stdout and "\x03" not in result.stdout


def test_a_live_link_is_never_made(run):
    result = run("sober", "start", "[link=file:///etc/passwd]x[/link]")
    assert result.exit_code == 0
    assert "[link=file:///etc/passwd]x[/link]" in result.stdout
    assert "\x1b]8" not in run("sober").stdout


def test_typing_markup_at_the_section_menu(run):
    result = run("step", "4", input=lines("[/]", ""))
    assert result.exit_code == 0, result.stdout
    assert "'[/]' is not one of the choices" in result.stdout


def test_settings_and_wording_with_markup(run, home):
    assert_safe(run("config", "higher_power", "[/]"), "[/]")
    assert_safe(run("config"), "[/]")
    home.mkdir(exist_ok=True)
    (home / "wording.toml").write_text('[steps]\n1 = "We [/] admitted \\u001b[2J it"\n')
    assert_safe(run("wording"), "We [/] admitted ␛[2J it")


def test_stored_text_is_kept_exactly(run, db):
    text = "title\x1b]0;owned\x07 [/] \x9b"
    run("gratitude", text)
    assert db("SELECT text FROM daily_entry") == [(text,)]


def test_a_home_and_paths_with_markup_are_named_safely(tmp_path, monkeypatch, run):
    home = tmp_path / "my [/] home\x1b[2J"
    monkeypatch.setenv("STEPWORK_HOME", str(home))
    run("gratitude", "x")
    for args in (("paths",), ("backup",), ("export", "-o", str(tmp_path / "out [/].md"))):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        assert_safe(result, "[/]")


@pytest.mark.slow
def test_not_utf8_arguments_and_input_are_saved_and_the_person_told(home, tmp_path):
    env = child_env(home)
    result = subprocess.run(
        [*stepwork_command(), "gratitude", b"caf\xe9".decode("utf-8", "surrogateescape")],
        env=env,
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    assert b"not readable text" in result.stderr
    result = subprocess.run(
        [*stepwork_command(), "step", "1"], env=env, input=b"caf\xe9\n\n", capture_output=True
    )
    assert b"not readable text" in result.stderr
    log = subprocess.run([*stepwork_command(), "log", "--json"], env=env, capture_output=True)
    texts = [entry["summary"] for entry in json.loads(log.stdout)]
    assert sum("caf\ufffd" in t for t in texts) == 2, texts


# --- markdown ------------------------------------------------------------------------------

HOSTILE_NOTES = [
    "```\nan unclosed code block",
    "<!-- hides the rest",
    "<script>alert(1)</script>",
    "---",
    "lied\n# yes",
    "one\n===",
    "# H1\n## H2\n### H3\n#### H4\n##### H5",
    "~~~python\nprint()\n",
    "    indented\n<pre>\nraw",
    "> quoted\n- listed\n1. numbered\n| a | b |\n|---|---|",
    "del \x7f c1 \x85\x9b and \ufffe",
    "* * *\n___\n- - -",
    "text with a trailing backslash \\",
    "<div>\n\nblock html",
]
JRNL_MARKDOWN_HEADINGS = (
    "# Heading 1\n\n## Heading 2\n\n### Heading 3\n\n#### Heading 4\n\n##### Heading 5\n\n"
    "```\n# not a heading in a code block\n```\n"
)


def outline(markdown: str) -> list[tuple[str, str]]:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(markdown)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((token.tag, tokens[index + 1].content))
    return found


def structure(markdown: str) -> list[str]:
    """Every block that is not a paragraph, quote or table body: what text must not create."""
    parser = MarkdownIt("commonmark").enable("table")
    return [
        t.type
        for t in parser.parse(markdown)
        if t.type in ("fence", "code_block", "html_block", "hr", "table_open", "bullet_list_open")
    ]


def table_widths(markdown: str) -> list[int]:
    parser = MarkdownIt("commonmark").enable("table")
    widths, count = [], 0
    for token in parser.parse(markdown):
        if token.type == "tr_open":
            count = 0
        elif token.type in ("td_open", "th_open"):
            count += 1
        elif token.type == "tr_close":
            widths.append(count)
    return widths


def fill_journal(run, tmp_path: Path, texts: list[str]) -> None:
    entries = [
        {
            "title": "",
            "body": text,
            "date": "2026-01-02",
            "time": f"10:{n:02d}",
            "tags": [],
            "starred": False,
        }
        for n, text in enumerate([*texts, JRNL_MARKDOWN_HEADINGS if texts[0] != "plain" else "x"])
    ]
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"tags": {}, "entries": entries}))
    assert run("import", "--from", "jrnl", str(source)).exit_code == 0
    for text in texts:
        run("step", "1", input=lines(text, "", "", ""))
        run("amends", "add", "Dad", "--harm", text)
        run("checkin", "--mood", "5", "--note", text, "--grateful", text.replace("\n", " ") or "x")
        run("step", "4", input=lines("1", "boss", "", text, "", "", "n", "", "", "", "n"))


def test_hostile_notes_cannot_change_the_markdown_outline(run, tmp_path, monkeypatch):
    plain = ["plain"] * len(HOSTILE_NOTES)
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "plain"))
    fill_journal(run, tmp_path, plain)
    expected = run("export").stdout
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "hostile"))
    fill_journal(run, tmp_path, HOSTILE_NOTES)
    exported = run("export").stdout

    assert outline(exported) == outline(expected)
    assert [h for h in outline(exported) if h[0] == "h1"] == [("h1", "My stepwork journal")]
    assert structure(exported) == structure(expected)
    assert table_widths(exported) == table_widths(expected)
    # The words themselves are all there.
    assert "lied" in exported and "alert(1)" in exported and "Heading 5" in exported


def test_hostile_titles_and_names_stay_inside_their_heading(run, tmp_path):
    run("amends", "add", "lied\n# yes", "--harm", "## two\n---")
    run("sober", "start", "**bold** <b>name</b>")
    entries = [{"title": "# [x](y) <!--", "body": "b", "date": "2026-01-02", "time": "10:00"}]
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"entries": entries}))
    run("import", "--from", "jrnl", str(source))
    exported = run("export").stdout
    assert [h for h in outline(exported) if h[0] == "h1"] == [("h1", "My stepwork journal")]
    assert ("h3", "\\# \\[x\\](y) \\<\\!--: 2026-01-02") in outline(exported)
    assert structure(exported).count("html_block") == 0
    shared = run("export", "--for", "<!-- [/]\n# x")
    # Nothing is marked for that name: said in one line, with the name shown as typed.
    assert shared.exit_code == 1 and shared.stdout == ""
    assert "<!-- [/]" in shared.stderr and len(shared.stderr.strip().splitlines()) == 1


def test_vault_files_have_valid_front_matter_and_their_own_outline(run, tmp_path):
    run("amends", "add", "lied\n# yes", "--harm", "lied\n# yes\n<!--")
    for n, text in enumerate(HOSTILE_NOTES):
        run("gratitude", "--date", f"2026-01-{n + 1:02d}", "--", text)
    vault = tmp_path / "vault"
    assert run("export", "--vault", "-o", str(vault)).exit_code == 0
    files = sorted(vault.rglob("*.md"))
    records = [f for f in files if f.parent.name in ("gratitude", "amends")]
    assert len(records) == len(HOSTILE_NOTES) + 1
    for path in files:
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        assert isinstance(meta["title"], str)
        headings = outline(body)
        assert [tag for tag, _ in headings].count("h1") == 1, (path, headings)
        if path in records:  # index and daily notes hold stepwork's own lists of links
            assert structure(body) == [], (path, structure(body))
    amends = next(p for p in files if "amends" in str(p))
    meta = yaml.safe_load(amends.read_text().split("---\n", 2)[1])
    assert meta["title"].startswith("Amends: lied")


@pytest.mark.parametrize("title", ["del \x7f", "c1 \x85\x9b", "nonchar \ufffe", "nul \x00 tab \t"])
def test_front_matter_holds_any_title_exactly(title):
    from stepwork.export.vault import front_matter_value

    assert yaml.safe_load(f"title: {front_matter_value(title)}")["title"] == title


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_an_export_printed_on_a_terminal_shows_controls(run, home, fmt):
    from .pty_helpers import finish, spawn

    run("gratitude", "clear\x1b[2J del\x7f c1\x9b")
    child = spawn(home, "export", "--format", fmt)
    child.expect(pexpect.EOF)
    output = child.before
    assert finish(child) == 0
    assert ESC not in output and "\x9b" not in output and "\x7f" not in output
    exported = run("export", "--format", fmt).stdout
    if fmt == "json":
        assert "clear\\u001b[2J del\\u007f c1\\u009b" in output
        [entry] = json.loads(exported)["tables"]["daily_entry"]
        assert entry["text"] == "clear\x1b[2J del\x7f c1\x9b"  # into a file or pipe: exact
    else:
        assert "clear␛\\[2J del␡ c1M-^\\[" in output
        assert "clear␛\\[2J del␡ c1M-^\\[" in exported  # a pipe too: people read markdown
