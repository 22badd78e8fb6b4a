"""Daily practice: check-ins, the coping plan, the nightly review and the morning, service,
gratitude and stats."""

import contextlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stepwork import render, settings
from stepwork.cli import panels, safety
from stepwork.cli.application import guarded, interrupted
from stepwork.cli.guided import hold, run_session
from stepwork.cli.steps import STEP_FLOWS, GuideRun, run_step_guide
from stepwork.content import CHOICES, Question, daily_questions
from stepwork.domain import daily
from stepwork.domain.states import AnswerState
from stepwork.errors import UsageError, UserError
from stepwork.flows import engine
from stepwork.flows.prompting import ask_yes_no, read_line
from stepwork.messages import daily as daily_messages
from stepwork.messages import people as people_messages
from stepwork.messages import safety as safety_messages
from stepwork.messages import steps as steps_messages
from stepwork.parse import choices, dates, limits, numbers
from stepwork.render import layout

if TYPE_CHECKING:
    from stepwork.domain.network import Connection
    from stepwork.store.daily import CheckinRow

commands = typer.Typer(add_completion=False)

INTRO_HELP = "Show the whole introduction and how to answer, as the first time."

# --- check-ins ---------------------------------------------------------------------------


@commands.command(rich_help_panel=panels.DAILY)
def checkin(
    mood: str | None = typer.Option(
        None, "--mood", metavar="INTEGER", help="Mood from 1 (very low) to 10 (very good)."
    ),
    craving: str | None = typer.Option(
        None, "--craving", metavar="INTEGER", help="Craving from 0 (none) to 10."
    ),
    halt: list[str] | None = typer.Option(
        None,
        "--halt",
        help="Any of hungry, angry, lonely, tired, by name or number (1-4), "
        "with commas or spaces between.",
    ),
    meeting: list[str] | None = typer.Option(
        None, "--meeting", help="A meeting today (repeatable)."
    ),
    grateful: list[str] | None = typer.Option(
        None, "--grateful", help="Something you are grateful for."
    ),
    trigger: list[str] | None = typer.Option(
        None, "--trigger", help='person:, place: or thing: and a word or two ("place:the bar").'
    ),
    note: str | None = typer.Option(None, "--note", help="Anything else on your mind."),
    on: str | None = typer.Option(
        None, "--date", help="The day, if not today: YYYY-MM-DD, yesterday."
    ),
    intro: bool = typer.Option(False, "--intro", help=INTRO_HELP),
) -> None:
    """A quick daily check-in: guided, or all at once with options (no questions asked)."""
    settings.load()  # a settings file edited into something unusable is named before saving
    day = dates.parse_day(on, allow_future=False) if on is not None else dates.today()
    given = (mood, craving, halt, meeting, grateful, trigger, note)
    mood_value, craving_value = numbers.whole("--mood", mood), numbers.whole("--craving", craving)
    if any(v not in (None, []) for v in given):
        raise typer.Exit(
            _checkin_from_options(
                day, mood_value, craving_value, halt, meeting, grateful, trigger, note
            )
        )
    raise typer.Exit(guarded(lambda: _guided_checkin(day, intro), "stepwork checkin"))


