"""`stepwork` on its own: today at a glance, and the one next thing to do."""

from datetime import date

from rich.panel import Panel
from rich.text import Text

from stepwork import render, settings
from stepwork.domain import network, sobriety, stepguide
from stepwork.messages import app as app_messages
from stepwork.messages import daily as daily_messages
from stepwork.messages import sober as sober_messages
from stepwork.messages import steps as steps_messages
from stepwork.parse import dates

EVENING_HOUR = 17


def welcome() -> None:
    from stepwork.store import counters, daily, progress

    today = dates.today()
    summaries = progress.step_summaries()
    open_steps = sorted(
        n for n, s in summaries.items() if s.open_sessions and n not in stepguide.DAILY_FLOWS
    )
    worked = {n for n, s in summaries.items() if s.worked}
    checked_in = daily.has_checkin_on(today)
    reviewed = progress.finished_on(stepguide.flow_name(10), today)

    body = Text()
    body.append(steps_messages.WELCOME_BODY + "\n\n")
    for counter in counters.all_counters():
        span = sobriety.span(counter.started_on, today)
        body.append(f"{render.visible(counter.name)}: ", style="bold")
        word = settings.load()["time_word"]
        body.append(
            sober_messages.counter_span(span.days, span.years, span.months, span.rest_days, word)
        )
        reached = sobriety.reached_today(counter.started_on, today)
        if reached is not None:
            body.append(
                render.visible("  " + sober_messages.milestone_today(counter.name, reached.label)),
                style="green",
            )
        body.append("\n")
    body.append(
        (steps_messages.DASH_CHECKIN_DONE if checked_in else steps_messages.DASH_CHECKIN_TODO)
        + "\n"
    )
    body.append(
        (steps_messages.DASH_REVIEW_DONE if reviewed else steps_messages.DASH_REVIEW_TODO) + "\n"
    )
    if open_steps:
        body.append(steps_messages.dash_in_progress(open_steps) + "\n")
    for line, style in _connection_lines(today):
        body.append(render.visible(line) + "\n", style=style)
    body.append("\n")
    body.append(_next(checked_in, reviewed, open_steps, worked), style="bold")
    body.append("\n" + steps_messages.NEXT_TOUR, style="dim")
    body.append("\n\n" + app_messages.NOT_AFFILIATED, style="dim")
    render.console().print(
        Panel(body, title=steps_messages.WELCOME_TITLE, title_align="left", border_style="cyan")
    )


def _next(checked_in: bool, reviewed: bool, open_steps: list[int], worked: set[int]) -> str:
    """One suggestion: check in first; in the evening, the review; otherwise the step work."""
    if not checked_in:
        return steps_messages.NEXT_CHECKIN
    if not reviewed and dates.now_local().hour >= EVENING_HOUR:
        return steps_messages.NEXT_REVIEW
    return stepguide.suggest_next(open_steps, worked)


def _connection_lines(today: date) -> list[tuple[str, str]]:
    """Days since reaching out, and a gentle word when isolation or cravings build up."""
    from datetime import timedelta

    from stepwork.store import daily, people

    reach = people.reaching()
    if not reach.people and reach.last_meeting is None:
        return []
    last = reach.last_connection
    since = None if last is None else max(0, (today - last).days)
    lines = [(daily_messages.dash_last_reached(since), "")]
    values = settings.load()
    suggestion = _someone_to_call(values)
    isolation = int(values["isolation_days"])
    quiet = since if since is not None else _days_since(reach.network_since, today)
    if isolation and quiet is not None and quiet >= isolation:
        lines.append((daily_messages.nudge_isolation(quiet, suggestion), "yellow"))
    threshold = int(values["craving_threshold"])
    recent = daily.checkins_between(today - timedelta(days=2), today)
    cravings = [(c.local_date, c.craving) for c in recent if c.craving is not None]
    if network.strong_days(cravings, today, threshold) >= 2:
        named = len(lines) > 1  # the isolation line has just named them
        lines.append((daily_messages.nudge_cravings("" if named else suggestion), "yellow"))
    return lines


def _days_since(day: date | None, today: date) -> int | None:
    return None if day is None else max(0, (today - day).days)


def _someone_to_call(values: dict[str, str]) -> str:
    """Whom to suggest: someone marked for hard moments, else the sponsor, else anyone."""
    from stepwork.store import people

    everyone = people.all_people()  # hard-moments people first, then the sponsor
    if not everyone:
        return ""
    p = everyone[0]
    names = network.role_names(values["role_names"])
    reach = f", {' '.join(p.reach.split())}" if p.reach else ""
    return f"{p.name} ({names[p.role]}{reach})"
