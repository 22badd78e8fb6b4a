"""The guided-session engine: asks any set of questions, one at a time, and saves as it goes.

Every finished line of an answer is saved as a draft the moment Enter is pressed, and the
answer is marked done when the person ends it. So an interrupt, a closed window or a crash
loses at most the line being typed. Step guides, and later the inventory and daily reviews,
all run through `run`.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule

from stepwork import render
from stepwork.content import CHOICES, NUMBER, YESNO, Question
from stepwork.domain.states import AnswerState
from stepwork.flows import editor, interrupts
from stepwork.flows.prompting import read_line
from stepwork.messages import daily as daily_messages
from stepwork.messages import outputs as outputs_messages
from stepwork.messages import steps as steps_messages
from stepwork.parse import choices, limits
from stepwork.parse.choices import YES


class Outcome(Enum):
    FINISHED = "finished"
    PAUSED = "paused"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class Saved:
    state: str
    text: str


Save = Callable[[int, Question, str, str], None]
"""save(position, question, text, state): must commit before returning."""


class _Pause(Exception):
    pass


@dataclass
class Engine:
    questions: Sequence[Question]
    saved: dict[str, Saved]
    save: Save
    console: Console
    editor_setting: str = ""
    draft_intro: str = steps_messages.KEPT_DRAFT_INTRO
    after_short: Callable[[Question, str], None] | None = None
    """Called once a short answer (a number, yes/no, choices) is saved; it may ask more."""
    put_away: Callable[[Question], str] | None = None
    """When given, `/never` puts the question away for good: called with it, it returns the
    line telling how to bring it back. The question is skipped for now."""
    check_line: Callable[[Question, str], str | None] | None = None
    """A problem with one line of a written answer, said at once so it can be typed again."""
    skips_said: int = 0
    """Skips acknowledged in words so far: the first one is, the rest are a dim word."""

    def run(self) -> Outcome:
        try:
            last_section = None
            for position, question in enumerate(self.questions, start=1):
                previous = self.saved.get(question.key)
                if previous is not None and previous.state in (
                    AnswerState.ANSWERED,
                    AnswerState.SKIPPED,
                ):
                    continue
                if question.unless and self.answer_to(question.unless) == YES:
                    continue
                if question.section and question.section != last_section:
                    self.console.print()
                    self.console.print(Rule(render.safe(question.section), style="cyan"))
                last_section = question.section
                self._ask(position, question, previous.text if previous else "")
        except _Pause:
            return Outcome.PAUSED
        except (KeyboardInterrupt, EOFError):
            return Outcome.INTERRUPTED
        return Outcome.FINISHED

    def answer_to(self, key: str) -> str | None:
        saved = self.saved.get(key)
        return saved.text if saved is not None and saved.state == AnswerState.ANSWERED else None

    def _store(self, position: int, question: Question, text: str, state: str) -> None:
        with interrupts.protected():
            self.save(position, question, text, state)
        self.saved[question.key] = Saved(state, text)

    def _ask(self, position: int, question: Question, draft: str) -> None:
        self.console.print()
        self.console.print(
            steps_messages.question_counter(position, len(self.questions)), style="dim"
        )
        self.console.print(render.safe(question.text, style="bold"))
        if question.hint:
            self.console.print(render.safe(question.hint, style="dim italic"))
        if question.kind == CHOICES:
            shown = choices.menu(question.choices, self.console.width)
            self.console.print(render.safe(shown, style="cyan"))
        if question.kind in (CHOICES, YESNO, NUMBER):
            self._ask_short(position, question)
            return
        if draft:
            self.console.print(self.draft_intro, style="dim")
            self.console.print(Panel(render.safe(draft), border_style="dim"))
            self.console.print(steps_messages.KEPT_DRAFT_HOW, style="dim")
        lines = [draft] if draft else []
        prompt = steps_messages.ANSWER_PROMPT
        while True:
            line = read_line(prompt)
            prompt = steps_messages.CONTINUE_PROMPT
            command = line.strip().lower()
            text = "\n".join(lines)
            if command in ("", "/skip", "/next"):
                if text.strip():
                    self._store(position, question, text, AnswerState.ANSWERED)
                else:
                    self._skipped(position, question)
                return
            if command == "/never":
                if self._never(position, question):
                    return
                continue
            if command == "/pause":
                raise _Pause
            if command in ("/help", "/?"):
                self.console.print(steps_messages.HOW_TO_ANSWER, style="dim")
                if self.put_away is not None:
                    self.console.print(daily_messages.NEVER_HOW, style="dim")
                self._again(question)
                prompt = steps_messages.CONTINUE_PROMPT if lines else steps_messages.ANSWER_PROMPT
                continue
            if command == "/edit":
                edited = self._edit(position, question, text)
                if edited is True:
                    return
                if isinstance(edited, str):
                    lines = edited.splitlines()  # the lines that check out, kept as a draft
                continue
            if len(text) + len(line) > limits.MAX_TEXT:
                self.console.print(outputs_messages.LINE_TOO_LONG, style="yellow")
                continue
            problem = self.check_line(question, line) if self.check_line else None
            if problem is not None:
                self.console.print(render.safe(problem), style="yellow")
                continue
            lines.append(line.rstrip())
            self._store(position, question, "\n".join(lines), AnswerState.DRAFT)

    def _never(self, position: int, question: Question) -> bool:
        """`/never`: put a daily question away (True: it is done with); step work keeps every
        question, and says so."""
        if self.put_away is not None:
            self._put_away(position, question)
            return True
        self.console.print(steps_messages.NEVER_IN_STEP_WORK, style="dim")
        return False

    def _ask_short(self, position: int, question: Question) -> None:
        """A yes/no or choices answer: parsed, and asked again with an explanation if unclear."""
        prompt = steps_messages.ANSWER_PROMPT
        if question.kind == YESNO:
            prompt += "[y/n] "
        elif question.kind == NUMBER:
            prompt += f"({question.low}-{question.high}) "
        while True:
            line = read_line(prompt)
            command = line.strip().lower()
            if command in ("", "/skip", "/next"):
                self._skipped(position, question)
                return
            if command == "/never":
                if self._never(position, question):
                    return
                continue
            if command == "/pause":
                raise _Pause
            if command in ("/help", "/?", "/edit"):
                self.console.print(steps_messages.SINGLE_ANSWER_HOW, style="dim")
                if self.put_away is not None:
                    self.console.print(daily_messages.NEVER_HOW, style="dim")
                self._again(question)
                continue
            try:
                if question.kind == YESNO:
                    value = choices.parse_yes_no(line)
                elif question.kind == NUMBER:
                    value = choices.parse_number(line, question.low, question.high)
                else:
                    value = choices.parse_choices(line, question.choices)
            except ValueError as problem:
                self.console.print(str(problem), style="yellow")
                continue
            self._store(position, question, value, AnswerState.ANSWERED)
            if value == YES and question.note_if_yes:
                self.console.print(Panel(render.safe(question.note_if_yes), border_style="magenta"))
            if self.after_short is not None:
                self.after_short(question, value)
            return

    def _again(self, question: Question) -> None:
        """After the help, the question once more, so the prompt below it makes sense."""
        self.console.print()
        self.console.print(render.safe(question.text, style="bold"))
        if question.kind == CHOICES:
            self.console.print(render.safe(choices.menu(question.choices), style="cyan"))

    def _skipped(self, position: int, question: Question) -> None:
        self._store(position, question, "", AnswerState.SKIPPED)
        said = steps_messages.SKIPPED if not self.skips_said else steps_messages.SKIPPED_QUIETLY
        self.console.print(said, style="dim")
        self.skips_said += 1

    def _put_away(self, position: int, question: Question) -> None:
        assert self.put_away is not None
        with interrupts.protected():
            how_back = self.put_away(question)
        self._store(position, question, "", AnswerState.SKIPPED)
        self.console.print(how_back, style="dim")

    def _edit(self, position: int, question: Question, text: str) -> bool | str:
        """Open the editor on the answer so far; True when it came back with an answer. Lines
        that do not check out are shown and left out: the rest comes back as a draft."""
        try:
            command = editor.editor_command(self.editor_setting)
            with interrupts.protected(ignore_sigint=True):
                edited = editor.edit(text, command)
                problems = [
                    problem
                    for line in edited.splitlines()
                    if self.check_line and (problem := self.check_line(question, line))
                ]
                if problems:
                    kept = "\n".join(
                        line
                        for line in edited.splitlines()
                        if not (self.check_line and self.check_line(question, line))
                    )
                    self.save(position, question, kept, AnswerState.DRAFT)
                    self.saved[question.key] = Saved(AnswerState.DRAFT, kept)
                elif edited.strip():
                    self.save(position, question, edited, AnswerState.ANSWERED)
                    self.saved[question.key] = Saved(AnswerState.ANSWERED, edited)
        except editor.EditorUnavailable:
            self.console.print(steps_messages.NO_EDITOR, style="yellow")
            return False
        except editor.EditorFailed as exc:
            self.console.print(steps_messages.editor_failed(str(exc)), style="yellow")
            return False
        if problems:
            for problem in problems:
                self.console.print(render.safe(problem), style="yellow")
            self.console.print(steps_messages.EDITOR_LINES_LEFT_OUT, style="dim")
            return kept
        if not edited.strip():
            self.console.print(steps_messages.EDITOR_EMPTY, style="dim")
            return False
        self.console.print(steps_messages.EDITOR_SAVED, style="dim")
        return True