def _checkin_from_options(
    day: date,
    mood: int | None,
    craving: int | None,
    halt: list[str] | None,
    meeting: list[str] | None,
    grateful: list[str] | None,
    trigger: list[str] | None,
    note: str | None,
) -> int:
    from stepwork.store import daily as store

    # Everything is checked before anything is written: bad input saves nothing.
    new = store.NewCheckin(
        local_date=day,
        mood=daily.check_rating("mood", mood, daily.MOOD_RANGE) if mood is not None else None,
        craving=(
            daily.check_rating("craving", craving, daily.CRAVING_RANGE)
            if craving is not None
            else None
        ),
        halt=tuple(daily.parse_halt(halt or [])),
        meetings=tuple(daily.clean_items("meeting", meeting or [])),
        gratitude=tuple(daily.clean_items("gratitude", grateful or [])),
        triggers=tuple((t.kind, t.text) for t in map(daily.parse_trigger, trigger or [])),
        note=limits.text("note", note or ""),
    )
    store.add_checkin(new)
    out = render.console()
    values = settings.load()
    if safety.needed(new.mood, new.craving, int(values["craving_threshold"])):
        safety.show(out, values["crisis_line"])
        out.print()
    out.print(daily_messages.CHECKIN_SAVED, style="green")
    _after_checkin(new.craving, out)
    return 0


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _trigger_problem(question: Question, line: str) -> str | None:
    """A trigger line without its kind is refused here as `--trigger` refuses it."""
    if question.key != "triggers" or not line.strip() or daily.read_trigger(line) is not None:
        return None
    return daily_messages.trigger_needs_kind(line.strip())


UNFINISHED_CHECKIN = "checkin-unfinished.json"
"""Which check-in was stopped, on which day, and which questions it had been through: no text."""


def _unfinished_path() -> Path:
    from stepwork.home import paths

    return paths().data_dir / UNFINISHED_CHECKIN


class _Stopped(NamedTuple):
    checkin: int
    done: list[str]
    ask_harm_again: bool
    """The question about self-harm was cut short. The answer itself is never written here:
    this file sits outside the (perhaps encrypted) journal."""


def _stopped_checkin(day: date) -> _Stopped | None:
    """The check-in stopped earlier on `day`, with the keys of the questions it went through."""
    from stepwork.store import daily as store

    path = _unfinished_path()
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        checkin_id, done = int(state["checkin"]), [str(k) for k in state["done"]]
        ask_harm_again = state.get("ask_harm_again") is True
        same_day = state["day"] == day.isoformat()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not same_day or not store.is_checkin_on(checkin_id, day):
        path.unlink(missing_ok=True)
        return None
    return _Stopped(checkin_id, done, ask_harm_again)


def _remember_stopped(checkin_id: int, day: date, done: list[str], ask_harm_again: bool) -> None:
    from stepwork.home import write_private_file

    state = {
        "checkin": checkin_id,
        "day": day.isoformat(),
        "done": done,
        "ask_harm_again": ask_harm_again,
    }
    write_private_file(_unfinished_path(), json.dumps(state) + "\n")


def network_choices(values: dict[str, str]) -> dict[str, int]:
    """Everyone in the network as a menu label ("Sam (sponsor)") → their id; labels unique."""
    from stepwork.domain import network
    from stepwork.store import people

    names = network.role_names(values["role_names"])
    labels: dict[str, int] = {}
    for p in people.all_people():
        label = f"{' '.join(p.name.split())} ({names[p.role]})".replace(",", " ")
        if label in labels:
            label = f"{label} p{p.id}"
        labels[label] = p.id
    return labels


def _with_network_question(
    questions: tuple[Question, ...], values: dict[str, str]
) -> tuple[tuple[Question, ...], dict[str, int]]:
    """The check-in asks whom the person connected with, after meetings, when there is anyone
    in their network to choose."""
    connected = network_choices(values)
    if not connected or "checkin:connected" in settings.put_away():
        return questions, {}
    ask = Question(
        key="connected",
        text=people_messages.CONNECTED_QUESTION,
        hint=people_messages.CONNECTED_HINT,
        kind=CHOICES,
        choices=tuple(connected),
    )
    keys = [q.key for q in questions]
    at = keys.index("meetings") + 1 if "meetings" in keys else len(questions)
    return (*questions[:at], ask, *questions[at:]), connected


