"""The safety line: the person's own contacts and a crisis line, at the hardest moments.

It is shown at most once per command, asks nothing and never blocks. Its words are the same
everywhere: a check-in at a very low mood or a strong craving, the top of `stepwork plan`.
"""

from typing import TYPE_CHECKING

from stepwork.messages import safety as safety_messages

if TYPE_CHECKING:
    from rich.console import Console

SAFETY_MOOD = 2
"""A check-in mood at or below this shows the safety line."""
ASK_ABOUT_HARM_MOOD = 3
"""A guided check-in at or below this mood asks plainly about thoughts of self-harm."""

_state = {"shown": False}


def reset() -> None:
    """Each command starts without having shown it (in-process tests run many commands)."""
    _state["shown"] = False


def needed(mood: int | None, craving: int | None, threshold: int) -> bool:
    low = mood is not None and mood <= SAFETY_MOOD
    strong = craving is not None and craving >= threshold
    return low or strong


def plan_contacts() -> list[str]:
    """The people the person listed in their coping plan, one a line."""
    from stepwork.store import guided

    text = guided.latest_plan_people()
    return [line.strip() for line in text.splitlines() if line.strip()]


def hard_moment_people() -> list[str]:
    """The people marked for hard moments, with how to reach them: "Sam (sponsor): 555 0134"."""
    from stepwork import settings
    from stepwork.domain import network
    from stepwork.store import people

    names = network.role_names(settings.load()["role_names"])
    return [
        f"{p.name} ({names[p.role]})" + (f": {' '.join(p.reach.split())}" if p.reach else "")
        for p in people.all_people()
        if p.hard_moments
    ]


def show(out: "Console", crisis_line: str) -> None:
    """Print the safety line, unless this command has shown it already."""
    from rich.panel import Panel
    from rich.text import Text

    from stepwork import render

    if _state["shown"]:
        return
    _state["shown"] = True
    body = Text()
    for heading, people in (
        (safety_messages.SAFETY_PEOPLE, hard_moment_people()),
        (safety_messages.SAFETY_CONTACTS, plan_contacts()),
    ):
        if people:
            body.append(heading + "\n", style="bold")
            for person in people:
                body.append("  " + render.visible(person) + "\n")
            body.append("\n")
    if crisis_line:
        body.append(safety_messages.safety_own_line(crisis_line) + "\n\n", style="bold")
    body.append(safety_messages.SAFETY_NOW)
    if not crisis_line:
        body.append("\n\n" + safety_messages.SAFETY_NO_LINE, style="dim")
    out.print()
    out.print(
        Panel(body, title=safety_messages.SAFETY_TITLE, title_align="left", border_style="magenta")
    )
