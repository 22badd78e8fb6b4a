"""The Typer application, the commands it finds on demand, and the error handling they share."""

from __future__ import annotations

import contextlib
import importlib
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from stepwork import __version__
from stepwork.errors import UserError
from stepwork.flows import textin
from stepwork.messages import app as app_messages
from stepwork.messages import safety as safety_messages
from stepwork.store import on_new_journal, start_afresh

if TYPE_CHECKING:
    # Only names for annotations: what typer.main.get_command builds and TyperGroup's hooks take.
    from typer._click import Command, Context, Parameter


EXIT_INTERRUPTED = 130
EXIT_BUG = 70


def _say(line: str) -> None:
    from stepwork.render import fit, visible

    # A closed window leaves no terminal to tell; the answers are saved either way.
    with contextlib.suppress(OSError):
        typer.echo(fit(visible(line), sys.stderr), err=True)


def _first_run() -> None:
    """Said once, when a command has just created the journal, to a person at a terminal
    (never into a pipe, where it would mix with an export)."""
    if sys.stdout.isatty():
        from rich.text import Text

        from stepwork import render

        with contextlib.suppress(OSError):
            render.console().print(Text("\n".join(safety_messages.FIRST_RUN), style="dim"))


on_new_journal(_first_run)


# Each command's name and the module under stepwork.cli that defines it (on its own
# `commands = typer.Typer(...)`), in the order of the help. Only the module of the command that
# runs is imported: `stepwork log` does not pay for the inventory or the guided engine.
COMMANDS: dict[str, str] = {
    "step": "steps",
    "steps": "steps",
    "defects": "defects",
    "inventory": "inventory",
    "amends": "amends",
    "checkin": "daily",
    "plan": "daily",
    "review": "daily",
    "morning": "daily",
    "gratitude": "daily",
    "service": "daily",
    "stats": "daily",
    "status": "statusline",
    "reached": "people",
    "people": "people",
    "sober": "sober",
    "log": "journal",
    "search": "journal",
    "show": "journal",
    "delete": "journal",
    "edit": "journal",
    "export": "transfer",
    "import": "transfer",
    "backup": "transfer",
    "restore": "transfer",
    "sync": "sync",
    "doctor": "privacy",
    "encrypt": "privacy",
    "decrypt": "privacy",
    "passphrase": "privacy",
    "paths": "setup",
    "config": "setup",
    "wording": "setup",
}


def commands_in(module_name: str) -> dict[str, Command]:
    """The commands a module under stepwork.cli defines, by name."""
    module = importlib.import_module(f"stepwork.cli.{module_name}")
    built = typer.main.get_command(module.commands)
    if isinstance(built, TyperGroup):
        return dict(built.commands)
    return {built.name or "": built}


def plain_metavars(command: Command, ctx: Context) -> None:
    """Help shows an option's value as TEXT (or the metavar it declares), nothing for a flag, and
    an argument by its name in capitals (ID, WORDS...), instead of Typer's Python type names
    (<str>, <bool>, <list[str]>) and {name}."""
    for param in command.get_params(ctx):
        if param.metavar is not None:
            continue
        if param.param_type_name == "option":
            param.metavar = "" if getattr(param, "is_flag", False) else "TEXT"
        elif param.param_type_name == "argument" and param.name:
            param.metavar = param.name.upper()
    for sub in getattr(command, "commands", {}).values():
        plain_metavars(sub, ctx)


_RICH_MARKUP = "_stepwork_rich_markup"


def help_style(command: Command, plain: bool) -> None:
    """In plain mode, --help is Click's own text (Typer's documented `rich_markup_mode=None`):
    no boxes around the options for a screen reader to spell out. Set at each use: tests run
    many commands, plain and not, in one process."""
    if hasattr(command, "rich_markup_mode"):
        if not hasattr(command, _RICH_MARKUP):
            setattr(command, _RICH_MARKUP, command.rich_markup_mode)
        command.rich_markup_mode = None if plain else getattr(command, _RICH_MARKUP)
    for sub in getattr(command, "commands", {}).values():
        help_style(sub, plain)