def _guided_checkin(day: date, full_intro: bool = False) -> int:
    from stepwork.domain import putaway
    from stepwork.store import daily as store

    values = settings.load()
    asked = putaway.still_asked("checkin", daily_questions("checkin", values))
    questions, connected = _with_network_question(asked, values)
    out = render.console()
    if full_intro or not store.has_checkins():
        out.print(daily_messages.CHECKIN_INTRO, style="dim")
        out.print(steps_messages.HOW_TO_ANSWER, style="dim")
        out.print(daily_messages.NEVER_HOW, style="dim")
    else:
        line = daily_messages.daily_line(daily_messages.CHECKIN_NAME, render.local_day(day))
        out.print(render.safe(line))
    stopped = _stopped_checkin(day)
    already: dict[str, engine.Saved] = {}
    harm = {"answer": ""}
    if stopped is not None and store.checkin_held_elsewhere(stopped.checkin):
        raise UserError(steps_messages.open_elsewhere(daily_messages.CHECKIN_LABEL))
    if stopped is not None:
        out.print(daily_messages.checkin_stopped_earlier(len(stopped.done), len(questions)))
        if ask_yes_no(steps_messages.RESUME_QUESTION):
            if not store.hold_checkin(stopped.checkin):
                raise UserError(steps_messages.open_elsewhere(daily_messages.CHECKIN_LABEL))
            checkin_id = stopped.checkin
            already = {key: engine.Saved(AnswerState.SKIPPED, "") for key in stopped.done}
            harm["answer"] = "unanswered" if stopped.ask_harm_again else ""
        else:
            stopped = None
        _unfinished_path().unlink(missing_ok=True)
    if stopped is None:
        checkin_id = store.start_checkin(day)
        store.hold_checkin(checkin_id)  # new: no other window knows of it yet
    craving: dict[str, int | None] = {"value": None}

    def save(position: int, question: Question, text: str, state: str) -> None:
        answered = state != AnswerState.SKIPPED and text.strip() != ""
        key = question.key
        if key in ("mood", "craving"):
            number = int(text) if answered else None
            store.update_checkin(checkin_id, **{key: number})
            if key == "craving":
                craving["value"] = number
        elif key == "halt":
            store.update_checkin(checkin_id, halt=",".join(daily.parse_halt([text])))
        elif key == "note":
            store.update_checkin(checkin_id, note=text.strip())
        elif key == "connected":
            from stepwork.store import people

            picked = choices.tags(text) if answered else []
            people.replace_checkin_contacts(checkin_id, [connected[label] for label in picked])
        elif key == "triggers":
            # A line without its kind was refused as it was typed (and an edited answer from
            # the editor is checked line by line here the same way).
            found = [daily.read_trigger(line) for line in _lines(text)]
            store.replace_entries(
                checkin_id, store.TRIGGER, [(t.kind, t.text) for t in found if t is not None]
            )
        else:
            kind = store.MEETING if key == "meetings" else store.GRATITUDE
            store.replace_entries(checkin_id, kind, [(None, line) for line in _lines(text)])

    threshold = int(values["craving_threshold"])

    def ask_about_harm() -> None:
        harm["answer"] = "unanswered"  # asked again on resume if this question is cut short
        said_yes = ask_yes_no(safety_messages.SELF_HARM_QUESTION, default=False)
        harm["answer"] = "yes" if said_yes else "no"
        if said_yes:
            out.print(safety_messages.SELF_HARM_THANKS, style="bold")
            safety.show(out, values["crisis_line"])

    def after_short(question: Question, value: str) -> None:
        """The safety line comes first, the moment an answer calls for it."""
        if question.key == "mood" and value and int(value) <= safety.ASK_ABOUT_HARM_MOOD:
            ask_about_harm()
        mood = int(value) if question.key == "mood" and value else None
        strong = int(value) if question.key == "craving" and value else None
        if safety.needed(mood, strong, threshold):
            safety.show(out, values["crisis_line"])

    asker = engine.Engine(
        questions,
        already,
        save,
        out,
        editor_setting=values["editor"],
        after_short=after_short,
        put_away=putaway.putter("checkin"),
        check_line=_trigger_problem,
    )
    try:
        if harm["answer"] == "unanswered":
            ask_about_harm()
        outcome = asker.run()
    except (KeyboardInterrupt, EOFError):
        outcome = engine.Outcome.INTERRUPTED
    nothing_given = store.delete_checkin_if_empty(checkin_id)
    if outcome is not engine.Outcome.FINISHED and not nothing_given:
        done = [k for k, v in asker.saved.items() if v.state != AnswerState.DRAFT]
        _remember_stopped(checkin_id, day, done, harm["answer"] == "unanswered")
    if not nothing_given:
        # Decided from what the check-in holds, however it ended (a stop included).
        held = store.checkin(checkin_id)
        if harm["answer"] == "yes" or safety.needed(held.mood, held.craving, threshold):
            with contextlib.suppress(OSError):  # a closed window: nobody left to tell
                safety.show(out, values["crisis_line"])
    if outcome is engine.Outcome.INTERRUPTED:
        return interrupted("stepwork checkin", saved=not nothing_given)
    out.print()
    if nothing_given:
        out.print(daily_messages.CHECKIN_NOTHING)
        return 0
    if outcome is engine.Outcome.PAUSED:
        out.print(steps_messages.paused("stepwork checkin"))
        return 0
    out.print(daily_messages.CHECKIN_SAVED, style="green")
    _after_checkin(craving["value"], out)
    return 0


