"""`stepwork people` (the sober network) and `stepwork reached` (reaching out, in one line)."""

from typing import TYPE_CHECKING, Any

import typer

from stepwork import render, settings
from stepwork.cli import panels
from stepwork.cli.application import confirm
from stepwork.domain import network
from stepwork.errors import UsageError, UserError
from stepwork.messages import journal as journal_messages
from stepwork.messages import people as people_messages
from stepwork.parse import dates, limits
from stepwork.render import layout

if TYPE_CHECKING:
    from stepwork.store.people import PersonRow

commands = typer.Typer(add_completion=False)

people_app = typer.Typer(
    help="Your people: sponsor, friends in recovery, therapist, home group, and how to reach them.",
    invoke_without_command=True,
)
commands.add_typer(people_app, name="people", rich_help_panel=panels.DAILY)

WHO_HELP = "A name, a role (sponsor), or an ID like p3."


def role_names() -> dict[str, str]:
    return network.role_names(settings.load()["role_names"])


def _role(value: str | None, default: str = "other") -> str:
    if value is None:
        return default
    role = network.role_of(value, role_names())
    if role is None:
        raise UsageError(people_messages.bad_role(value, list(role_names().values())))
    return role


def _name(value: str) -> str:
    name = " ".join(limits.text("name", value).split())
    if not name:
        raise UsageError(people_messages.PERSON_NEEDS_NAME)
    return name


def find_one(word: str) -> "PersonRow":
    """The one person `word` means; otherwise one clear line naming the candidates."""
    from stepwork.store import people as store

    everyone = store.all_people()
    names = role_names()
    found = network.find(word, [network.Someone(p.id, p.name, p.role) for p in everyone], names)
    if not found:
        raise UserError(people_messages.no_person(word, bool(everyone)))
    if len(found) > 1:
        raise UserError(
            people_messages.which_person(
                word, [f"{p.name} ({names[p.role]}, p{p.id})" for p in found]
            )
        )
    return next(p for p in everyone if p.id == found[0].id)


def person_json(p: "PersonRow") -> dict[str, Any]:
    return {
        "id": p.label,
        "name": p.name,
        "role": p.role,
        "role_name": role_names()[p.role],
        "reach": p.reach,
        "note": p.note,
        "hard_moments": p.hard_moments,
        "last_reached": p.last_reached.isoformat() if p.last_reached else None,
        "times_reached": p.times_reached,
    }


def _last(p: "PersonRow") -> str:
    if p.last_reached is None:
        return people_messages.NOT_YET
    return people_messages.days_ago((dates.today() - p.last_reached).days)


