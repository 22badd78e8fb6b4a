"""Changing any record: field by field at the prompt, or the whole record in the editor.
Every new value is checked before anything is written, and all of it is saved at once."""

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from stepwork import messages, render
from stepwork.cli.base import guarded
from stepwork.errors import UsageError
from stepwork.prompting import read_line

if TYPE_CHECKING:
    from stepwork.kinds.base import Field, Kind


def find_record(conn: sqlite3.Connection, label: str) -> "tuple[Kind, int]":
    from stepwork import kinds

    found = kinds.resolve(conn, label)
    if found is None:
        raise UsageError(messages.no_record(label))
    return found


def edit_record(record_id: str, in_editor: bool) -> None:
    from stepwork.store import journal

    with journal.reading() as conn:
        kind, number = find_record(conn, record_id)
        fields = kind.fields(conn, number)
    if not fields:
        raise UsageError(messages.nothing_to_edit(record_id))
    label = kind.label_of(number)

    def save(changes: dict[str, str]) -> None:
        with journal.writing() as conn:
            for key, value in changes.items():
                kind.update(conn, number, key, value)

    if in_editor:
        # The whole record comes back at once: checked whole, then saved whole.
        changes = _edit_in_editor(label, fields)
        if changes:
            save(changes)
        changed = bool(changes)
    else:
        # At the prompt each field is saved as soon as it is accepted, so an interrupt keeps it.
        saved: list[str] = []

        def ask() -> int:
            for key, value in _edit_by_field(fields, render.console()):
                save({key: value})
                saved.append(key)
            return 0

        code = guarded(ask, f"stepwork edit {label}")
        if code != 0:
            raise typer.Exit(code)
        changed = bool(saved)
    if not changed:
        render.console().print(messages.NOTHING_CHANGED)
        return
    render.console().print(messages.item_updated(label), style="green")


def _check(field: "Field", value: str) -> str:
    return field.parse(value) if field.parse is not None and value else value


def _edit_by_field(fields: Sequence["Field"], out: Console) -> Iterator[tuple[str, str]]:
    """Ask field by field; yield (key, new value) for each field changed, as it is changed."""
    out.print(messages.EDIT_FIELDS_HOW, style="dim")
    for field in fields:
        out.print()
        out.print(render.safe(field.label, style="bold"))
        out.print(render.safe(field.value or messages.ANSWER_SKIPPED, style="dim"))
        while True:
            reply = read_line(messages.ANSWER_PROMPT)
            command = reply.strip()
            if not command:
                break
            if command == "/edit":
                from stepwork import editor, settings

                try:
                    command_line = editor.editor_command(settings.load()["editor"])
                    new_value = editor.edit(field.value, command_line)
                except (editor.EditorUnavailable, editor.EditorFailed):
                    out.print(messages.NO_EDITOR, style="yellow")
                    continue
            else:
                new_value = "" if command == "-" else reply.strip()
            try:
                checked = _check(field, new_value)
            except ValueError as problem:
                out.print(str(problem), style="yellow")
                continue
            if checked != field.value:
                yield field.key, checked
            break


FIELD_MARK = "#> "


def _edit_in_editor(label: str, fields: Sequence["Field"]) -> dict[str, str]:
    from stepwork import editor, settings

    lines = [messages.editor_document_header(label)]
    for field in fields:
        lines += [f"{FIELD_MARK}{field.key} | {field.label}", field.value, ""]
    try:
        command_line = editor.editor_command(settings.load()["editor"])
        text = editor.edit("\n".join(lines), command_line)
    except editor.EditorUnavailable:
        raise UsageError(messages.NO_EDITOR_FOR_EDIT) from None
    except editor.EditorFailed as problem:
        raise UsageError(messages.editor_failed_nothing_saved(str(problem))) from None
    by_key = {f.key: f for f in fields}
    values: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith(FIELD_MARK):
            key = line[len(FIELD_MARK) :].split("|", 1)[0].strip()
            if key not in by_key:
                raise UsageError(messages.editor_unknown_field(key))
            current = key
            values[current] = []
        elif current is not None:
            values[current].append(line)
    changes = {}
    for key, collected in values.items():
        value = "\n".join(collected).strip()
        try:
            checked = _check(by_key[key], value)
        except ValueError as problem:
            raise UsageError(f"{by_key[key].label}: {problem} Nothing was saved.") from None
        if checked != by_key[key].value:
            changes[key] = checked
    return changes
