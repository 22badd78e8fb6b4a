"""The Obsidian vault: stable names, a manifest that keeps it in step, links that resolve."""

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest

from stepwork.export.vault import MANIFEST, obsidian_tag

from .conftest import lines
from .test_transfer import export_json, small_journal

LINK = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")


def vault_files(vault: Path) -> dict[str, str]:
    return {
        p.relative_to(vault).as_posix(): p.read_text()
        for p in sorted(vault.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def front(text: str) -> dict[str, str]:
    head = text.split("---\n")[1]
    return dict(line.split(": ", 1) for line in head.splitlines())


def record_ids(files: dict[str, str]) -> set[str]:
    return {json.loads(front(t)["id"]) for p, t in files.items() if "id" in front(t)}


def journal_ids(run, with_people: bool = False) -> set[str]:
    """Every record's ID; people (p) and reaching out (r) only when the vault is asked for them."""
    found = {e["id"] for e in json.loads(run("log", "-n", "1000", "--json").stdout)}
    return found if with_people else {i for i in found if i[0] not in "pr"}


def ids_of(run, kind: str) -> list[str]:
    return [e["id"] for e in json.loads(run("log", "-k", kind, "--json").stdout)]


def assert_links_resolve(files: dict[str, str]) -> None:
    stems = {Path(p).stem for p in files}
    assert len(stems) == len(files), "every note name is unique, so a [[link]] names one file"
    for path, text in files.items():
        for target in LINK.findall(text):
            assert target in stems, f"{path} links to missing {target}"


def said(result) -> str:
    return " ".join(result.stderr.split())


def export(run, vault: Path, *extra: str):
    result = run("export", "--vault", "-o", str(vault), *extra)
    assert result.exit_code == 0, result.stderr
    return result


def test_export_twice_around_edits_and_deletes_keeps_the_vault_in_step(run, clock, tmp_path, db):
    small_journal(run, clock)
    [(item,)] = db("SELECT item_id FROM amends WHERE id = 1")
    vault = tmp_path / "vault"
    first = export(run, vault)
    files = vault_files(vault)
    assert record_ids(files) == journal_ids(run)
    assert f"holds {len(files)} files" in said(first)
    assert_links_resolve(files)
    by_id = {json.loads(front(t)["id"]): p for p, t in files.items() if "id" in front(t)}
    amends_path, item_path = by_id["a1"], by_id[f"i{item}"]
    assert f"[[{Path(item_path).stem}" in files[amends_path]
    assert any("[[step-04|Step 4]]" in t for p, t in files.items() if p.startswith("inventory/"))
    assert "daily/2026-11-22.md" in files and "steps/step-04.md" in files
    [counter] = [t for p, t in files.items() if p.startswith("counters/")]
    assert 'name: "alcohol"' in counter and "started_on: 2026-06-14" in counter

    own = vault / "checkin" / "my own thoughts.md"
    own.write_text("mine")
    (vault / "daily" / "2026-01-01.md").write_text("my own daily note")
    assert run("amends", "set", "a1", "--status", "made").exit_code == 0
    assert run("delete", "c1", "--yes").exit_code == 0
    assert run("delete", ids_of(run, "gratitude")[0], "--yes").exit_code == 0
    second = export(run, vault)
    after = {
        p: t
        for p, t in vault_files(vault).items()
        if p not in ("checkin/my own thoughts.md", "daily/2026-01-01.md")
    }
    assert record_ids(after) == journal_ids(run)
    assert f"holds {len(after)} files" in said(second) and "removed" in said(second)
    assert_links_resolve(after)
    assert own.read_text() == "mine"
    assert (vault / "daily" / "2026-01-01.md").read_text() == "my own daily note"
    assert amends_path in after and "(made)" in after[amends_path]
    assert not [p for p in after if p.startswith(("checkin/", "gratitude/"))]
    assert (vault / "checkin").is_dir()  # the person's own file is still in it
    assert not (vault / "gratitude").exists()  # emptied of stepwork's files, so removed
    assert "daily/2026-11-22.md" in after  # the service entry is still on that day

    third = export(run, vault)
    assert "0 written" in said(third) and vault_files(vault) == vault_files(vault)


def test_names_are_the_same_on_another_device(run, clock, tmp_path, monkeypatch):
    small_journal(run, clock)
    export(run, tmp_path / "here")
    document = tmp_path / "journal.json"
    document.write_text(json.dumps(export_json(run)))
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "other-device"))
    assert run("import", str(document)).exit_code == 0
    export(run, tmp_path / "there")
    here, there = vault_files(tmp_path / "here"), vault_files(tmp_path / "there")
    assert sorted(here) == sorted(there)


