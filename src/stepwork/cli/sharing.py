"""`stepwork step 5`: going through the inventory items not yet shared, and recording with whom
and when. Items marked for a therapist are held back unless it is a therapist you share with."""

from stepwork import messages, render, settings
from stepwork.cli.base import guarded
from stepwork.cli.inventory import table_of
from stepwork.cli.steps import STEP_FLOWS, GuideRun, run_step_guide, step_intro
from stepwork.content.inventory import section
from stepwork.prompting import ask_day, ask_yes_no, read_line


def _step5(new: bool) -> int:
    from stepwork.store import inventory as store

    out = render.console()
    step_intro(5, out)
    waiting = [i for i in store.list_items(unshared=True) if i.finished]
    if not waiting:
        out.print(messages.SHARE_NOTHING)
        return 0
    whom = read_line(messages.SHARE_WHO + " ").strip()
    if not whom:
        return 0
    day = ask_day(messages.SHARE_WHEN, allow_future=False, default="today")
    assert day is not None
    with_therapist = whom.lower() in ("therapist", "my therapist", "counsellor", "counselor")
    if not with_therapist:
        held = [i for i in waiting if i.for_therapist]
        if held:
            out.print(messages.share_leaving_out(len(held)), style="dim")
        waiting = [i for i in waiting if not i.for_therapist]
    count = 0
    for item in waiting:
        out.print(table_of([item], section(item.section, settings.load()).label))
        if ask_yes_no(messages.SHARE_THIS, default=True):
            store.share([item.id], whom, day)
            count += 1
    out.print(messages.share_done(count, whom), style="green")
    if ask_yes_no(messages.SHARE_REFLECT, default=False):
        return run_step_guide(5, new, GuideRun(intro=False))
    return 0


STEP_FLOWS[5] = lambda new: guarded(lambda: _step5(new), "stepwork step 5")