def _after_checkin(craving: int | None, out: Console) -> None:
    threshold = int(settings.load()["craving_threshold"])
    if craving is None or craving < threshold:
        return
    plan = _plan_text()
    out.print()
    if plan is None:
        out.print(daily_messages.PLAN_HIGH_CRAVING_NO_PLAN)
        return
    out.print(daily_messages.PLAN_HIGH_CRAVING)
    out.print(plan)


# --- the coping plan ---------------------------------------------------------------------


def _plan_text() -> Panel | None:
    from stepwork.store import guided

    values = settings.load()
    session = guided.latest_with_answers("plan")
    network_lines = safety.hard_moment_people()
    if session is None and not network_lines:
        return None
    answers = guided.answers(session.id) if session is not None else {}
    body = Text()
    if network_lines:
        body.append(people_messages.PLAN_NETWORK_HEADING + "\n", style="bold")
        body.append(render.visible("\n".join(network_lines)) + "\n\n")
    for question in daily_questions("plan", values):
        answer = answers.get(question.key)
        if answer is None or answer.state == AnswerState.SKIPPED or not answer.text.strip():
            continue
        body.append(render.visible(question.heading or question.text) + "\n", style="bold")
        body.append(render.visible(answer.text.strip()) + "\n\n")
    body.rstrip()
    return Panel(body, title=daily_messages.PLAN_TITLE, title_align="left", border_style="green")


@commands.command(rich_help_panel=panels.DAILY)
def plan(
    edit: bool = typer.Option(False, "--edit", help="Write or change your plan."),
    crisis_lines: bool = typer.Option(
        False, "--crisis-lines", help="A few well-known crisis lines by country."
    ),
) -> None:
    """Your own plan for hard moments: warning signs, what helps, people to call, safe places."""
    out = render.console()
    if crisis_lines:
        from rich.markdown import Markdown

        from stepwork import content

        out.print(Markdown(content.crisis_lines()))
        return
    safety.show(out, settings.load()["crisis_line"])
    current = _plan_text()
    if not edit:
        if current is not None:
            out.print(current)
            return
        out.print(daily_messages.PLAN_NONE)
        answer = guarded(
            lambda: 0 if ask_yes_no(daily_messages.PLAN_WRITE_NOW) else 1, "stepwork plan"
        )
        if answer != 0:
            raise typer.Exit(0 if answer == 1 else answer)
    raise typer.Exit(guarded(_write_plan, "stepwork plan --edit"))