def test_a_stale_file_the_person_changed_or_replaced_by_a_link_is_left(run, clock, tmp_path):
    small_journal(run, clock)
    vault = tmp_path / "vault"
    export(run, vault)
    [checkin] = list((vault / "checkin").glob("*.md"))
    [gratitude] = list((vault / "gratitude").glob("*.md"))
    checkin.write_text(checkin.read_text() + "\nmy own words\n")
    outside = tmp_path / "outside.md"
    outside.write_text("outside")
    gratitude.unlink()
    gratitude.symlink_to(outside)
    run("delete", "c1", "--yes")
    run("delete", ids_of(run, "gratitude")[0], "--yes")
    result = export(run, vault)
    assert "my own words" in checkin.read_text()
    assert gratitude.is_symlink() and outside.read_text() == "outside"
    assert "Left alone" in result.stderr


def squeezed(text: str) -> str:
    """Without any white space, as a long path wrapped over lines still reads whole."""
    return "".join(text.split())


def manifest_digests(vault: Path) -> dict[str, str]:
    return json.loads((vault / MANIFEST).read_text())["files"]


def test_a_file_the_person_changed_is_never_rewritten(run, clock, tmp_path):
    small_journal(run, clock)
    vault = tmp_path / "vault"
    export(run, vault)
    [gratitude] = list((vault / "gratitude").glob("*.md"))
    day = vault / "daily" / "2026-11-22.md"
    listed = manifest_digests(vault)
    for mine in (gratitude, day):
        mine.write_text(mine.read_text() + "MY HAND EDIT\n")
    held = {str(p.relative_to(vault)): listed[str(p.relative_to(vault))] for p in (gratitude, day)}
    held_day = str(day.relative_to(vault))

    # Nothing changed in the journal: stepwork has nothing to write, and must not undo the edit.
    again = export(run, vault)
    assert gratitude.read_text().endswith("MY HAND EDIT\n")
    assert squeezed(f"Left alone: {gratitude} (changed by you)") in squeezed(again.stderr)
    assert "0 written or updated" in said(again) and "2 left alone" in said(again)
    ours = len(vault_files(vault)) - 2
    assert f"holds {ours} files" in said(again)
    assert "rename" in said(again) and "delete" in said(again)

    # The day's note changes in the journal too: the person's copy still wins.
    clock("2026-11-22 21:00")
    assert run("gratitude", "a quiet walk").exit_code == 0
    third = export(run, vault)
    assert day.read_text().endswith("MY HAND EDIT\n") and "a quiet walk" not in day.read_text()
    assert squeezed(f"Left alone: {day} (changed by you)") in squeezed(third.stderr)
    assert {p: manifest_digests(vault)[p] for p in held} == held  # still known as changed

    # A deleted record's changed file is not removed either.
    mine = json.loads(front(gratitude.read_text())["id"])
    assert run("delete", mine, "--yes").exit_code == 0
    fourth = export(run, vault)
    assert gratitude.read_text().endswith("MY HAND EDIT\n")
    assert squeezed(f"Left alone: {gratitude} (changed by you)") in squeezed(fourth.stderr)

    # Renaming it gives the path back to stepwork, and the person keeps their copy.
    kept = day.with_name("my copy.md")
    day.rename(kept)
    fifth = export(run, vault)
    assert "MY HAND EDIT" in kept.read_text() and "MY HAND EDIT" not in day.read_text()
    assert hashlib.sha256(day.read_bytes()).hexdigest() == manifest_digests(vault)[held_day]
    assert squeezed(f"Left alone: {day}") not in squeezed(fifth.stderr)


@pytest.mark.parametrize("stop_at", ["first file", "last manifest"])
def test_an_interrupted_export_leaves_nothing_that_looks_changed(
    run, clock, tmp_path, monkeypatch, stop_at
):
    from stepwork.outputs import Folder

    small_journal(run, clock)
    vault = tmp_path / "vault"
    export(run, vault)
    clock("2026-11-22 21:00")
    assert run("gratitude", "a quiet walk").exit_code == 0  # the day's note changes
    real_write = Folder.write
    manifests = []

    def stopping_write(self, subfolder, name, text):
        if name == MANIFEST:
            manifests.append(name)
            if stop_at == "last manifest" and len(manifests) == 2:
                raise KeyboardInterrupt
        elif stop_at == "first file":
            raise KeyboardInterrupt
        return real_write(self, subfolder, name, text)

    monkeypatch.setattr(Folder, "write", stopping_write)
    stopped = run("export", "--vault", "-o", str(vault))
    assert stopped.exit_code == 130 and "Nothing was changed" not in stopped.stderr
    assert "partly updated" in said(stopped)
    monkeypatch.setattr(Folder, "write", real_write)
    clock("2026-11-22 22:00")
    assert run("gratitude", "an early night").exit_code == 0  # and changes again
    result = export(run, vault)
    assert "Left alone" not in result.stderr
    assert len(ids_of(run, "gratitude")) == 3
    assert len([p for p in vault_files(vault) if p.startswith("gratitude/")]) == 3
    for path, digest in manifest_digests(vault).items():
        assert hashlib.sha256((vault / path).read_bytes()).hexdigest() == digest