def _forget_safety_line() -> None:
    safety = sys.modules.get("stepwork.cli.safety")
    if safety is not None:
        safety.reset()


class StepworkGroup(TyperGroup):
    """Finds each command in its module when it is asked for (Click's lazy group), and runs
    commands so every failure ends as one line on stderr and a clear exit code."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            found = commands_in(COMMANDS[cmd_name])
            for command in found.values():
                plain_metavars(command, ctx)
            self.commands.update(found)
        wanted = self.commands.get(cmd_name)
        if wanted is not None and cmd_name in COMMANDS:
            from stepwork.render import plain as render_plain

            help_style(wanted, plain=render_plain.wanted())
        return wanted

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        for param in params:
            if param.param_type_name == "option" and param.metavar is None:
                param.metavar = "" if getattr(param, "is_flag", False) else "TEXT"
        return params

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] not in COMMANDS:
            # Typer suggests the nearest names among the commands the group holds.
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def main(self, args: Any = None, prog_name: Any = None, *a: Any, **kw: Any) -> Any:
        textin.start_afresh()
        argv = [textin.argument(arg) for arg in (sys.argv[1:] if args is None else args)]
        textin.read_stdin_leniently()
        kw["standalone_mode"] = False
        start_afresh()
        _forget_safety_line()
        settings = sys.modules.get("stepwork.settings")
        if settings is not None:
            settings.forget_warnings()
        try:
            result = self._run(argv, *a, **kw)
        finally:
            finish_process()
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        """A stop (Ctrl-C, end of input) that no guided flow caught: say truthfully what became
        of the command (Typer then ends it with 130)."""
        from stepwork.flows import prompting

        prompting.start_reading()
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, EOFError):
            from stepwork.store import wrote_something

            if prompting.no_person():
                command = f"stepwork {ctx.invoked_subcommand or ''}".strip()
                with contextlib.suppress(OSError):
                    typer.echo("")  # ends the line the unanswered prompt is on
                _say(app_messages.needs_a_person(command))
                raise typer.Exit(EXIT_NO_PERSON) from None
            with contextlib.suppress(OSError):
                typer.echo("", err=True)
            line = (
                app_messages.STOPPED_KEPT
                if wrote_something()
                else app_messages.STOPPED_NOTHING_CHANGED
            )
            if prompting.answers_ran_out():
                _say(app_messages.answers_ran_out(line))
                raise typer.Exit(EXIT_NO_PERSON) from None
            _say(line)
            raise

    def _run(self, argv: list[str], *a: Any, **kw: Any) -> Any:
        try:
            try:
                return super().main(argv, "stepwork", *a, **kw)
            finally:
                if textin.any_replaced():
                    _say(app_messages.UNREADABLE_CHARACTERS)
        except UserError as exc:
            _say(exc.message)
            sys.exit(exc.exit_code)
        except (typer.Abort, KeyboardInterrupt):
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            click_exception = _as_click_error(exc)
            if click_exception is None:
                if "--debug" in argv:
                    traceback.print_exc()
                _say(app_messages.BUG)
                sys.exit(EXIT_BUG)
            _say(click_exception[0])
            sys.exit(click_exception[1])


def finish_process() -> None:
    """Say what the journal had to settle, and let go of its lock, as a process ending would."""
    journal = sys.modules.get("stepwork.store.journal_file")
    if journal is not None:
        for notice in journal.notices:
            _say(notice)
        journal.notices.clear()
    lock = sys.modules.get("stepwork.store.lock")
    if lock is not None:
        lock.release_all()


def _as_click_error(exc: Exception) -> tuple[str, int] | None:
    """Click's own usage errors (unknown option, missing argument) as one line."""
    from typer._click.exceptions import ClickException, UsageError

    if not isinstance(exc, ClickException):
        return None
    if isinstance(exc, UsageError) and exc.ctx is not None:
        return app_messages.usage_problem(exc.format_message(), exc.ctx.command_path), exc.exit_code
    return exc.format_message(), exc.exit_code


