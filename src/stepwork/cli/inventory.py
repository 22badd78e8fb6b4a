"""The inventory: `stepwork step 4` and `step 5`, `stepwork inventory …`, and `stepwork defects`
with `step 6` and `step 7` built on it."""

from typing import TYPE_CHECKING

import typer
from rich.console import Console, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stepwork import render, settings
from stepwork.cli import completion, editing, paging, panels
from stepwork.cli.application import confirm, guarded
from stepwork.cli.guided import run_session
from stepwork.cli.steps import STEP_FLOWS, STEP_SHOWS, GuideRun, run_step_guide, step_intro
from stepwork.content import Question
from stepwork.content.inventory import SECTIONS, Section, section
from stepwork.domain import inventory
from stepwork.domain.states import AnswerState
from stepwork.errors import UsageError, UserError
from stepwork.flows import engine
from stepwork.flows.prompting import ask_yes_no, read_line
from stepwork.messages import inventory as inventory_messages
from stepwork.messages import journal as journal_messages
from stepwork.messages import parse as parse_messages
from stepwork.messages import steps as steps_messages
from stepwork.messages import transfer as transfer_messages
from stepwork.parse import dates, limits, record_ids
from stepwork.parse.choices import YES
from stepwork.render import layout

commands = typer.Typer(add_completion=False)

if TYPE_CHECKING:
    from stepwork.store.inventory import ItemView

inventory_app = typer.Typer(
    help="Your fourth-step inventory: list, show, add, edit, delete and share items.",
    no_args_is_help=False,
    invoke_without_command=True,
)
commands.add_typer(inventory_app, name="inventory", rich_help_panel=panels.STEP_WORK)

ITEM_IDS = completion.recent_ids(frozenset({"inventory"}))
SECTION_NAMES = {
    "resentment": "resentment",
    "resentments": "resentment",
    "fear": "fear",
    "fears": "fear",
    "sex": "sex",
    "sex-conduct": "sex",
    "relationship": "sex",
    "relationships": "sex",
    "harm": "harm",
    "harms": "harm",
    "harms-done": "harm",
}


def parse_section(value: str) -> str:
    key = SECTION_NAMES.get(value.strip().lower())
    if key is None:
        raise UsageError(inventory_messages.bad_section(value, list(SECTIONS)))
    return key


def item_label(item_id: int) -> str:
    return record_ids.label(record_ids.INVENTORY, item_id)


def _require(item_id: int) -> "ItemView":
    from stepwork.store import inventory as store

    item = store.get(item_id)
    if item is None:
        raise UsageError(parse_messages.no_such("inventory item", item_label(item_id)))
    return item


# --- running one item --------------------------------------------------------------------


def run_item(item: "ItemView", out: Console, offer_pause: bool = False) -> engine.Outcome:
    """Ask an item's columns; mark it for a therapist the moment 'no part' is said.

    With `offer_pause`, an item where the person was harmed ends with an offer to stop here.
    """
    from stepwork.store import amends
    from stepwork.store import inventory as store

    values = settings.load()
    spec = section(item.section, values)

    def on_answer(question: Question, text: str) -> None:
        if inventory.marks_for_therapist(question.key, text):
            store.set_marks(item.id, for_therapist=True)

    out.print()
    out.print(render.safe(spec.label, style="bold cyan"), render.safe(spec.about, style="dim"))
    outcome = run_session(
        spec.questions,
        item.session_id,
        out,
        values["editor"],
        on_answer,
        label=inventory_messages.item_open_label(item_label(item.id)),
    )
    if outcome is engine.Outcome.FINISHED:
        finished = store.get(item.id)
        if finished is not None and not any(v.strip() for v in finished.answers.values()):
            store.delete(item.id)
            out.print(inventory_messages.NOTHING_WRITTEN, style="dim")
        else:
            amends.sync_from_inventory()
            out.print(inventory_messages.item_saved(item_label(item.id)), style="green")
            harmed = offer_pause and finished is not None and finished.no_part
            if harmed and ask_yes_no(inventory_messages.NO_PART_PAUSE, default=True):
                return engine.Outcome.PAUSED
    return outcome


def _add_items(section_key: str, out: Console, first: "ItemView | None" = None) -> engine.Outcome:
    """Add items to one section, one after another, until the person says that's enough."""
    from stepwork.store import inventory as store

    spec = section(section_key, settings.load())
    item = first or store.create(section_key, dates.today())
    while True:
        outcome = run_item(item, out, offer_pause=True)
        if outcome is not engine.Outcome.FINISHED:
            return outcome
        if not ask_yes_no(inventory_messages.another(spec.singular)):
            return outcome
        item = store.create(section_key, dates.today())