def _write_plan() -> int:
    from stepwork.store import guided

    values = settings.load()
    questions = daily_questions("plan", values)
    out = render.console()
    previous = guided.latest_with_answers("plan")
    open_session = guided.latest_open("plan")
    resumed = open_session is not None and (previous is None or open_session.id == previous.id)
    if resumed and open_session is not None:
        hold(open_session.id, daily_messages.PLAN_LABEL)
        session = open_session
    else:
        session = guided.start("plan", None, dates.today())
        hold(session.id, daily_messages.PLAN_LABEL)
        if previous is not None:
            earlier = guided.answers(previous.id)
            guided.seed_drafts(
                session.id,
                [
                    (i, q.key, q.text, earlier[q.key].text)
                    for i, q in enumerate(questions, start=1)
                    if q.key in earlier and earlier[q.key].text.strip()
                ],
            )
    questions, network_answer = _plan_with_network(questions, values)
    out.print(daily_messages.PLAN_INTRO, style="dim")
    typed = {"any": False}

    def on_answer(question: Question, text: str) -> None:
        typed["any"] = True
        if network_answer is not None:
            network_answer(question, text)

    try:
        outcome = run_session(
            questions,
            session.id,
            out,
            values["editor"],
            on_answer=on_answer,
            draft_intro=daily_messages.PLAN_SAYS,
            not_recorded=frozenset({PLAN_NETWORK_KEY}),
            label=daily_messages.PLAN_LABEL,
        )
    except (KeyboardInterrupt, EOFError):
        if typed["any"] or (resumed and previous is not None):
            return interrupted("stepwork plan --edit", saved=True)
        guided.delete(session.id)  # only the start of a plan, holding nothing of the person's
        return interrupted("stepwork plan --edit", saved=False)
    out.print()
    if outcome is engine.Outcome.FINISHED:
        out.print(daily_messages.PLAN_SAVED, style="green")
    else:
        out.print(steps_messages.paused("stepwork plan --edit"))
    return 0


PLAN_NETWORK_KEY = "people-network"


def _plan_with_network(
    questions: tuple[Question, ...], values: dict[str, str]
) -> tuple[tuple[Question, ...], Callable[[Question, str], None] | None]:
    """The plan's "people you can call" as a choice from the network (who is marked for hard
    moments), then anyone else as free text. With no one in the network, free text as before."""
    from dataclasses import replace

    from stepwork.store import people

    labels = network_choices(values)
    keys = [q.key for q in questions]
    if "people" not in keys:
        return questions, None
    at = keys.index("people")
    if not labels:
        tip = replace(questions[at], hint=people_messages.PLAN_PEOPLE_ADD_HINT)
        return (*questions[:at], tip, *questions[at + 1 :]), None
    marked = [label for label, pid in labels.items() if pid in _hard_moment_ids()]
    hint = people_messages.PLAN_PEOPLE_HINT
    if marked:
        hint += "\n" + people_messages.PLAN_PEOPLE_NOW + ", ".join(marked)
    choose = Question(
        key=PLAN_NETWORK_KEY,
        text=people_messages.PLAN_PEOPLE_QUESTION,
        hint=hint,
        kind=CHOICES,
        choices=tuple(labels),
    )
    others = replace(questions[at], text=people_messages.PLAN_OTHERS_QUESTION)

    def on_answer(question: Question, text: str) -> None:
        if question.key == PLAN_NETWORK_KEY and text.strip():
            people.set_hard_moments({labels[label] for label in choices.tags(text)})

    return (*questions[:at], choose, others, *questions[at + 1 :]), on_answer


def _hard_moment_ids() -> set[int]:
    from stepwork.store import people

    return {p.id for p in people.all_people() if p.hard_moments}


# --- the nightly review and the morning --------------------------------------------------

REVIEW = GuideRun(
    today_only=True,
    command="stepwork review",
    done_message=daily_messages.REVIEW_DONE,
    label=daily_messages.REVIEW_LABEL,
)
MORNING = GuideRun(
    today_only=True,
    command="stepwork morning",
    done_message=daily_messages.MORNING_DONE,
    label=daily_messages.MORNING_LABEL,
    skipped_message=steps_messages.FINISHED_ALL_SKIPPED,
)
STEP_FLOWS[10] = lambda new: run_step_guide(10, new, REVIEW)
STEP_FLOWS[11] = lambda new: run_step_guide(11, new, MORNING)


