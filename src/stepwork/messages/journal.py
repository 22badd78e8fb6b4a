"""The journal-wide commands: log, search, show, edit, delete."""

LOG_EMPTY = "Nothing written yet, or nothing that matches. Begin with: stepwork step 1"
SEARCH_NEEDS_WORDS = "Give a word or two to search for, like: stepwork search resentment"
EDIT_FIELDS_HOW = (
    "Press Enter to keep a field, type a new value to replace it, - to clear it, "
    "or /edit to change it in your editor."
)
NO_EDITOR_FOR_EDIT = "No editor was found. Set one with: stepwork config editor nano (or $EDITOR)."


def bad_kind(value: str, known: list[str]) -> str:
    return f"There is no kind {value!r}. Kinds are: {', '.join(known)}"


def since_after_until(since: str, until: str) -> str:
    return f"--since {since} is after --until {until}; nothing could match."


def no_results(query: str) -> str:
    return f"Nothing found for {query!r}."


def no_record(label: str) -> str:
    return f"There is no record {label!r}. IDs look like i3 or c12, as shown by: stepwork log"


def nothing_to_edit(label: str) -> str:
    return f"{label} has nothing that can be edited."


def editor_document_header(label: str) -> str:
    return (
        f"# Editing {label}. Change the text under each {FIELD_MARK_HINT} line; keep those lines "
        "as they are. Save and close the editor to finish."
    )


FIELD_MARK_HINT = "'#>'"


def editor_unknown_field(key: str) -> str:
    return f"The edited text has a field {key!r} that this record does not have."


def editor_failed_nothing_saved(detail: str) -> str:
    return f"The editor did not finish cleanly ({detail}). Nothing was saved."


def edit_stopped(label: str) -> str:
    return (
        "Stopped. The fields you changed before this are kept; "
        f"stepwork edit {label} starts again at the first field."
    )


def item_updated(label: str) -> str:
    return f"Updated {label}."


def item_deleted(label: str) -> str:
    return f"Deleted {label}."


DELETE_KEPT = "Kept. Nothing was deleted."

DELETE_QUESTION = "Delete it for good?"


def editor_failed_rest_saved(detail: str) -> str:
    return f"The editor did not finish cleanly ({detail}). What was saved before stays saved."


def editor_left_unsaved(saved_any: bool, count: int = 2) -> str:
    those = "That field kept its old value" if count == 1 else "Those fields kept their old values"
    if saved_any:
        return f"{those}; everything else you changed was saved."
    return f"{those}; nothing else had changed."


EDITOR_FIX_HOW = (
    "# The lines above say what could not be saved; fix those fields below (this note and the "
    "lines above go away), then save and close. Everything else is saved already."
)
