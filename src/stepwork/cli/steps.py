"""`stepwork step N` and `stepwork steps`.

Most steps are a guided set of questions. Steps with work of their own (the inventory, sharing
it, defects, amends) register a flow in `STEP_FLOWS`, and what `--show` adds in `STEP_SHOWS`.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from stepwork import render, settings
from stepwork.cli import paging, panels
from stepwork.cli.application import guarded
from stepwork.cli.guided import hold, run_session
from stepwork.content import Question, load_step, step_titles
from stepwork.domain import stepguide
from stepwork.domain.states import AnswerState, SessionStatus
from stepwork.errors import UserError
from stepwork.flows import engine
from stepwork.flows.prompting import ask_yes_no
from stepwork.messages import daily as daily_messages
from stepwork.messages import steps as steps_messages
from stepwork.parse import dates

if TYPE_CHECKING:
    from stepwork.store.guided import SessionRow

commands = typer.Typer(add_completion=False)

StepFlow = Callable[[bool], int]
"""flow(new) → exit status."""
STEP_FLOWS: dict[int, StepFlow] = {}
STEP_SHOWS: dict[int, Callable[[], bool | None]] = {}
"""show() → whether it showed anything (None: it always says something)."""
# The modules (under stepwork.cli) that register a flow or a show for some step.
FLOW_MODULES = ("inventory", "sharing", "defects", "amends", "daily")


def load_flows() -> None:
    for name in FLOW_MODULES:
        importlib.import_module(f"stepwork.cli.{name}")


@commands.command(rich_help_panel=panels.STEP_WORK)
def step(
    number: str = typer.Argument(..., help="The step to work, 1 to 12.", show_default=False),
    show: bool = typer.Option(False, "--show", help="Read back everything you wrote for it."),
    new: bool = typer.Option(False, "--new", help="Start a fresh session instead of resuming."),
    no_pager: bool = typer.Option(False, "--no-pager", help=paging.NO_PAGER_HELP),
) -> None:
    """Work a step with guided questions, one at a time. Every answer is saved as you go."""
    n = stepguide.parse_step_number(number)
    load_flows()
    if show:
        with paging.paged(no_pager):
            shown = STEP_SHOWS[n]() if n in STEP_SHOWS else False
            _show(n, quiet_if_empty=shown is not False)
        return
    flow = STEP_FLOWS.get(n)
    raise typer.Exit(flow(new) if flow else run_step_guide(n, new))


@dataclass(frozen=True)
class GuideRun:
    """How one step's guide is run: `intro=False` when the step's own flow already showed the
    statement; a daily flow (the nightly review) resumes only a session from today."""

    extra: tuple[Question, ...] = ()
    intro: bool = True
    today_only: bool = False
    command: str | None = None
    done_message: str | None = None
    skipped_message: str | None = None
    """Said instead of `done_message` when every question was skipped."""
    label: str | None = None
    """How the resume offer names it ("today's review"); by default "step N"."""
    full_intro: bool = False
    """A daily flow shows its whole introduction even though it has been seen (`--intro`)."""
    leave_out: frozenset[str] = frozenset()
    """Keys of questions the step's own flow has just answered in deed (step 5's "getting
    ready" once the sharing is recorded)."""


def run_step_guide(n: int, new: bool, run: GuideRun = GuideRun()) -> int:
    """The step's guided questions (after any extra ones), resumable, saved as answered."""
    return guarded(lambda: _guide(n, new, run), run.command or f"stepwork step {n}")


def step_guide_within(n: int, new: bool, run: GuideRun = GuideRun()) -> int:
    """The step's guide inside a flow that is already guarded (its stop is the flow's)."""
    return _guide(n, new, run)


def _guide(n: int, new: bool, run: GuideRun) -> int:
    from stepwork.domain import putaway
    from stepwork.store import guided

    values = settings.load()
    guide = load_step(n, values)
    questions = tuple(q for q in run.extra + guide.questions if q.key not in run.leave_out)
    flow = stepguide.flow_name(n)
    daily = flow in putaway.DAILY
    if daily:
        questions = putaway.still_asked(flow, questions)
    out = render.console()
    # A daily flow introduces itself in full the first time (or when asked), then in one line.
    full_intro = not daily or run.full_intro or not guided.has_session(flow)
    session = _choose_session(n, questions, new, flow, run)
    fresh = session is None
    if session is None:
        session = guided.start(flow, n, dates.today())
        hold(session.id, f"Step {n}")
        if run.intro and full_intro:
            step_intro(n, out)
    elif full_intro:
        out.print(Rule(render.safe(f"Step {n} · {guide.title}"), style="cyan"))
    if full_intro:
        out.print(Padding(steps_messages.HOW_TO_ANSWER, (1, 0, 0, 0)), style="dim")
        if daily:
            out.print(daily_messages.NEVER_HOW, style="dim")
    else:
        practice = putaway.DAILY[flow]
        out.print(render.safe(daily_messages.daily_line(practice, render.local_day(dates.today()))))
    outcome = run_session(
        questions,
        session.id,
        out,
        values["editor"],
        fresh=fresh,
        put_away=putaway.putter(flow) if daily else None,
    )
    out.print()
    # Words for what happened: a morning skipped through is not "set", a pause before any
    # answer has nothing "saved".
    answered = any(a.state != AnswerState.SKIPPED for a in guided.answers(session.id).values())
    if outcome is engine.Outcome.FINISHED:
        if run.skipped_message and not answered:
            out.print(run.skipped_message)
        else:
            out.print(run.done_message or steps_messages.step_finished(n), style="green")
    else:
        out.print(steps_messages.paused(run.command or f"stepwork step {n}", answered))
    return 0


