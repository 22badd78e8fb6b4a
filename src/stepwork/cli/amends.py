"""The amends list and steps eight and nine."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from stepwork import render
from stepwork.cli import completion, paging, panels
from stepwork.cli.application import guarded
from stepwork.cli.steps import STEP_FLOWS, STEP_SHOWS, GuideRun, run_step_guide, step_intro
from stepwork.domain.states import (
    AMENDS_STATUS_WORDS,
    AmendsKind,
    AmendsStatus,
    amends_kind,
    amends_status,
)
from stepwork.errors import UsageError
from stepwork.flows.prompting import ask_day, ask_yes_no, read_line
from stepwork.messages import amends as amends_messages
from stepwork.messages import parse as parse_messages
from stepwork.parse import dates, limits, record_ids
from stepwork.parse.choices import menu
from stepwork.render import layout

if TYPE_CHECKING:
    from stepwork.store.amends import AmendsRow

commands = typer.Typer(add_completion=False)

amends_app = typer.Typer(
    help="The people you have harmed and the amends you are making (steps 8 and 9).",
    invoke_without_command=True,
)
commands.add_typer(amends_app, name="amends", rich_help_panel=panels.STEP_WORK)

STATUS_WORDS = AMENDS_STATUS_WORDS
KINDS = tuple(k.value for k in AmendsKind)


def amends_label(amends_id: int) -> str:
    return record_ids.label(record_ids.AMENDS, amends_id)


def parse_status(value: str) -> AmendsStatus:
    return amends_status(value)


def parse_kind(value: str) -> str:
    return amends_kind(value).value


def _row_json(row: "AmendsRow") -> dict[str, Any]:
    return {
        "id": amends_label(row.id),
        "person": row.person,
        "harm": row.harm,
        "kind": row.kind,
        "status": row.status,
        "would_injure": row.would_injure,
        "planned_on": row.planned_on.isoformat() if row.planned_on else None,
        "notes": row.notes,
        "from_inventory": (
            record_ids.label(record_ids.INVENTORY, row.item_id) if row.item_id is not None else None
        ),
    }


def _table(rows: Sequence["AmendsRow"]) -> RenderableType:
    """The amends list: one table while every word fits, else a card for each person."""
    cols = [
        layout.Col("ID", wraps=False, style="bold"),
        layout.Col("Person"),
        layout.Col("Harm"),
        layout.Col("Kind", min_width=0),
        layout.Col("Status", min_width=0),
        layout.Col("Planned", min_width=0),
        layout.Col("Notes", style="dim"),
    ]
    cells = []
    for row in rows:
        kind = row.kind or ""
        if row.would_injure:
            kind = (kind + " " if kind else "") + amends_messages.WOULD_INJURE_MARK
        cells.append(
            [
                amends_label(row.id),
                row.person,
                row.harm,
                kind,
                STATUS_WORDS.get(AmendsStatus(row.status), row.status),
                render.local_day(row.planned_on) if row.planned_on else "",
                row.notes,
            ]
        )
    return layout.sentences(amends_messages.AMENDS_TITLE, cols, cells, render.console().width)


def print_amends(status: AmendsStatus | None = None, as_json: bool = False) -> None:
    from stepwork.store import amends

    amends.sync_from_inventory()
    rows = amends.list_amends(status)
    if as_json:
        typer.echo(render.json_text([_row_json(r) for r in rows], indent=2, ensure_ascii=False))
        return
    out = render.console()
    if not rows:
        out.print(amends_messages.AMENDS_EMPTY)
        return
    out.print(_table(rows))


NO_PAGER_OPTION = typer.Option(False, "--no-pager", help=paging.NO_PAGER_HELP)


@amends_app.callback()
def amends_root(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    no_pager: bool = NO_PAGER_OPTION,
) -> None:
    if ctx.invoked_subcommand is None:
        with paging.paged(no_pager):
            print_amends(as_json=as_json)


@amends_app.command("list")
def amends_list(
    status: str | None = typer.Option(None, "--status", help=amends_messages.STATUS_OPTION_ONLY),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    no_pager: bool = NO_PAGER_OPTION,
) -> None:
    """Everyone on your amends list, with the harm, kind, status and plan."""
    with paging.paged(no_pager):
        print_amends(parse_status(status) if status is not None else None, as_json)


@amends_app.command("add")
def amends_add(
    person: str = typer.Argument(..., help="Whom you harmed.", show_default=False),
    harm: str = typer.Option("", "--harm", help="What the harm was."),
    kind: str | None = typer.Option(None, "--kind", help="direct, indirect or living."),
) -> None:
    """Add someone to your amends list by hand."""
    from stepwork.store import amends

    name = limits.text("name", person)
    if not name:
        raise UsageError(amends_messages.AMENDS_NEEDS_PERSON)
    harm_text = limits.text("harm", harm)
    row = amends.add(name, harm_text, parse_kind(kind) if kind is not None else None)
    render.console().print(amends_messages.amends_added(amends_label(row.id), name))


@amends_app.command("set")
def amends_set(
    amends_id: str = typer.Argument(
        ...,
        help="An amends ID, like a2.",
        autocompletion=completion.recent_ids(frozenset({"amends"})),
    ),
    status: str | None = typer.Option(None, "--status", help=amends_messages.STATUS_OPTION),
    kind: str | None = typer.Option(None, "--kind", help="direct, indirect or living."),
    on: str | None = typer.Option(None, "--date", help="The planned day: YYYY-MM-DD, today, ..."),
    note: str | None = typer.Option(
        None, "--note", help="A note on how it went (added to the notes)."
    ),
    would_injure: bool | None = typer.Option(
        None,
        "--would-injure/--would-not-injure",
        help="Whether direct amends would hurt them or others.",
    ),
) -> None:
    """Change an entry: its status, kind, planned day, notes, or the would-injure flag."""
    from stepwork.store import amends

    number = record_ids.parse_id(amends_id, record_ids.AMENDS, "an amends")
    change = amends.Change(
        status=parse_status(status) if status is not None else None,
        kind=parse_kind(kind) if kind is not None else None,
        planned_on=dates.parse_day(on) if on is not None else None,
        note=limits.text("note", note) if note else None,
        would_injure=would_injure,
    )
    if change == amends.Change():
        raise UsageError(amends_messages.AMENDS_SET_NOTHING)
    current = amends.get(number)
    if current is None:
        raise UsageError(parse_messages.no_such("amends entry", amends_label(number)))
    if change.kind == AmendsKind.DIRECT and (
        change.would_injure if change.would_injure is not None else current.would_injure
    ):
        raise UsageError(amends_messages.DIRECT_WOULD_INJURE)
    updated = amends.update(number, change)
    assert updated is not None
    render.console().print(
        amends_messages.amends_updated(
            amends_label(number), STATUS_WORDS[AmendsStatus(updated.status)]
        )
    )


STEP_SHOWS[8] = print_amends
STEP_SHOWS[9] = print_amends


# --- steps eight and nine ----------------------------------------------------------------


def _ask_kind(out: Console, would_injure: bool) -> str | None:
    options = tuple(k for k in KINDS if not (would_injure and k == AmendsKind.DIRECT))
    out.print(render.safe(menu(options, out.width), style="cyan"))
    while True:
        reply = read_line(amends_messages.AMENDS_KIND_QUESTION + " ").strip().lower()
        if not reply:
            return None
        if reply.isdigit() and 1 <= int(reply) <= len(options):
            return options[int(reply) - 1]
        if reply in options:
            return reply
        out.print(parse_messages.bad_choice(reply, len(options)), style="yellow")


def _step8(new: bool) -> int:
    from stepwork.store import amends

    out = render.console()
    step_intro(8, out)
    amends.sync_from_inventory()
    rows = amends.list_amends()
    out.print(amends_messages.STEP8_INTRO)
    if rows:
        out.print(_table(rows))
    while True:
        person = read_line(amends_messages.AMENDS_ADD_WHO + " ").strip()
        if not person:
            break
        harm = read_line(amends_messages.AMENDS_ADD_HARM + " ").strip()
        row = amends.add(person, harm)
        out.print(amends_messages.amends_added(amends_label(row.id), person), style="green")
    for row in amends.list_amends(AmendsStatus.NOT_WILLING):
        out.print()
        out.print(render.safe(row.person, style="bold"), render.safe(row.harm, style="dim"))
        if not ask_yes_no(amends_messages.willing_question(row.person), default=False):
            out.print(amends_messages.NOT_YET_WILLING, style="dim")
            continue
        injure = ask_yes_no(amends_messages.INJURE_QUESTION, default=False)
        kind = _ask_kind(out, injure)
        amends.update(
            row.id,
            amends.Change(status=AmendsStatus.WILLING, would_injure=injure, kind=kind),
        )
    if ask_yes_no(amends_messages.STEP_REFLECT, default=False):
        return run_step_guide(8, new, GuideRun(intro=False))
    out.print(amends_messages.STEP8_DONE, style="green")
    return 0


def _step9(new: bool) -> int:
    from stepwork.store import amends

    out = render.console()
    step_intro(9, out)
    amends.sync_from_inventory()
    ready = [
        r for r in amends.list_amends() if r.status in (AmendsStatus.WILLING, AmendsStatus.PLANNED)
    ]
    if not ready:
        out.print(amends_messages.STEP9_NOTHING)
    else:
        out.print(_table(ready))
    for row in ready:
        out.print()
        out.print(Text.assemble((amends_label(row.id) + "  ", "bold"), (row.person, "bold")))
        if row.status == AmendsStatus.WILLING:
            day = ask_day(amends_messages.PLAN_QUESTION, allow_future=True)
            if day is not None:
                amends.update(row.id, amends.Change(planned_on=day))
                out.print(amends_messages.amends_planned(render.local_day(day)), style="green")
            continue
        if ask_yes_no(amends_messages.made_question(row.person), default=False):
            how = read_line(amends_messages.HOW_DID_IT_GO + " ").strip()
            amends.update(row.id, amends.Change(status=AmendsStatus.MADE, note=how or None))
            out.print(amends_messages.AMENDS_MADE, style="green")
    if ask_yes_no(amends_messages.STEP_REFLECT, default=False):
        return run_step_guide(9, new, GuideRun(intro=False))
    if not ready:
        out.print(amends_messages.STEP9_NOT_YET)
    return 0


STEP_FLOWS[8] = lambda new: guarded(lambda: _step8(new), "stepwork step 8")
STEP_FLOWS[9] = lambda new: guarded(lambda: _step9(new), "stepwork step 9")