def _choose_section(out: Console, sections: list[Section]) -> str | None:
    out.print()
    # A grid: an entry that wraps goes on under its own words, not under the number.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column()
    for number, spec in enumerate(sections, start=1):
        grid.add_row(f"  {number}", Text.assemble(spec.label, ("  " + spec.about, "dim")))
    grid.add_row(f"  {len(sections) + 1}", Text(inventory_messages.SECTION_REFLECT))
    out.print(grid)
    while True:
        reply = read_line(inventory_messages.SECTION_PROMPT + " ").strip().lower()
        if not reply:
            return None
        if reply.isdigit() and 1 <= int(reply) <= len(sections) + 1:
            return sections[int(reply) - 1].key if int(reply) <= len(sections) else "reflect"
        key = SECTION_NAMES.get(reply)
        if key:
            return key
        out.print(parse_messages.bad_choice(reply, len(sections) + 1), style="yellow")


def _step4(new: bool) -> int:
    from stepwork.store import guided
    from stepwork.store import inventory as store

    out = render.console()
    values = settings.load()
    step_intro(4, out)
    out.print(steps_messages.HOW_TO_ANSWER, style="dim")
    unfinished = store.latest_open()
    if unfinished is not None and guided.held_elsewhere(unfinished.session_id):
        if not new:
            raise UserError(
                steps_messages.open_elsewhere(
                    inventory_messages.UNFINISHED_ITEM_LABEL, "stepwork step 4 --new"
                )
            )
        unfinished = None  # left open for the window answering it
    if unfinished is not None:
        spec = section(unfinished.section, values)
        answered = sum(
            1
            for q in spec.questions
            if q.key in unfinished.answers and q.key not in unfinished.drafts
        )
        out.print()
        out.print(
            inventory_messages.resume_item(
                spec.singular,
                unfinished.answers.get("who", ""),
                answered,
                len(spec.questions),
            )
        )
        if not new and ask_yes_no(steps_messages.RESUME_QUESTION):
            if _add_items(unfinished.section, out, unfinished) is not engine.Outcome.FINISHED:
                return _not_finished()
        else:
            guided.finish(unfinished.session_id)
    sections = [section(key, values) for key in SECTIONS]
    while True:
        choice = _choose_section(out, sections)
        if choice is None:
            out.print(inventory_messages.STEP4_DONE)
            return 0
        if choice == "reflect":
            print_inventory(None, for_therapist=False, as_json=False)  # what is read back over
            return run_step_guide(4, new, GuideRun(intro=False))
        if _add_items(choice, out) is not engine.Outcome.FINISHED:
            return _not_finished()


def _not_finished() -> int:
    render.console().print(steps_messages.step_paused(4))
    return 0


STEP_FLOWS[4] = lambda new: guarded(lambda: _step4(new), "stepwork step 4")


# --- reading the inventory ---------------------------------------------------------------


def _marks(item: "ItemView") -> str:
    marks = []
    if item.for_therapist:
        marks.append(inventory_messages.MARK_THERAPIST)
    if item.for_sponsor:
        marks.append(inventory_messages.MARK_SPONSOR)
    if item.owes_amends:
        marks.append(inventory_messages.MARK_AMENDS)
    if item.shares:
        marks.append(inventory_messages.shared_mark(item.shares[-1].shared_with))
    if not item.finished:
        marks.append(inventory_messages.MARK_UNFINISHED)
    return ", ".join(marks)


def table_of(items: "list[ItemView]", title: str) -> RenderableType:
    """Items of one section in that section's own columns (cards when the terminal is narrow)."""
    headings = [heading for heading, _ in inventory.item_columns(items[0])]
    cols = [
        layout.Col("ID", wraps=False, style="bold"),
        *(layout.Col(h) for h in headings),
        layout.Col("Notes", style="dim"),
    ]
    rows = [
        [item_label(item.id), *(text for _, text in inventory.item_columns(item)), _marks(item)]
        for item in items
    ]
    return layout.sentences(title, cols, rows, render.console().width)


