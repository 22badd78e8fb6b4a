"""Changing any record: field by field at the prompt (each field saved once it checks out), or
the whole record in the editor (the fields that check out saved, the rest asked about again)."""

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from stepwork import render
from stepwork.cli.application import guarded
from stepwork.errors import UsageError, UserError
from stepwork.flows.prompting import read_line
from stepwork.messages import app as app_messages
from stepwork.messages import journal as journal_messages
from stepwork.messages import steps as steps_messages

if TYPE_CHECKING:
    from stepwork.kinds.base import Field, Kind


def find_record(conn: sqlite3.Connection, label: str) -> "tuple[Kind, int]":
    from stepwork import kinds

    found = kinds.resolve(conn, label)
    if found is None:
        raise UsageError(journal_messages.no_record(label))
    return found


def edit_record(record_id: str, in_editor: bool) -> None:
    from stepwork.store import journal_file

    with journal_file.reading() as conn:
        kind, number = find_record(conn, record_id)
        fields = kind.fields(conn, number)
        answered_as = kind.answered_as(conn, number)
    if not fields:
        raise UsageError(journal_messages.nothing_to_edit(record_id))
    label = kind.label_of(number)
    if answered_as is not None:
        from stepwork.store import lock

        # Another window answering this record would write its draft over the edit (or the
        # edit over its lines): hold it alone, as that window does.
        if not lock.answering(journal_file.ready(), *answered_as):
            raise UserError(steps_messages.open_elsewhere(label))

    def save(changes: dict[str, str]) -> None:
        with journal_file.writing() as conn:
            for key, value in changes.items():
                kind.update(conn, number, key, value)

    if in_editor:
        # Each time the editor closes, the fields that check out are saved; the editor opens
        # again with the problems written at the top and the person's text as they left it.
        changed, problems = _edit_in_editor(label, fields, save)
        if problems:
            err = render.console(stderr=True)
            for problem in problems:
                err.print(render.safe(problem))
            err.print(render.safe(journal_messages.editor_left_unsaved(changed, len(problems))))
            raise typer.Exit(1)
    else:
        # At the prompt each field is saved as soon as it is accepted, so an interrupt keeps it.
        saved: list[str] = []

        def ask() -> int:
            for key, value in _edit_by_field(fields, render.console()):
                save({key: value})
                saved.append(key)
            return 0

        # A rerun starts again at the first field, so a stop says what was kept, not "pick up".
        code = guarded(ask, f"stepwork edit {label}", kept=journal_messages.edit_stopped(label))
        if code != 0:
            raise typer.Exit(code)
        changed = bool(saved)
    if not changed:
        render.console().print(app_messages.NOTHING_CHANGED)
        return
    render.console().print(journal_messages.item_updated(label), style="green")


def _check(field: "Field", value: str) -> str:
    return field.parse(value) if field.parse is not None and value else value


def _edit_by_field(fields: Sequence["Field"], out: Console) -> Iterator[tuple[str, str]]:
    """Ask field by field; yield (key, new value) for each field changed, as it is changed."""
    out.print(journal_messages.EDIT_FIELDS_HOW, style="dim")
    for field in fields:
        out.print()
        out.print(render.safe(field.label, style="bold"))
        out.print(render.safe(field.value or steps_messages.ANSWER_SKIPPED, style="dim"))
        while True:
            reply = read_line(steps_messages.ANSWER_PROMPT)
            command = reply.strip()
            if not command:
                break
            if command == "/edit":
                from stepwork import settings
                from stepwork.flows import editor

                try:
                    command_line = editor.editor_command(settings.load()["editor"])
                    new_value = editor.edit(field.value, command_line)
                except (editor.EditorUnavailable, editor.EditorFailed):
                    out.print(steps_messages.NO_EDITOR, style="yellow")
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


PROBLEM_MARK = "#! "


def _edit_in_editor(
    label: str, fields: Sequence["Field"], save: Callable[[dict[str, str]], None]
) -> tuple[bool, list[str]]:
    """(anything saved, the problems left when the person closed the editor without a change)."""
    from stepwork import settings
    from stepwork.flows import editor

    lines = [journal_messages.editor_document_header(label)]
    for field in fields:
        lines += [f"{FIELD_MARK}{field.key} | {field.label}", field.value, ""]
    text = "\n".join(lines)
    current = {f.key: f.value for f in fields}
    saved_any = False
    while True:
        try:
            command_line = editor.editor_command(settings.load()["editor"])
            edited = _without_problems(editor.edit(text, command_line))
        except editor.EditorNeedsTerminal:
            raise UserError(
                app_messages.needs_a_person(f"stepwork edit {label} --editor")
            ) from None
        except editor.EditorUnavailable:
            raise UsageError(journal_messages.NO_EDITOR_FOR_EDIT) from None
        except editor.EditorFailed as problem:
            if saved_any:
                raise UsageError(journal_messages.editor_failed_rest_saved(str(problem))) from None
            raise UsageError(journal_messages.editor_failed_nothing_saved(str(problem))) from None
        changes, problems = _read_fields(edited, fields, current)
        if changes:
            save(changes)
            current.update(changes)
            saved_any = True
        if not problems or edited == _without_problems(text):
            return saved_any, problems
        text = "\n".join(
            [*(PROBLEM_MARK + p for p in problems), journal_messages.EDITOR_FIX_HOW, edited]
        )


def _without_problems(text: str) -> str:
    """The text without the problem lines written at its top (the person's words untouched)."""
    lines = text.split("\n")
    while lines and (
        lines[0].startswith(PROBLEM_MARK) or lines[0] == journal_messages.EDITOR_FIX_HOW
    ):
        lines.pop(0)
    return "\n".join(lines)


def _read_fields(
    text: str, fields: Sequence["Field"], current: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The fields that changed and check out, and a line for each one that does not."""
    by_key = {f.key: f for f in fields}
    values: dict[str, list[str]] = {}
    problems: list[str] = []
    key = None
    for line in text.split("\n"):
        if line.startswith(FIELD_MARK):
            key = line[len(FIELD_MARK) :].split("|", 1)[0].strip()
            if key not in by_key:
                problems.append(journal_messages.editor_unknown_field(key))
                key = None
                continue
            values[key] = []
        elif key is not None:
            values[key].append(line)
    changes = {}
    for key, collected in values.items():
        value = "\n".join(collected).strip()
        if value == current[key].strip():
            continue  # left as it was: kept exactly, never read again
        field = by_key[key]
        try:
            checked = (
                field.parse_lines(value) if field.parse_lines and value else _check(field, value)
            )
        except ValueError as problem:
            problems.append(f"{by_key[key].label}: {problem}")
            continue
        if checked != current[key]:
            changes[key] = checked
    return changes, problems
