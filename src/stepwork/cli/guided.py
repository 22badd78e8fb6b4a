"""What every guided command shares: running questions against a stored session, and
turning an interrupt into a kind message and exit status 130."""

import contextlib
from collections.abc import Callable, Sequence

import typer
from rich.console import Console

from stepwork import engine, interrupts, messages
from stepwork.cli.base import EXIT_INTERRUPTED
from stepwork.content import Question


def run_session(
    questions: Sequence[Question],
    session_id: int,
    out: Console,
    editor_setting: str,
    on_answer: Callable[[Question, str], None] | None = None,
    draft_intro: str = messages.KEPT_DRAFT_INTRO,
) -> engine.Outcome:
    """Ask whatever is still unanswered in a stored session; finish it when all are done.

    Returns FINISHED or PAUSED; an interrupt is raised again as KeyboardInterrupt (after
    everything answered is saved) for `guarded` to turn into the resume message.
    """
    from stepwork.store import guided

    saved = {k: engine.Saved(a.state, a.text) for k, a in guided.answers(session_id).items()}

    def save(position: int, question: Question, text: str, state: str) -> None:
        guided.record(session_id, position, question.key, question.text, text, state)
        if on_answer is not None:
            on_answer(question, text)

    outcome = engine.Engine(
        questions, saved, save, out, editor_setting=editor_setting, draft_intro=draft_intro
    ).run()
    if outcome is engine.Outcome.INTERRUPTED:
        raise KeyboardInterrupt
    if outcome is engine.Outcome.FINISHED:
        guided.finish(session_id)
    return outcome


def guarded(body: Callable[[], int], resume_command: str) -> int:
    """Run a guided command so Ctrl-C, end of input, SIGHUP or SIGTERM end it gently."""
    with interrupts.catching():
        try:
            return body()
        except (KeyboardInterrupt, EOFError):
            return interrupted(resume_command)


def interrupted(resume_command: str) -> int:
    # After a closed window there is no terminal to tell; everything was saved before this.
    with contextlib.suppress(OSError):
        typer.echo("")
        typer.echo(messages.interrupted(resume_command), err=True)
    return EXIT_INTERRUPTED