def item_json(item: "ItemView") -> dict:
    from stepwork.parse.choices import tags

    a = item.answers
    return {
        "id": item_label(item.id),
        "section": item.section,
        "who": a.get("who", ""),
        "cause": a.get("cause", ""),
        "affects": tags(a.get("affects", "")),
        "effect": a.get("effect", ""),
        "no_part": item.no_part,
        "my_part": [] if item.no_part else tags(a.get("my-part", "")),
        "part_note": a.get("part-note", ""),
        "instead": a.get("instead", ""),
        "columns": [{"heading": h, "text": t} for h, t in inventory.item_columns(item)],
        "owes_amends": item.owes_amends,
        "for_therapist": item.for_therapist,
        "for_sponsor": item.for_sponsor,
        "shared": [{"with": s.shared_with, "on": s.shared_on.isoformat()} for s in item.shares],
        "finished": item.finished,
        "created_at": item.created_at.isoformat(),
    }


def print_inventory(section_key: str | None, for_therapist: bool, as_json: bool) -> None:
    from stepwork.store import inventory as store

    items = store.list_items(section=section_key, for_therapist=for_therapist)
    if as_json:
        typer.echo(render.json_text([item_json(i) for i in items], indent=2, ensure_ascii=False))
        return
    out = render.console()
    if not items:
        out.print(inventory_messages.INVENTORY_EMPTY)
        return
    values = settings.load()
    for key in SECTIONS:
        in_section = [i for i in items if i.section == key]
        if in_section:
            out.print(table_of(in_section, section(key, values).label))


SECTION_OPTION = typer.Option(
    None, "--section", "-s", help="Only one section: resentment, fear, sex or harm."
)
FOR_THERAPIST_OPTION = typer.Option(
    False, "--for-therapist", help="Only items marked for a therapist."
)
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of tables.")
NO_PAGER_OPTION = typer.Option(False, "--no-pager", help=paging.NO_PAGER_HELP)


@inventory_app.callback()
def inventory_root(
    ctx: typer.Context,
    section_name: str | None = SECTION_OPTION,
    for_therapist: bool = FOR_THERAPIST_OPTION,
    as_json: bool = JSON_OPTION,
    no_pager: bool = NO_PAGER_OPTION,
) -> None:
    """Your fourth-step inventory: list, show, add, edit, delete and share items."""
    listing = section_name is not None or for_therapist or as_json or no_pager
    if ctx.invoked_subcommand is None:
        inventory_list(section_name, for_therapist, as_json, no_pager)
    elif listing:
        raise UsageError(transfer_messages.LIST_OPTIONS_ONLY)


@inventory_app.command("list")
def inventory_list(
    section_name: str | None = SECTION_OPTION,
    for_therapist: bool = FOR_THERAPIST_OPTION,
    as_json: bool = JSON_OPTION,
    no_pager: bool = NO_PAGER_OPTION,
) -> None:
    """The inventory, each section in its own columns."""
    key = parse_section(section_name) if section_name is not None else None
    with paging.paged(no_pager):
        print_inventory(key, for_therapist, as_json)


@inventory_app.command("show")
def inventory_show(
    item_id: str = typer.Argument(..., help="An item ID, like i3.", autocompletion=ITEM_IDS),
) -> None:
    """One item in full."""
    item = _require(record_ids.parse_id(item_id, record_ids.INVENTORY, "an inventory"))
    spec = section(item.section, settings.load())
    out = render.console()
    body = Text()
    for heading, text in inventory.asked_columns(item):
        body.append(render.visible(heading) + "\n", style="bold")
        if text:
            body.append(render.visible(text) + "\n\n")
        else:
            body.append(inventory_messages.COLUMN_EMPTY + "\n\n", style="dim")
    marks = _marks(item)
    if marks:
        body.append(render.visible(marks), style="dim")
    body.rstrip()  # no empty lines at the foot of the panel
    title = f"{item_label(item.id)} · {spec.singular} · {render.local_day(item.created_at)}"
    out.print(Panel(body, title=render.safe(title), title_align="left", border_style="cyan"))


@inventory_app.command("add")
def inventory_add(
    section_name: str = typer.Argument(..., help="resentment, fear, sex or harm."),
) -> None:
    """Add one item to a section, column by column."""
    key = parse_section(section_name)

    def body() -> int:
        from stepwork.store import inventory as store

        out = render.console()
        out.print(steps_messages.HOW_TO_ANSWER, style="dim")
        item = store.create(key, dates.today())
        if run_item(item, out) is engine.Outcome.PAUSED:
            out.print(inventory_messages.item_paused())
        return 0

    raise typer.Exit(guarded(body, "stepwork step 4", typed=f"stepwork inventory add {key}"))


