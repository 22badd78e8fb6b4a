"""`stepwork` on its own: a short welcome and the one next thing to do."""

from rich.panel import Panel
from rich.text import Text

from stepwork import messages, render, stepguide


def welcome() -> None:
    from stepwork.store import guided

    summaries = guided.step_summaries()
    open_steps = sorted(n for n, s in summaries.items() if s.open_sessions)
    worked = {n for n, s in summaries.items() if s.finished_sessions}
    out = render.console()
    body = Text()
    body.append(messages.WELCOME_BODY + "\n\n")
    body.append(stepguide.suggest_next(open_steps, worked), style="bold")
    body.append("\n" + messages.NEXT_TOUR, style="dim")
    body.append("\n\n" + messages.NOT_AFFILIATED, style="dim")
    out.print(Panel(body, title=messages.WELCOME_TITLE, title_align="left", border_style="cyan"))