def test_a_planted_link_is_left_alone_and_counted(run, clock, tmp_path):
    small_journal(run, clock)
    vault = tmp_path / "vault"
    export(run, vault)
    [gratitude] = list((vault / "gratitude").glob("*.md"))
    outside = tmp_path / "outside.md"
    outside.write_text("outside")
    gratitude.unlink()
    gratitude.symlink_to(outside)
    result = export(run, vault)
    assert outside.read_text() == "outside"
    assert squeezed(f"Left alone: {gratitude} (a link") in squeezed(result.stderr)
    assert "1 left alone" in said(result)


def test_a_long_title_is_whole_in_the_note_and_cut_only_in_the_log(run, tmp_path, home):
    who = "The manager who let me go from the warehouse job without a word"
    person = "My landlord at the old apartment on the corner of Elm and Third"
    heading = "A long evening after the meeting, and what my sponsor said about it"
    run("step", "4", input=lines("1", who, "", "let me go", "", "", "n", "", "", "", "n"))
    assert run("amends", "add", person, "--harm", "late rent").exit_code == 0
    conn = sqlite3.connect(home / "stepwork.db")
    with conn:
        conn.execute(
            "INSERT INTO note (uid, local_date, written_at, title, body, tags, starred, "
            "created_at, updated_at) VALUES ('u1', '2026-01-02', '2026-01-02 10:00:00.000000', "
            "?, 'B', '', 0, '2026-01-02 10:00:00.000000', '2026-01-02 10:00:00.000000')",
            (heading,),
        )
    conn.close()
    vault = tmp_path / "vault"
    export(run, vault)
    files = vault_files(vault)
    for kind, title in (
        ("inventory", f"Resentment: {who}"),
        ("amends", f"Amends: {person} (not yet willing)"),
        ("note", heading),
    ):
        [(path, text)] = [(p, t) for p, t in files.items() if p.startswith(f"{kind}/")]
        assert json.loads(front(text)["title"]) == title
        assert f"\n# {title}\n" in text and "…" not in text
        assert len(Path(path).stem) < 70  # the file's name stays short
    assert any(f"|Resentment: {who}]]" in t for p, t in files.items() if p.startswith("daily/"))
    listed = {e["id"]: e["title"] for e in json.loads(run("log", "--json").stdout)}
    assert "…" in listed["a1"] and "…" in listed["i1"]  # the log's listing is unchanged


def test_a_hostile_manifest_cannot_remove_files_outside_the_vault(run, clock, tmp_path):
    small_journal(run, clock)
    vault = tmp_path / "vault"
    export(run, vault)
    victim = tmp_path / "victim.md"
    victim.write_text("keep me")
    digest = hashlib.sha256(b"keep me").hexdigest()
    manifest = json.loads((vault / MANIFEST).read_text())
    manifest["files"]["../victim.md"] = digest
    manifest["files"]["checkin/../../victim.md"] = digest
    (vault / MANIFEST).write_text(json.dumps(manifest))
    export(run, vault)
    assert victim.read_text() == "keep me"


def test_a_filtered_export_removes_nothing(run, clock, tmp_path):
    small_journal(run, clock)
    vault = tmp_path / "vault"
    export(run, vault)
    before = set(vault_files(vault))
    export(run, vault, "--kind", "checkin")
    assert set(vault_files(vault)) == before


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("@c++", "c-plus-plus"),
        ("@os/2", "os/2"),
        ("@2024", "tag-2024"),
        ("home group", "home-group"),
        ("@día", "día"),
        ("@!!", "tag"),
        ("not_willing", "not_willing"),
    ],
)
def test_tags_follow_obsidian_rules(tag, expected):
    assert obsidian_tag(tag) == expected


def test_a_note_keeps_its_original_tags_in_front_matter(run, tmp_path, home):
    assert run("paths").exit_code == 0
    assert run("gratitude", "x").exit_code == 0
    conn = sqlite3.connect(home / "stepwork.db")
    with conn:
        conn.execute(
            "INSERT INTO note (uid, local_date, written_at, title, body, tags, starred, "
            "created_at, updated_at) VALUES ('u1', '2026-01-02', '2026-01-02 10:00:00.000000', "
            "'T', 'B', '@c++,@os/2', 1, '2026-01-02 10:00:00.000000', "
            "'2026-01-02 10:00:00.000000')"
        )
    conn.close()
    vault = tmp_path / "vault"
    export(run, vault)
    [note] = (vault / "note").glob("*.md")
    fields = front(note.read_text())
    assert json.loads(fields["tags"]) == ["note", "c-plus-plus", "os/2", "starred"]
    assert json.loads(fields["stepwork_tags"]) == ["note", "@c++", "@os/2", "starred"]


def test_people_stay_out_of_the_vault_unless_asked_for(run, clock, tmp_path):
    small_journal(run, clock)
    plain = tmp_path / "plain"
    export(run, plain)
    text = "\n".join(vault_files(plain).values())
    assert "555 0134" not in text and "Sam" not in text
    with_people = tmp_path / "with"
    export(run, with_people, "--with-people")
    files = vault_files(with_people)
    assert record_ids(files) == journal_ids(run, with_people=True)
    assert any("555 0134" in t for t in files.values())
