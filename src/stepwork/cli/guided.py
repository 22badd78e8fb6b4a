"""Running a guided set of questions against a stored session."""

from collections.abc import Callable, Sequence

from rich.console import Console

from stepwork.cli.application import StoppedNothingKept
from stepwork.content import Question
from stepwork.errors import UserError
from stepwork.flows import engine
from stepwork.messages import steps as steps_messages


def run_session(
    questions: Sequence[Question],
    session_id: int,
    out: Console,
    editor_setting: str,
    on_answer: Callable[[Question, str], None] | None = None,
    draft_intro: str = steps_messages.KEPT_DRAFT_INTRO,
    not_recorded: frozenset[str] = frozenset(),
    fresh: bool = False,
    put_away: Callable[[Question], str] | None = None,
    label: str = steps_messages.OPEN_ELSEWHERE_THIS,
) -> engine.Outcome:
    """Ask whatever is still unanswered in a stored session; finish it when all are done.

    Answers to `not_recorded` questions go only to `on_answer` (they live elsewhere, such as
    who is marked for hard moments). Returns FINISHED or PAUSED; an interrupt is raised again
    as KeyboardInterrupt (after everything answered is saved) for `guarded` to turn into the
    resume message. A `fresh` session (started by this command) stopped before anything was
    typed is taken back, and the stop says nothing was changed.

    The session is held alone while it is answered (`label` names it when another window
    already holds it: the command then ends with one line, nothing changed).
    """
    from stepwork.store import guided

    hold(session_id, label)

    saved = {k: engine.Saved(a.state, a.text) for k, a in guided.answers(session_id).items()}

    def save(position: int, question: Question, text: str, state: str) -> None:
        if question.key not in not_recorded:
            guided.record(session_id, position, question.key, question.text, text, state)
        if on_answer is not None:
            on_answer(question, text)

    outcome = engine.Engine(
        questions,
        saved,
        save,
        out,
        editor_setting=editor_setting,
        draft_intro=draft_intro,
        put_away=put_away,
    ).run()
    if outcome is engine.Outcome.INTERRUPTED:
        if fresh and not guided.answers(session_id):
            guided.delete(session_id)
            raise StoppedNothingKept
        raise KeyboardInterrupt
    if outcome is engine.Outcome.FINISHED:
        guided.finish(session_id)
    return outcome


def hold(session_id: int, label: str, fresh: str | None = None) -> None:
    """Answer the session alone from now on, or end the command with one warm line if another
    window is answering it (`fresh`: the command that starts a new one instead)."""
    from stepwork.store import guided

    if not guided.hold(session_id):
        raise UserError(steps_messages.open_elsewhere(label, fresh))
