"""The safety line shown at the hardest moments."""

SAFETY_TITLE = "Help, right now"
SAFETY_NOW = (
    "If you might harm yourself or someone else, or you are in danger, call your local "
    "emergency number now, or a crisis line. You do not have to wait until it gets worse."
)
SAFETY_CONTACTS = "People in your plan you can reach right now:"
SAFETY_NO_LINE = (
    "Crisis lines differ by country; stepwork plan --crisis-lines lists a few well-known "
    'ones. Keep your own here with: stepwork config crisis_line "..."'
)
SAFETY_HELP = (
    "In danger, or thinking of harming yourself? Call your local emergency number or a crisis "
    "line now. stepwork plan shows your own people and line (stepwork config crisis_line); "
    "stepwork plan --crisis-lines lists a few by country."
)
SELF_HARM_QUESTION = "Are you having thoughts of harming yourself?"
SELF_HARM_THANKS = "Thank you for telling me. Please reach out now; you do not have to be alone."


def safety_own_line(line: str) -> str:
    return f"Your crisis line: {line}"


FIRST_RUN = (
    "stepwork is a private journal for working a Twelve-Step program, kept on this machine.",
    "It is a personal tool: not therapy, and not affiliated with any fellowship.",
    "In a hard moment, stepwork plan shows your people and a crisis line; "
    "in danger, call your local emergency number.",
)

SAFETY_PEOPLE = "Your people for hard moments:"