def _position(spec: Section, key: str) -> int:
    return next(i for i, q in enumerate(spec.questions, start=1) if q.key == key)


def _set_answer(item: "ItemView", spec: Section, key: str, text: str) -> None:
    from stepwork.store import guided

    question = next(q for q in spec.questions if q.key == key)
    state = AnswerState.ANSWERED if text else AnswerState.SKIPPED
    guided.record(item.session_id, _position(spec, key), key, question.text, text, state)


@inventory_app.command("edit")
def inventory_edit(
    item_id: str = typer.Argument(..., help="An item ID, like i3.", autocompletion=ITEM_IDS),
    for_therapist: bool | None = typer.Option(
        None, "--for-therapist/--not-for-therapist", help="Mark (or unmark) it for a therapist."
    ),
    for_sponsor: bool | None = typer.Option(
        None, "--for-sponsor/--not-for-sponsor", help="Mark (or unmark) it for your sponsor."
    ),
    owes_amends: bool | None = typer.Option(
        None, "--owes-amends/--no-amends", help="Mark whether you owe amends here."
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Change an item: its marks with the options, or its columns one by one."""
    from stepwork.store import amends
    from stepwork.store import inventory as store

    item = _require(record_ids.parse_id(item_id, record_ids.INVENTORY, "an inventory"))
    spec = section(item.section, settings.load())
    out = render.console()
    if owes_amends is not None and not any(q.key == "amends" for q in spec.questions):
        raise UsageError(inventory_messages.no_amends_column(spec.label))
    if owes_amends and item.no_part and not item.owes_amends:
        # Someone who was harmed is never told, even by a mark, that they owe for it.
        out.print(inventory_messages.AMENDS_WHEN_HARMED)
        if not yes:
            confirm(
                inventory_messages.AMENDS_WHEN_HARMED_QUESTION,
                f"stepwork inventory edit {item_label(item.id)} --owes-amends",
            )
    if (for_therapist, for_sponsor, owes_amends) != (None, None, None):
        store.set_marks(item.id, for_therapist=for_therapist, for_sponsor=for_sponsor)
        if owes_amends is not None:
            _set_answer(item, spec, "amends", YES if owes_amends else "no")
            amends.sync_from_inventory()
        out.print(journal_messages.item_updated(item_label(item.id)))
        return
    editing.edit_record(item_label(item.id), in_editor=False)


@inventory_app.command("delete")
def inventory_delete(
    item_id: str = typer.Argument(..., help="An item ID, like i3.", autocompletion=ITEM_IDS),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Delete an item for good (asks first)."""
    from stepwork.store import inventory as store

    item = _require(record_ids.parse_id(item_id, record_ids.INVENTORY, "an inventory"))
    out = render.console()
    if not yes:
        confirm(
            journal_messages.DELETE_QUESTION,
            f"stepwork inventory delete {item_label(item.id)}",
            journal_messages.DELETE_KEPT,
            show=lambda: out.print(table_of([item], section(item.section, settings.load()).label)),
        )
    store.delete(item.id)
    out.print(journal_messages.item_deleted(item_label(item.id)))


@inventory_app.command("share")
def inventory_share(
    item_ids: list[str] = typer.Argument(
        ..., help="One or more item IDs, like i3 i4.", autocompletion=ITEM_IDS
    ),
    with_whom: str = typer.Option(
        ..., "--with", "-w", help="sponsor, therapist, or a name.", show_default=False
    ),
    on: str = typer.Option("today", "--date", "-d", help="When: YYYY-MM-DD, today, yesterday."),
) -> None:
    """Record that you shared items with someone (step five)."""
    from stepwork.store import inventory as store

    whom = limits.text("name", with_whom)
    if not whom:
        raise UsageError(inventory_messages.SHARE_NEEDS_WHOM)
    day = dates.parse_day(on, allow_future=False)
    ids = [record_ids.parse_id(v, record_ids.INVENTORY, "an inventory") for v in item_ids]
    missing = sorted(set(ids) - store.existing_ids(ids))
    if missing:
        raise UsageError(parse_messages.no_such("inventory item", item_label(missing[0])))
    store.share(ids, whom, day)
    render.console().print(
        inventory_messages.shared_recorded(len(ids), whom, render.local_day(day))
    )


STEP_SHOWS[4] = lambda: print_inventory(None, False, False)