def step_intro(n: int, out: Console) -> None:
    """The step's statement (the person's own wording, if they have one) and orientation."""
    from stepwork.content.wording import active

    values = settings.load()
    guide = load_step(n, values)
    out.print(
        Panel(
            Text.assemble(
                (render.visible(active(values).statements[n]), "bold"), "\n\n", guide.orientation
            ),
            title=render.safe(f"Step {n} · {guide.title}"),
            title_align="left",
            border_style="cyan",
        )
    )


def _choose_session(
    n: int, questions: tuple[Question, ...], new: bool, flow: str, run: GuideRun
) -> "SessionRow | None":
    """The open session to resume, or None for a fresh one (an open one is then set aside)."""
    from stepwork.store import guided

    current = guided.latest_open(flow)
    if current is None:
        return None
    label = run.label or f"step {n}"
    command = run.command or f"stepwork step {n}"
    if guided.held_elsewhere(current.id):
        # Another window is answering it: left open for that window, never set aside here.
        if new or (run.today_only and current.local_date != dates.today()):
            return None
        raise UserError(
            steps_messages.open_elsewhere(label[:1].upper() + label[1:], f"{command} --new")
        )
    if run.today_only and current.local_date != dates.today():
        guided.finish(current.id)  # an earlier day's review stays as it was written
        return None
    if not new:
        keys = {q.key for q in questions}
        done = sum(
            1
            for key, a in guided.answers(current.id).items()
            if key in keys and a.state == AnswerState.ANSWERED
        )
        started = render.local_day(current.started_at)
        render.console().print(steps_messages.resume_offer(label, started, done, len(questions)))
        if ask_yes_no(steps_messages.RESUME_QUESTION):
            hold(current.id, label[:1].upper() + label[1:], f"{command} --new")
            return current
    guided.finish(current.id)
    render.console().print(steps_messages.resumed_old_set_aside(n), style="dim")
    return None


def _show(n: int, quiet_if_empty: bool = False) -> None:
    from stepwork.store import guided

    sessions = guided.step_sessions(n, flow=stepguide.flow_name(n))
    out = render.console()
    if not sessions:
        if not quiet_if_empty:
            out.print(steps_messages.step_never_worked(n))
        return
    title = step_titles()[n]
    # Printed as one group: a print per line costs more than the text itself when a step was
    # worked hundreds of times.
    shown: list[RenderableType] = []
    for index, (session, answers) in enumerate(sessions, start=1):
        state = (
            steps_messages.SESSION_OPEN
            if session.status == SessionStatus.OPEN
            else steps_messages.SESSION_FINISHED
        )
        heading = (
            f"Step {n} · {title} · session {index} of {len(sessions)} · "
            f"{render.local_day(session.started_at)} · {state}"
        )
        shown.append(render.safe(heading, style="bold cyan"))
        for answer in answers:
            shown.append(render.safe(answer.question_text, style="bold"))
            if answer.state == AnswerState.SKIPPED:
                shown.append(render.safe(steps_messages.ANSWER_SKIPPED, style="dim"))
            else:
                shown.append(Padding(render.safe(answer.text), (0, 0, 0, 2), expand=False))
                if answer.state == AnswerState.DRAFT:
                    shown.append(render.safe("  " + steps_messages.ANSWER_UNFINISHED, style="dim"))
            shown.append(Text())
    out.print(Group(*shown))


@commands.command("steps", rich_help_panel=panels.STEP_WORK)
def steps_table() -> None:
    """All twelve steps: where you are with each, and when you last worked it."""
    from stepwork.store import progress

    summaries = progress.step_summaries()
    table = Table(title=steps_messages.STEPS_TITLE, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Step")
    table.add_column("Status")
    table.add_column("Work")
    table.add_column("Last worked")
    for n, title in step_titles().items():
        summary = summaries.get(n)
        if summary is None:
            table.add_row(str(n), title, steps_messages.STATUS_NOT_STARTED, "", "")
            continue
        status = stepguide.status(summary.open_sessions, int(summary.worked))
        if summary.listed and not summary.worked and not summary.open_sessions:
            status = steps_messages.STATUS_LIST_READY
        last = render.local_day(summary.last_worked) if summary.last_worked else ""
        work = steps_messages.step_work(
            n, summary.sessions, summary.records, summary.items, summary.listed
        )
        table.add_row(str(n), title, status, work, last)
    render.console().print(table)
