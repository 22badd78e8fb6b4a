"""Steps six and seven: defects and the asking."""

DEFECTS_EMPTY = (
    "No defects yet: they come from the my-part column of resentments and relationships "
    "in your inventory (stepwork step 4)."
)
DEFECTS_TITLE = "Character defects from your inventory"


def defect_ready_question(name: str, count: int) -> str:
    times = "once" if count == 1 else f"{count} times"
    return (
        f"Being {name} shows up {times} in your inventory. How ready are you to let it go, "
        "and what does it still give you?"
    )


def defect_practice_question(name: str, opposite: str) -> str:
    return f"In place of being {name}, how will you practise {opposite} this week?"