app = typer.Typer(
    cls=StepworkGroup,
    help=app_messages.APP_HELP,
    epilog=safety_messages.SAFETY_HELP,
    add_completion=True,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"stepwork {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Show the version."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show full details if something breaks."),
) -> None:
    if ctx.invoked_subcommand is None:
        from stepwork.cli.welcome import welcome

        welcome()


class StoppedNothingKept(KeyboardInterrupt):
    """A stop after which the flow took back the empty start it had made: nothing is kept,
    and a rerun would not offer to pick up."""


EXIT_NO_PERSON = 1
"""A command that would ask, run with no terminal and no answers given."""


def guarded(
    body: Callable[[], int],
    resume_command: str,
    kept: str | None = None,
    instead: str = "",
    typed: str = "",
) -> int:
    """Run a guided command so Ctrl-C, end of input, SIGHUP or SIGTERM end it gently.

    `kept` replaces the usual "pick up where you left off" where a rerun does not resume;
    `typed` is the command as the person ran it, where that is not `resume_command`.
    """
    from stepwork.flows import interrupts, prompting

    prompting.start_reading()
    if prompting.nobody_there():
        return interrupted(resume_command, kept, instead=instead, typed=typed)
    with interrupts.catching():
        try:
            return body()
        except StoppedNothingKept:
            return interrupted(resume_command, kept, saved=False, instead=instead, typed=typed)
        except (KeyboardInterrupt, EOFError):
            return interrupted(resume_command, kept, instead=instead, typed=typed)


def confirm(
    question: str,
    resume_command: str,
    kept: str = app_messages.NOTHING_CHANGED,
    show: Callable[[], None] | None = None,
) -> None:
    """Ask before a change, after `show`ing what it is about (only when someone is there to
    ask). A no says `kept` and ends the command (0); a stop ends it as a stop does; with nobody
    to ask, one line names the `--yes` form and the command ends (1). Only a yes goes on."""
    from stepwork.flows.prompting import ask_yes_no, no_person
    from stepwork.render import console

    def ask() -> int:
        if show is not None:
            show()
        return 0 if ask_yes_no(question, default=False) else 1

    answer = guarded(ask, resume_command, instead=f"{resume_command} --yes")
    if no_person():
        raise typer.Exit(EXIT_NO_PERSON)  # asked for a change that nobody could confirm
    if answer == 1:
        console().print(kept)
    if answer != 0:
        raise typer.Exit(0 if answer == 1 else answer)


def interrupted(
    resume_command: str,
    kept: str | None = None,
    saved: bool | None = None,
    instead: str = "",
    typed: str = "",
) -> int:
    """Say what became of the command: saved only where this command saved something.

    `saved` is given by a flow that knows better than "something was written" (one that took
    back an empty start, or whose rerun would not offer to pick up).
    """
    from stepwork.flows.prompting import answers_ran_out, asked_anything, no_person
    from stepwork.render import fit, visible
    from stepwork.store import wrote_something

    if no_person():
        # Nobody to ask: say what to run instead, never "saved" (the flows take back the empty
        # start they made, so nothing was kept).
        with contextlib.suppress(OSError):
            if asked_anything():
                typer.echo("")  # ends the line the unanswered prompt is on
            said = visible(app_messages.needs_a_person(typed or resume_command, instead))
            typer.echo(fit(said, sys.stderr), err=True)
        return EXIT_NO_PERSON
    if wrote_something() if saved is None else saved:
        line = kept or app_messages.interrupted(resume_command)
    else:
        line = app_messages.STOPPED_NOTHING_CHANGED
    code = EXIT_INTERRUPTED
    if answers_ran_out():
        # Piped answers that ended before the questions did: nobody asked to stop (not 130).
        line, code = app_messages.answers_ran_out(line), EXIT_NO_PERSON
    # After a closed window there is no terminal to tell; everything was saved before this.
    with contextlib.suppress(OSError):
        typer.echo("")
        typer.echo(fit(visible(line), sys.stderr), err=True)
    return code