@people_app.callback()
def people_root(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Your people: who is in your corner, how to reach them, when you last did."""
    if ctx.invoked_subcommand is not None:
        return
    from stepwork.store import people as store

    everyone = store.all_people()
    if as_json:
        typer.echo(render.json_text([person_json(p) for p in everyone], indent=2))
        return
    out = render.console()
    if not everyone:
        out.print(people_messages.PEOPLE_EMPTY)
        return
    names = role_names()
    plain = render.is_plain(out)
    star = people_messages.PLAIN_HARD_MOMENTS if plain else " ★"
    cols = [
        layout.Col("ID", wraps=False, style="bold cyan"),
        layout.Col("Name", wraps=False),
        layout.Col("Role"),
        layout.Col("How to reach"),
        layout.Col("Last reached"),
    ]
    rows = [
        [
            p.label,
            p.name + (star if p.hard_moments else ""),
            names[p.role],
            p.reach,
            _last(p),
        ]
        for p in everyone
    ]
    out.print(layout.sentences(people_messages.PEOPLE_TITLE, cols, rows, out.width))
    if any(p.hard_moments for p in everyone) and not plain:
        out.print(people_messages.PEOPLE_STAR_KEY, style="dim")


@people_app.command("add")
def people_add(
    name: str = typer.Argument(..., help="Their name, as you call them."),
    role: str | None = typer.Option(
        None, "--role", help="sponsor, sponsee, therapist, home group, friend, family or other."
    ),
    reach: str = typer.Option("", "--reach", help='How to reach them: a number, "after Tuesday".'),
    note: str = typer.Option("", "--note", help="Anything to remember about them."),
    hard_moments: bool = typer.Option(
        False, "--hard-moments", help="Someone to call in a hard moment: shown first for help."
    ),
) -> None:
    """Add someone to your people."""
    from stepwork.store import people as store

    clean = _name(name)
    key = _role(role)
    number = store.add(
        clean, key, limits.text("reach", reach), limits.text("note", note), hard_moments
    )
    render.console().print(
        render.safe(
            people_messages.person_added(clean, role_names()[key], f"p{number}"), style="green"
        )
    )


@people_app.command("show")
def people_show(who: str = typer.Argument(..., help=WHO_HELP)) -> None:
    """Everything about one person, and when you last reached them."""
    from stepwork.cli.journal import render_record
    from stepwork.kinds.people import PERSON
    from stepwork.store import journal_file

    person = find_one(who)
    with journal_file.reading() as conn:
        record = PERSON.record(conn, person.id)
    if record is None:
        raise UsageError(people_messages.no_person(who, True))
    render_record(record, render.console())


@people_app.command("edit")
def people_edit(
    who: str = typer.Argument(..., help=WHO_HELP),
    name: str | None = typer.Option(None, "--name", help="A new name."),
    role: str | None = typer.Option(None, "--role", help="A new role."),
    reach: str | None = typer.Option(None, "--reach", help="New ways to reach them."),
    note: str | None = typer.Option(None, "--note", help="A new note."),
    hard_moments: bool | None = typer.Option(
        None, "--hard-moments/--not-hard-moments", help="Show them first in a hard moment, or not."
    ),
) -> None:
    """Change someone's details; with no options, field by field."""
    from stepwork.cli import editing
    from stepwork.store import people as store

    person = find_one(who)
    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = _name(name)
    if role is not None:
        changes["role"] = _role(role)
    if reach is not None:
        changes["reach"] = limits.text("reach", reach)
    if note is not None:
        changes["note"] = limits.text("note", note)
    if hard_moments is not None:
        changes["hard_moments"] = int(hard_moments)
    if not changes:
        editing.edit_record(person.label, in_editor=False)
        return
    store.change(person.id, **changes)
    render.console().print(journal_messages.item_updated(person.label), style="green")


@people_app.command("remove")
def people_remove(
    who: str = typer.Argument(..., help=WHO_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Remove someone, and the times you logged reaching them (asks first)."""
    from stepwork.store import people as store

    person = find_one(who)
    out = render.console()
    if not yes:
        question = people_messages.remove_person_question(person.name, person.times_reached)
        confirm(question, f"stepwork people remove {person.label}")
    gone = store.remove(person.id)
    out.print(render.safe(people_messages.person_removed(person.name, gone)))


@commands.command(rich_help_panel=panels.DAILY)
def reached(
    who: str = typer.Argument(..., help="A name or part of it, a role (sponsor), or an ID (p3)."),
    how: str | None = typer.Option(None, "--how", help="call, text, meeting or coffee."),
    on: str | None = typer.Option(
        None, "--date", help="The day, if not today: YYYY-MM-DD, yesterday."
    ),
    note: str = typer.Option("", "--note", help="Anything to remember about it."),
) -> None:
    """Log reaching out to someone in your people: stepwork reached sponsor --how call."""
    from stepwork.store import people as store

    way = None
    if how is not None:
        way = how.strip().lower()
        if way not in network.HOWS:
            raise UsageError(people_messages.bad_how(how))
    day = dates.parse_day(on, allow_future=False) if on is not None else dates.today()
    clean_note = limits.text("note", note)
    person = find_one(who)
    store.add_contact(person.id, day, way, clean_note)
    render.console().print(
        render.safe(
            people_messages.reached_saved(person.name, render.local_day(day), way), style="green"
        )
    )
