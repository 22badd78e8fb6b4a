"""Steps eight and nine: the amends list."""

AMENDS_TITLE = "Amends"
AMENDS_EMPTY = (
    "Your amends list is empty. It fills from inventory items you mark as owing amends, "
    "or add someone with: stepwork amends add NAME"
)
AMENDS_NEEDS_PERSON = 'Say whom the amends is to, for example: stepwork amends add "my sister"'
AMENDS_SET_NOTHING = "Nothing to change: give --status, --kind, --date, --note or --would-injure."
DIRECT_WOULD_INJURE = (
    "Direct amends are not made where they would hurt the person or others; "
    "choose indirect or living amends, or clear the flag with --would-not-injure."
)
WOULD_INJURE_MARK = "(would injure)"
AMENDS_KIND_QUESTION = "What kind of amends fits? Type a number, or Enter to decide later."
STEP8_INTRO = (
    "People come onto this list from inventory items that owe amends; add anyone else here."
)
STEP8_DONE = "Your amends list is saved. See it any time with: stepwork amends"
AMENDS_ADD_WHO = "Anyone else to add? Their name (Enter when the list is complete for now):"
AMENDS_ADD_HARM = "What was the harm?"
NOT_YET_WILLING = "That is honest. Willingness can come later; it stays on the list."
INJURE_QUESTION = "Could making amends directly hurt them or anyone else?"
STEP_REFLECT = "Would you like some questions to reflect on this step?"
STEP9_NOTHING = (
    "No one on your list is marked willing or planned yet. Step eight gets them ready: "
    "stepwork step 8"
)
PLAN_QUESTION = "When do you plan to make it? (YYYY-MM-DD, today, or Enter to leave it for now)"
HOW_DID_IT_GO = "How did it go? (a few words, or Enter)"
AMENDS_MADE = "Recorded as made. Well done for following through."


def bad_amends_status(value: str, known: list[str]) -> str:
    return f"{value!r} is not an amends status. Use one of: {', '.join(known)}"


def bad_amends_kind(value: str, known: list[str]) -> str:
    return f"{value!r} is not a kind of amends. Use one of: {', '.join(known)}"


def amends_added(label: str, person: str) -> str:
    return f"Added {label}: {person}."


def amends_updated(label: str, status: str) -> str:
    return f"Updated {label} (now {status})."


def amends_planned(day: str) -> str:
    return f"Planned for {day}."


def willing_question(person: str) -> str:
    # The name as typed leads, so "My boss" is never capitalised mid-sentence.
    return f"{person}: are you willing, today, to make these amends?"


def made_question(person: str) -> str:
    return f"{person}: have you made these amends?"


STATUS_OPTION = 'not yet willing, willing, planned or made ("not yet willing" in quotes).'
STATUS_OPTION_ONLY = "Only one status: " + STATUS_OPTION


STEP9_NOT_YET = (
    "That is all right: there is no hurry. Willingness comes in its own time, and your list "
    "keeps everyone until then. Come back with stepwork step 9 whenever someone is ready."
)
