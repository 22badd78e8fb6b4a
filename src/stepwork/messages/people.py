"""Your people and reaching out."""

PEOPLE_TITLE = "Your people"
PEOPLE_EMPTY = (
    "No one in your people yet. Add your sponsor, a friend in recovery, your home group:\n"
    '  stepwork people add "Sam" --role sponsor --reach "555 0134"'
)
PEOPLE_STAR_KEY = "★ someone to call in a hard moment: shown first when things are hard."
PLAIN_HARD_MOMENTS = " (someone to call in a hard moment)"
PERSON_NEEDS_NAME = "Give them a name, as you call them."
NOT_YET = "not yet"
ROLE_NAMES_HOW = "Write it as role=name, comma-separated, with roles from: "


def days_ago(days: int) -> str:
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def bad_role(value: str, roles: list[str]) -> str:
    return f"'{value}' is not a role here. Use one of: {', '.join(roles)}."


def bad_how(value: str) -> str:
    return f"'{value}' is not a way of reaching out here. Use call, text, meeting or coffee."


def no_person(word: str, anyone: bool) -> str:
    if not anyone:
        return (
            f"No one in your people yet to match '{word}'. "
            'Add them first: stepwork people add "NAME" --role sponsor'
        )
    return (
        f"No one in your people matches '{word}'. "
        "See them with: stepwork people (or add someone with: stepwork people add NAME)"
    )


def which_person(word: str, candidates: list[str]) -> str:
    return (
        f"'{word}' could be {len(candidates)} {'person' if len(candidates) == 1 else 'people'}: "
        f"{'; '.join(candidates)}. "
        "Use more of the name, or the ID."
    )


def person_added(name: str, role: str, label: str) -> str:
    return f"Added {name} ({role}) as {label}."


def remove_person_question(name: str, contacts: int) -> str:
    if contacts:
        records = "record" if contacts == 1 else "records"
        return f"Remove {name} from your people? The {contacts} {records} of reaching them go too."
    return f"Remove {name} from your people?"


def person_removed(name: str, contacts: int) -> str:
    if contacts:
        times = "time" if contacts == 1 else "times"
        return f"Removed {name}, and {contacts} logged {times} of reaching them."
    return f"Removed {name}."


def reached_saved(name: str, day: str, how: str | None) -> str:
    way = f" ({how})" if how else ""
    return f"Noted: you reached {name}{way} on {day}. Reaching out is part of the work."


CONNECTED_QUESTION = "Did you connect with anyone today? Choose any from your people."
CONNECTED_HINT = "Meetings you listed count as connection too. Enter to skip."
PLAN_PEOPLE_QUESTION = "Whom from your people would you call in a hard moment?"
PLAN_PEOPLE_HINT = "They are shown first whenever things are hard. Enter keeps it as it is."
PLAN_PEOPLE_NOW = "Now: "
PLAN_OTHERS_QUESTION = "Anyone else you can call, with their numbers? One per line."
PLAN_PEOPLE_ADD_HINT = "Tip: people you add with `stepwork people add` can be chosen here."
PLAN_NETWORK_HEADING = "From your people, for hard moments"
SHARE_FROM_PEOPLE = "From your people: "


def share_pick_hint(count: int) -> str:
    if count == 1:
        return "Type 1 to choose them, or a name."
    return f"Type a number (1-{count}) to choose, or a name."
