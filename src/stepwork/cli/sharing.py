"""`stepwork step 5`: going through the inventory items not yet shared, and recording with whom
and when. Items marked for a therapist are held back unless it is a therapist you share with."""

from datetime import date

from stepwork import render, settings
from stepwork.cli.application import StoppedNothingKept, guarded, interrupted
from stepwork.cli.inventory import table_of
from stepwork.cli.steps import (
    STEP_FLOWS,
    STEP_SHOWS,
    GuideRun,
    step_guide_within,
    step_intro,
)
from stepwork.content.inventory import section
from stepwork.flows.prompting import ask_day, ask_yes_no, read_line
from stepwork.messages import people as people_messages
from stepwork.messages import sharing as sharing_messages

THERAPIST_WORDS = ("therapist", "my therapist", "counsellor", "counselor")


def _offered() -> list[tuple[str, tuple[str, str]]]:
    """The sponsor and the therapist from the network, offered as "with whom"."""
    from stepwork.domain import network
    from stepwork.store import people

    names = network.role_names(settings.load()["role_names"])
    return [
        (f"{p.name} ({names[p.role]})", (p.name, p.role))
        for p in people.all_people()
        if p.role in ("sponsor", "therapist")
    ]


def _step5(new: bool) -> int:
    from stepwork.store import inventory as store

    out = render.console()
    step_intro(5, out)
    waiting = [i for i in store.list_items(unshared=True) if i.finished]
    if not waiting:
        out.print(sharing_messages.SHARE_NOTHING)
        return 0
    offered = _offered()
    if offered:
        menu = "   ".join(f"{i} {label}" for i, (label, _) in enumerate(offered, start=1))
        out.print(render.safe(people_messages.SHARE_FROM_PEOPLE + menu, style="cyan"))
        out.print(people_messages.share_pick_hint(len(offered)), style="dim")
    whom = read_line(sharing_messages.SHARE_WHO + " ").strip()
    if not whom:
        return 0
    role = None
    if whom.isdigit() and 1 <= int(whom) <= len(offered):
        whom, role = offered[int(whom) - 1][1]
    role = role or next((r for _, (n, r) in offered if n.lower() == whom.lower()), None)
    day = ask_day(sharing_messages.SHARE_WHEN, allow_future=False, default="today")
    assert day is not None
    with_therapist = role == "therapist" or whom.lower() in THERAPIST_WORDS
    if not with_therapist:
        held = [i for i in waiting if i.for_therapist]
        if held:
            out.print(sharing_messages.share_leaving_out(len(held)), style="dim")
        waiting = [i for i in waiting if not i.for_therapist]
    count = 0
    for item in waiting:
        out.print(table_of([item], section(item.section, settings.load()).label))
        if ask_yes_no(sharing_messages.SHARE_THIS, default=True):
            store.share([item.id], whom, day)
            count += 1
    out.print(sharing_messages.share_done(count, whom), style="green")
    if ask_yes_no(sharing_messages.SHARE_REFLECT, default=False):
        # Once the sharing is recorded, "who will you share it with" is behind the person.
        ready = GETTING_READY if count else frozenset()
        try:
            return step_guide_within(5, new, GuideRun(intro=False, leave_out=ready))
        except StoppedNothingKept:
            # Nothing of the reflection was kept, but the sharing recorded above was.
            if not count:
                raise
            return interrupted("stepwork step 5", sharing_messages.SHARE_KEPT_REFLECTION_LEFT)
    return 0


GETTING_READY = frozenset({"listener", "hesitation", "therapist", "when"})
"""Step 5's questions for before the sharing (content/steps/step-05.toml)."""

STEP_FLOWS[5] = lambda new: guarded(lambda: _step5(new), "stepwork step 5")


def print_shared() -> bool:
    """What was shared, with whom and when: each sharing with its items, newest first."""
    from rich.text import Text

    from stepwork.cli.inventory import item_label
    from stepwork.store import inventory as store

    shared: dict[tuple[str, str], list[str]] = {}
    values = settings.load()
    for item in store.list_items():
        who = " ".join(item.answers.get("who", "").split())
        name = f"{item_label(item.id)} {section(item.section, values).singular}"
        name += f": {who}" if who else ""
        for share in item.shares:
            shared.setdefault((share.shared_on.isoformat(), share.shared_with), []).append(name)
    if not shared:
        return False
    out = render.console()
    out.print(sharing_messages.SHARED_TITLE, style="bold cyan")
    for (day, whom), names in sorted(shared.items(), reverse=True):
        heading = sharing_messages.shared_with(
            whom, render.local_day(date.fromisoformat(day)), len(names)
        )
        out.print(render.safe(heading, style="bold"))
        out.print(Text("\n".join(f"  {render.visible(n)}" for n in names)))
    out.print()
    return True


STEP_SHOWS[5] = print_shared