@commands.command(rich_help_panel=panels.DAILY)
def review(
    new: bool = typer.Option(False, "--new", help="Start again instead of resuming tonight's."),
    intro: bool = typer.Option(False, "--intro", help=INTRO_HELP),
) -> None:
    """The nightly review (step 10): a short, honest look back at the day."""
    raise typer.Exit(run_step_guide(10, new, replace(REVIEW, full_intro=intro)))


@commands.command(rich_help_panel=panels.DAILY)
def morning(
    new: bool = typer.Option(False, "--new", help="Start again instead of resuming."),
    intro: bool = typer.Option(False, "--intro", help=INTRO_HELP),
) -> None:
    """The morning (step 11): a quiet minute, what today holds, and how to meet it."""
    raise typer.Exit(run_step_guide(11, new, replace(MORNING, full_intro=intro)))


# --- gratitude and service ---------------------------------------------------------------


@commands.command(rich_help_panel=panels.DAILY)
def gratitude(
    text: str | None = typer.Argument(None, help="What you are grateful for.", show_default=False),
    on: str | None = typer.Option(None, "--date", help="The day, if not today."),
    count: str = typer.Option("20", "-n", metavar="INTEGER", help="How many recent ones to list."),
) -> None:
    """Add something you are grateful for, or list recent ones."""
    from stepwork.store import daily as store

    out = render.console()
    if text is not None:
        clean = limits.text("gratitude", text)
        if not clean:
            raise UsageError(daily_messages.GRATITUDE_NEEDS_TEXT)
        day = dates.parse_day(on, allow_future=False) if on is not None else dates.today()
        store.add_gratitude(clean, day)
        out.print(daily_messages.gratitude_saved(render.local_day(day)), style="green")
        return
    rows = store.recent_gratitude(numbers.count("-n", count, default=20))
    if not rows:
        out.print(daily_messages.GRATITUDE_EMPTY)
        return
    table = Table(title=daily_messages.GRATITUDE_TITLE, title_justify="left", show_header=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for row in rows:
        table.add_row(render.local_day(row.local_date), render.safe(row.text))
    out.print(table)


@commands.command(rich_help_panel=panels.DAILY)
def service(
    what: str | None = typer.Argument(None, help="What you did.", show_default=False),
    message: bool = typer.Option(
        False, "--message", help="It was carrying the message to someone still struggling."
    ),
    note: str = typer.Option("", "--note", help="Anything to remember about it."),
    on: str | None = typer.Option(None, "--date", help="The day, if not today."),
    show_list: bool = typer.Option(False, "--list", help="List recent service instead."),
) -> None:
    """Log service and carrying the message (step 12); with no text, it asks."""
    from stepwork.store import daily as store

    out = render.console()
    if show_list:
        _list_service(out)
        return
    day = dates.parse_day(on, allow_future=False) if on is not None else dates.today()
    if what is not None:
        clean = limits.text("service", what)
        if not clean:
            raise UsageError(daily_messages.SERVICE_NEEDS_WHAT)
        store.add_service(clean, day, message, limits.text("note", note))
        out.print(daily_messages.service_saved(render.local_day(day)), style="green")
        return

    def ask() -> int:
        answer = read_line(daily_messages.SERVICE_WHAT + " ").strip()
        if not answer:
            return 0
        carried = ask_yes_no(daily_messages.SERVICE_MESSAGE, default=False)
        remember = read_line(daily_messages.SERVICE_NOTE + " ").strip()
        store.add_service(answer, day, carried, remember)
        out.print(daily_messages.service_saved(render.local_day(day)), style="green")
        return 0

    raise typer.Exit(guarded(ask, "stepwork service"))


def _list_service(out: Console) -> None:
    from stepwork.store import daily as store

    rows = store.recent_service(30)
    if not rows:
        out.print(daily_messages.SERVICE_EMPTY)
        return
    cols = [
        layout.Col("Day", wraps=False, style="dim"),
        layout.Col("What"),
        layout.Col("Message", wraps=False),
        layout.Col("Note"),
    ]
    cells = [
        [
            render.local_day(row.local_date),
            row.what,
            daily_messages.CARRIED if row.carried_message else "",
            row.note,
        ]
        for row in rows
    ]
    out.print(layout.sentences(daily_messages.SERVICE_TITLE, cols, cells, out.width))


# --- stats -------------------------------------------------------------------------------


@commands.command(rich_help_panel=panels.DAILY)
def stats(
    days: str = typer.Option("30", "--days", metavar="INTEGER", help="How many days back to look."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Mood and craving over time, your check-in streak, HALT, meetings, triggers, connection."""
    from datetime import timedelta

    from stepwork.store import daily as store

    days_back = numbers.whole("--days", days) or 0
    if not 1 <= days_back <= 3650:
        raise UsageError(daily_messages.bad_days(days_back))
    today = dates.today()
    first = today - timedelta(days=days_back - 1)
    rows = store.checkins_between(first, today)
    points = [
        daily.CheckinPoint(r.local_date, r.mood, r.craving, [h for h in r.halt.split(",") if h])
        for r in rows
    ]
    meetings = [e.local_date for e in store.entries_between(store.MEETING, first, today)]
    triggers = [
        (e.category or "thing", e.text) for e in store.entries_between(store.TRIGGER, first, today)
    ]
    result = daily.compute(points, meetings, triggers, first, today, store.checkin_days())
    links, has_sponsor = _connection(rows, meetings, first, today)
    if as_json:
        numbers_json = _stats_json(result) | {"connection": _connection_json(links, has_sponsor)}
        typer.echo(render.json_text(numbers_json, indent=2))
        return
    out = render.console()
    _render_stats(result, out)
    _render_connection(links, has_sponsor, len(rows), out)


def _connection(
    rows: list["CheckinRow"], meetings: list[date], first: date, today: date
) -> tuple["Connection", bool]:
    from stepwork.domain import network
    from stepwork.store import people

    contacts = people.contacts_between(first, today)
    has_sponsor = any(p.role == "sponsor" for p in people.all_people())
    links = network.connection(
        [network.DayValues(r.local_date, r.mood, r.craving) for r in rows],
        [c.local_date for c in contacts],
        meetings,
        first,
        today,
        people.last_reached_role("sponsor"),
    )
    return links, has_sponsor


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _connection_json(c: "Connection", has_sponsor: bool) -> dict[str, Any]:
    compared = None
    if c.compared:
        compared = {
            "days_with_connection": c.days_with,
            "days_without_connection": c.days_without,
            "mood_with": _rounded(c.mood_with),
            "mood_without": _rounded(c.mood_without),
            "craving_with": _rounded(c.craving_with),
            "craving_without": _rounded(c.craving_without),
        }
    return {
        "contacts_per_week": c.contacts_per_week,
        "meetings_per_week": c.meetings_per_week,
        "has_sponsor": has_sponsor,
        "days_since_sponsor": c.days_since_sponsor,
        "with_and_without": compared,
    }


def _one(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _render_connection(c: "Connection", has_sponsor: bool, checkins: int, out: Console) -> None:
    from stepwork.domain import network

    out.print()
    out.print(daily_messages.CONNECTION_TITLE, style="bold")
    weeks = ", ".join(f"{render.short_day(w)}: {n}" for w, n in c.contacts_per_week.items())
    out.print(render.safe(f"Contacts per week (from Monday): {weeks}"))
    out.print(daily_messages.sponsor_last(c.days_since_sponsor, has_sponsor))
    if c.compared:
        line = daily_messages.connection_compare(
            c.days_with,
            c.days_without,
            _one(c.mood_with),
            _one(c.mood_without),
            _one(c.craving_with),
            _one(c.craving_without),
        )
        out.print(line)
    else:
        out.print(
            daily_messages.connection_too_few(checkins, network.MIN_CHECKINS_TO_COMPARE),
            style="dim",
        )


def _stats_json(s: daily.Stats) -> dict:
    return {
        "from": s.first_day.isoformat(),
        "to": s.last_day.isoformat(),
        "checkins": s.checkins,
        "days_with_checkin": s.days_with_checkin,
        "mood_by_day": {d.isoformat(): round(v, 2) for d, v in s.mood_by_day.items()},
        "craving_by_day": {d.isoformat(): round(v, 2) for d, v in s.craving_by_day.items()},
        "current_streak": s.current_streak,
        "longest_streak": s.longest_streak,
        "halt": s.halt_counts,
        "meetings_per_week": s.meetings_per_week,
        "top_triggers": [{"kind": k, "text": t, "count": n} for k, t, n in s.top_triggers],
    }


def _average(values: dict[Any, float]) -> str:
    return f"{sum(values.values()) / len(values):.1f}" if values else "-"


def _render_stats(s: daily.Stats, out: Console) -> None:
    out.print(
        render.safe(
            daily_messages.stats_title(render.local_day(s.first_day), render.local_day(s.last_day)),
            style="bold",
        )
    )
    if not s.checkins:
        out.print(daily_messages.STATS_EMPTY)
        return
    if render.is_plain(out):
        _plain_charts(s, out)
        return
    width = max(20, out.width - 8)
    for label, series, bounds, style in (
        ("mood", s.mood_by_day, daily.MOOD_RANGE, "green"),
        ("craving", s.craving_by_day, daily.CRAVING_RANGE, "yellow"),
    ):
        values = daily.columns(series, s.first_day, s.last_day, width)
        rows = daily.bar_chart(values, *bounds)
        out.print(
            render.safe(daily_messages.chart_title(label, _average(series), *bounds), style="bold")
        )
        for index, row in enumerate(rows):
            axis = (
                str(bounds[1]) if index == 0 else (str(bounds[0]) if index == len(rows) - 1 else "")
            )
            out.print(Text.assemble((f"{axis:>3} ", "dim"), (row, style)), soft_wrap=True)
        first, last = (
            render.short_day(s.first_day.isoformat()),
            render.short_day(s.last_day.isoformat()),
        )
        gap = max(1, len(values) - len(first) - len(last))
        out.print(render.safe(f"    {first}{' ' * gap}{last}", style="dim"), soft_wrap=True)
    out.print(render.safe(daily_messages.CHART_KEY, style="dim"))
    _stats_lines(s, out)


def _plain_charts(s: daily.Stats, out: Console) -> None:
    """The charts as numbers, one line a series: for a screen reader and for pasting."""
    for label, series, bounds in (
        ("mood", s.mood_by_day, daily.MOOD_RANGE),
        ("craving", s.craving_by_day, daily.CRAVING_RANGE),
    ):
        out.print(render.safe(daily_messages.chart_title(label, _average(series), *bounds)))
        days = ", ".join(f"{render.short_day(d.isoformat())}: {v:g}" for d, v in series.items())
        out.print(render.safe(daily_messages.plain_series(days)))
    _stats_lines(s, out)


def _stats_lines(s: daily.Stats, out: Console) -> None:
    out.print()
    out.print(
        daily_messages.streaks(s.current_streak, s.longest_streak, s.checkins, s.days_with_checkin)
    )
    halt = ", ".join(f"{word}: {count}" for word, count in s.halt_counts.items())
    out.print(f"HALT: {halt}")
    weeks = ", ".join(f"{render.short_day(w)}: {n}" for w, n in s.meetings_per_week.items())
    out.print(f"Meetings per week (from Monday): {weeks}")
    if s.top_triggers:
        listed = ", ".join(f"{kind}: {text} ({n})" for kind, text, n in s.top_triggers)
        out.print(render.safe(f"Most frequent triggers: {listed}"))
