"""Every sentence stepwork says to a person, kept together so the tone stays one voice.

Warm, plain, never judging. Errors are one line that says what happened and what to do.
"""

from pathlib import Path

APP_HELP = (
    "stepwork: a private companion for working a Twelve-Step program, in your terminal.\n\n"
    "Guided questions for each step, kept on this machine only. "
    "Not affiliated with any fellowship; not therapy."
)
HELP_FOOTER = "Each command has its own help: stepwork COMMAND --help"
NOT_AFFILIATED = "stepwork is a personal tool, not affiliated with any fellowship, and not therapy."

# --- the safety line ----------------------------------------------------------------------
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

# --- errors -------------------------------------------------------------------------------
BUG = (
    "Something went wrong inside stepwork. This is a bug, not something you did. "
    "Everything you had answered is saved. Run the same command with --debug to see details."
)
DATABASE_BUSY = (
    "The journal is busy in another stepwork window and did not free up in time; "
    "nothing was changed. Please try again."
)
UNKNOWN_STEP = "not a step stepwork knows"
STEP_NUMBER_HINT = "Steps are numbered 1 to 12, for example: stepwork step 4"


def bad_step(value: str) -> str:
    return f"There is no step {value!r}. {STEP_NUMBER_HINT}"


def usage_problem(detail: str, command: str) -> str:
    detail = detail.rstrip()
    ended = detail if detail.endswith(("?", "!", ".")) else detail + "."
    return f"{ended} See: {command} --help"


def database_not_ours(path: Path) -> str:
    return (
        f"{path} is not a stepwork journal, or it is damaged. stepwork has not touched it. "
        "To keep a journal somewhere else, set STEPWORK_HOME to another folder."
    )


def database_too_new(path: Path, found: int, known: int) -> str:
    return (
        f"{path} was written by a newer stepwork (format {found}; this one knows up to {known}). "
        "Nothing was changed; please update stepwork."
    )


def database_unreadable(path: Path, detail: str) -> str:
    return f"Could not open the journal at {path}: {detail}"


def database_unwritable(path: Path, detail: str) -> str:
    return f"Could not write to the journal at {path}: {detail}. Nothing was changed."


def database_read_only(path: Path) -> str:
    return f"The journal at {path} is read-only, so nothing could be saved. Check its permissions."


def journal_is_folder(path: Path) -> str:
    return (
        f"The journal's place, {path}, is a folder, so no journal can be kept there. "
        "Set STEPWORK_HOME to keep the journal in another folder."
    )


def journal_dangling_link(path: Path) -> str:
    return (
        f"The journal's place, {path}, is a link to a file that is not there. "
        "Point it at your journal, or remove the link to start a new one."
    )


def journal_is_link(path: Path, real: Path) -> str:
    return (
        f"Your journal {path} is a link to {real}. stepwork converts only a journal file in "
        f"its own folder: set STEPWORK_HOME to {real.parent}, or put the file itself in place "
        "of the link. Nothing was changed."
    )


def journal_not_a_file(path: Path) -> str:
    return (
        f"The journal's place, {path}, is not a regular file. "
        "Set STEPWORK_HOME to keep the journal in another folder."
    )


def folder_read_only(folder: Path) -> str:
    return (
        f"The folder {folder} is read-only, and stepwork needs to write beside the journal even "
        "to read it. Nothing was changed; check the folder's permissions."
    )


def migration_failed(path: Path, version: int, detail: str, kept: Path | None) -> str:
    copy = f" A copy from before is at {kept}." if kept else ""
    return (
        f"Could not bring {path} up to format {version} ({detail}); "
        f"it was left exactly as it was.{copy}"
    )


UNREADABLE_CHARACTERS = (
    "Some of what you typed was not readable text (not UTF-8); each unreadable character "
    "is kept as \ufffd and everything else as typed."
)


# --- settings -----------------------------------------------------------------------------
SETTING_EMPTY = "it cannot be empty"
SETTING_TOO_LONG = "keep it under 80 characters"
SETTING_ONE_LINE = "keep it on one line"
SETTING_CRAVING_LEVEL = "use a whole number from 0 to 10"
SETTINGS_FILE_HEADER = "# stepwork settings. Change them with: stepwork config KEY VALUE"


SETTINGS_NOT_UTF8 = "it is not UTF-8 text"
SETTING_NOT_TEXT = "it should be a word or a number in quotes"


def settings_not_toml(detail: str) -> str:
    return f"it is not valid TOML ({detail})"


def settings_unreadable(path: Path, detail: str) -> str:
    return (
        f"Could not read your settings in {path}: {detail}. Using the defaults; "
        "change a setting with: stepwork config KEY VALUE"
    )


def _default_shown(default: str) -> str:
    return f'"{default}"' if default else "none"


def setting_in_file_bad(path: Path, key: str, detail: str, default: str) -> str:
    return (
        f"The setting {key} in {path} won't work: {detail}. Using the default "
        f"({_default_shown(default)}); fix it with: stepwork config {key} VALUE (or --unset)"
    )


def setting_unknown_in_file(path: Path, key: str) -> str:
    return f"{path} holds {key!r}, which is not a stepwork setting; it is left out"


def unknown_setting(key: str, known: list[str]) -> str:
    return f"There is no setting {key!r}. Settings are: {', '.join(known)}"


def bad_setting_value(key: str, detail: str) -> str:
    return f"That value for {key} won't work: {detail}."


def setting_saved(key: str, value: str) -> str:
    return f"Saved: {key} = {value!r}"


def setting_reset(key: str, default: str) -> str:
    return f"{key} is back to its default: {default!r}"


SETTINGS_TITLE = "Your settings"
SETTINGS_HOW = (
    "Change one with: stepwork config KEY VALUE   ·   back to default: stepwork config KEY --unset"
    "   ·   the daily questions put away: stepwork config questions"
)

# --- wording ------------------------------------------------------------------------------
WORDING_BUILTIN_NAME = "stepwork's own paraphrases"
WORDING_OWN_NAME = "your own wording"
WORDING_NEEDS_STEPS_TABLE = "it needs a [steps] table"
WORDING_TEMPLATE_HEADER = (
    "# Your fellowship's exact wording of the steps, shown instead of stepwork's paraphrases.\n"
    "# Uncomment a line and put the step's text between the quotes. Steps you leave out keep\n"
    "# the paraphrase. This file stays on your machine."
)


def wording_bad_entry(key: str) -> str:
    return f"{key!r} in [steps] should be a step number from 1 to 12 with text in quotes"


def wording_unreadable(path: Path, detail: str) -> str:
    return f"Could not read the wording file {path}: {detail}"


def wording_source(name: str, path: Path | None) -> str:
    return f"Showing {name}" + (f", from {path}" if path else "") + "."


def wording_override_hint(path: Path) -> str:
    return (
        f"To show your fellowship's exact wording, put it in {path} "
        "(stepwork wording --template prints a file to start from)."
    )


# --- guided sessions ----------------------------------------------------------------------
HOW_TO_ANSWER = (
    "Type your answer; it can run over several lines. Press Enter on an empty line when you "
    "are done. Enter on its own skips a question. /edit opens your editor, /pause stops here "
    "for now, /help shows this again."
)
ANSWER_PROMPT = "\u203a "  # a single right-pointing angle quote
CONTINUE_PROMPT = "  "
SKIPPED = "Skipped. Take what you can use and leave the rest."
KEPT_DRAFT_INTRO = "You had started this answer:"
KEPT_DRAFT_HOW = "Keep typing to add to it, or press Enter on an empty line to keep it as it is."
EDITOR_SAVED = "Saved from your editor."
EDITOR_EMPTY = "The editor came back empty, so nothing changed here."
NO_EDITOR = (
    "No editor was found. Set one with: stepwork config editor nano "
    "(or set $EDITOR). You can keep typing here."
)
YES_NO_HINT = "Please answer y or n."


def number_hint(low: int, high: int) -> str:
    return f"Please type a whole number from {low} to {high}."


SINGLE_ANSWER_HOW = "Enter on its own skips this one. /pause stops here for now."


def bad_choice(token: str, count: int) -> str:
    return (
        f"{token!r} is not one of the choices. Type numbers from 1 to {count} "
        "(like 1,3) or the names, separated by commas."
    )


def editor_failed(detail: str) -> str:
    return f"The editor did not finish cleanly ({detail}); your answer so far is kept. Keep typing."


def question_counter(position: int, total: int) -> str:
    return f"Question {position} of {total}"


def resume_offer(what: str, started: str, answered: int, total: int) -> str:
    return f"You started {what} on {started} and have answered {answered} of {total} questions."


RESUME_QUESTION = "Pick up where you left off?"


def resumed_old_set_aside(step: int) -> str:
    return (
        f"Starting step {step} fresh. Your earlier session is kept; "
        f"read it with: stepwork step {step} --show"
    )


def step_finished(step: int) -> str:
    return (
        f"That is step {step} for now. Everything you wrote is saved on this machine. "
        f"Read it back any time with: stepwork step {step} --show"
    )


def step_paused(step: int) -> str:
    return paused(f"stepwork step {step}")


def paused(command: str) -> str:
    return f"Paused. Everything so far is saved. Pick up where you left off with: {command}"


def step_never_worked(step: int) -> str:
    return f"You haven't worked step {step} yet. Begin whenever you're ready: stepwork step {step}"


SESSION_OPEN = "in progress"
SESSION_FINISHED = "finished"
ANSWER_SKIPPED = "(skipped)"
ANSWER_UNFINISHED = "(unfinished)"

# --- steps table and welcome --------------------------------------------------------------
STATUS_NOT_STARTED = "not started"
STATUS_IN_PROGRESS = "in progress"
STATUS_WORKED = "worked"
STEPS_TITLE = "The twelve steps"
RECORD_WORDS = {5: "shared", 8: "on the list", 9: "planned or made"}


STATUS_LIST_READY = "list ready"
"""Step 8 before it is worked: people listed from the inventory as owed amends."""


def step_work(step: int, sessions: int, records: int, items: int = 0, listed: int = 0) -> str:
    """What has been done on a step: '2 sessions', '5 items', '4 on the list', or more."""
    parts = [plural(items, "item")] if items else []
    if sessions:
        parts.append(plural(sessions, "session"))
    if listed and step == 8:
        parts.append(f"{listed} {RECORD_WORDS[8]}")
    elif records:
        parts.append(f"{records} {RECORD_WORDS.get(step, 'kept')}")
    return " · ".join(parts)


WELCOME_TITLE = "stepwork"
WELCOME_BODY = (
    "A private place for your step work. Everything you write stays on this machine, "
    "and every question can be skipped."
)


def next_resume(step: int) -> str:
    return f"Pick up step {step} where you left off:  stepwork step {step}"


def next_begin(step: int) -> str:
    if step == 1:
        return "Begin at the beginning:  stepwork step 1"
    return f"Next, when you're ready:  stepwork step {step}"


NEXT_ALL_WORKED = (
    "You have worked all twelve steps. Keep going with a nightly look back:  stepwork step 10"
)
NEXT_TOUR = "See every step and where you are:  stepwork steps   ·   all commands:  stepwork --help"

# --- paths --------------------------------------------------------------------------------
PATHS_TITLE = "Where stepwork keeps things"
PATHS_HOME_SET = "STEPWORK_HOME is set, so everything lives under it."


# --- dates and ids ------------------------------------------------------------------------
def bad_date(value: str) -> str:
    return f"{value!r} is not a date stepwork understands. Use YYYY-MM-DD, today or yesterday."


def too_early_date(value: str, earliest: str) -> str:
    return f"{value} is too long ago: stepwork keeps days from {earliest} on"


def future_date(value: str) -> str:
    return f"{value} is in the future. Use today or an earlier day."


def bad_id(value: str, what: str, example: str) -> str:
    return f"{value!r} is not {what} ID. IDs look like {example} (as shown in the lists)."


def no_such(what: str, label: str) -> str:
    return f"There is no {what} {label}. The list shows the IDs that exist."


# --- inventory ----------------------------------------------------------------------------
NO_PART_COLUMN = "no part: harmed (for a therapist)"
INVENTORY_EMPTY = "Your inventory is empty for now. Begin it with: stepwork step 4"
COLUMN_EMPTY = "(nothing written)"
NO_PART_PAUSE = "Would you like to stop here for now? Everything is saved."
SECTION_PROMPT = "Which part of the inventory? Type a number, or press Enter to stop for now."
SECTION_REFLECT = "Look back over it all (questions about patterns and strengths)"
STEP4_DONE = "That is enough for now. Everything is saved. See it with: stepwork inventory list"
NOTHING_WRITTEN = "Nothing was written for this one, so nothing was kept."
MARK_THERAPIST = "for a therapist"
MARK_SPONSOR = "for a sponsor"
MARK_AMENDS = "owes amends"
MARK_UNFINISHED = "unfinished"
DELETE_QUESTION = "Delete it for good?"
DELETE_KEPT = "Kept. Nothing was deleted."


def shared_mark(whom: str) -> str:
    return f"shared with {whom}"


SHARE_NEEDS_WHOM = "Say whom you shared with: --with sponsor, --with therapist, or a name."


def item_paused() -> str:
    return "Paused. Pick this item up again with: stepwork step 4"


def no_amends_column(label: str) -> str:
    return f"{label} do not have an amends column; resentments, relationships and harms do."


def bad_section(value: str, known: list[str]) -> str:
    return f"There is no inventory section {value!r}. Sections are: {', '.join(known)}"


def item_saved(label: str) -> str:
    return f"Saved as {label}."


def another(singular: str) -> str:
    return f"Add another {singular}?"


def resume_item(singular: str, about: str, answered: int, total: int) -> str:
    subject = f" ({about})" if about else ""
    return f"You were partway through a {singular}{subject}: {answered} of {total} answered."


STOPPED_NOTHING_CHANGED = "Stopped. Nothing was changed."
STOPPED_KEPT = "Stopped. What was done before this is kept."


def interrupted(command: str) -> str:
    return f"Stopped. Every answer you gave is saved. Pick up where you left off with: {command}"


def item_deleted(label: str) -> str:
    return f"Deleted {label}."


def item_updated(label: str) -> str:
    return f"Updated {label}."


def shared_recorded(count: int, whom: str, day: str) -> str:
    noun = "item" if count == 1 else "items"
    return f"Recorded: {count} {noun} shared with {whom} on {day}."


# --- step five ----------------------------------------------------------------------------
SHARE_NOTHING = "Nothing in your inventory is waiting to be shared. Add to it with: stepwork step 4"
SHARE_WHO = "Whom are you sharing with? (sponsor, therapist, or a name; Enter to stop)"
SHARE_WHEN = "When? (today, yesterday or YYYY-MM-DD; Enter for today)"
SHARE_THIS = "Shared this one?"
SHARE_REFLECT = "Would you like a few questions to reflect on sharing it?"


def share_leaving_out(count: int) -> str:
    noun, comes = ("item is", "it comes") if count == 1 else ("items are", "they come")
    return (
        f"{count} {noun} marked for a therapist and left out here; "
        f"{comes} up when you share with a therapist."
    )


def share_done(count: int, whom: str) -> str:
    if not count:
        return "Nothing was recorded this time, and that is fine."
    noun = "item" if count == 1 else "items"
    return f"{count} {noun} recorded as shared with {whom}. That took courage."


# --- defects (steps six and seven) --------------------------------------------------------
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


# --- amends (steps eight and nine) --------------------------------------------------------
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


# --- daily practice -----------------------------------------------------------------------
def rating_out_of_range(name: str, value: int, low: int, high: int) -> str:
    return (
        f"{name.capitalize()} goes from {low} to {high}; {value} is outside that. "
        "Nothing was saved."
    )


def bad_halt(word: str) -> str:
    return f"{word!r} is not one of hungry, angry, lonely, tired. Nothing was saved."


def trigger_needs_kind(value: str) -> str:
    return (
        f"{value!r} is not a trigger stepwork understands. Write person:, place: or thing: and "
        "a word or two, like place: the old bar."
    )


def bad_trigger(value: str) -> str:
    return trigger_needs_kind(value) + " Nothing was saved."


CHECKIN_SAVED = "Check-in saved."


def checkin_stopped_earlier(done: int, total: int) -> str:
    return f"You stopped a check-in earlier today after {done} of {total} questions."


CHECKIN_NOTHING = "Nothing was entered, so no check-in was saved."
CHECKIN_INTRO = "A quick check-in. Skip anything you like with Enter."
PLAN_HIGH_CRAVING = (
    "That craving is strong. It will pass. Here is the plan you wrote for moments like this:"
)
PLAN_HIGH_CRAVING_NO_PLAN = (
    "That craving is strong, and it will pass. Reaching out to someone can help right now. "
    "When you have a quiet moment, write a plan for times like this: stepwork plan"
)
PLAN_TITLE = "My coping plan"
PLAN_NONE = "You have not written a coping plan yet. Write one with: stepwork plan --edit"
PLAN_INTRO = (
    "Your own plan for hard moments, in your words. It is shown after any check-in with a high "
    "craving. Enter skips a part; what you wrote before is kept unless you change it."
)
PLAN_WRITE_NOW = "Write it now?"
PLAN_SAYS = "Your plan says:"
GRATITUDE_NEEDS_TEXT = 'Say what you are grateful for, for example: stepwork gratitude "my sponsor"'
CHART_KEY = "Oldest on the left; · marks days with no check-in."


def chart_title(label: str, average: str, low: int, high: int) -> str:
    return f"{label.capitalize()} ({low}-{high}), average {average}"


PLAN_SAVED = "Your plan is saved. See it any time with: stepwork plan"
REVIEW_DONE = "That is today's review. Rest well; tomorrow is a new day."
MORNING_DONE = "Your morning is set. Take it one day at a time."
GRATITUDE_EMPTY = 'No gratitude written yet. Add one with: stepwork gratitude "..."'
GRATITUDE_TITLE = "Recent gratitude"
SERVICE_TITLE = "Service and carrying the message"
CARRIED = "carried"
SERVICE_EMPTY = 'No service logged yet. Log some with: stepwork service "made the coffee"'
SERVICE_WHAT = "What service did you do, or whom did you reach out to?"
SERVICE_MESSAGE = "Was it carrying the message to someone still struggling?"
SERVICE_NOTE = "Anything you want to remember about it? (Enter to skip)"
SERVICE_NEEDS_WHAT = 'Say what the service was, for example: stepwork service "made the coffee"'


def gratitude_saved(day: str) -> str:
    return f"Gratitude kept for {day}."


def service_saved(day: str) -> str:
    return f"Service logged for {day}. Thank you for showing up."


# --- sobriety counters --------------------------------------------------------------------
SOBER_EMPTY = "No counters yet. Start one with: stepwork sober start alcohol --date YYYY-MM-DD"


def time_title(word: str) -> str:
    return f"{word[:1].upper()}{word[1:]} time"


def counter_exists(name: str) -> str:
    return (
        f"There is already a counter called {name!r}. To count again from a new day, use: "
        f"stepwork sober reset {name}"
    )


def deleted_counter_exists(name: str) -> str:
    return (
        f"A counter called {name!r} was deleted and is kept in your history. Bring it back with: "
        f"stepwork sober undo {name}, or choose another name."
    )


def no_counter(name: str) -> str:
    return f"There is no counter called {name!r}. See them all with: stepwork sober"


def counter_started(name: str, day: str) -> str:
    return f"Counting {name} from {day}."


def reset_question(name: str, day: str, kept_days: int) -> str:
    return (
        f"Count {name} again from {day}? The {plural(kept_days, 'day')} so far stay in "
        "your history."
    )


def counter_reset(name: str, day: str, kept_days: int, backup: Path) -> str:
    if kept_days == 0:
        kept = f"The earlier start is kept in your history (stepwork sober history {name}). "
    else:
        days = plural(kept_days, "day")
        were, count = ("is", "it still counts") if kept_days == 1 else ("are", "they still count")
        kept = (
            f"The {days} before {were} kept in your history; {count} for something. "
            f"See them with: stepwork sober history {name}. "
        )
    return (
        f"Counting {name} again from {day}. {kept}A copy of your journal from just before is "
        f"at {backup}. If this was a mistake: stepwork sober undo {name}"
    )


def reset_before_start(name: str, day: str, start: str) -> str:
    return (
        f"{day} is before this counter's start ({start}), so it cannot be a new start. "
        f"To correct the first day instead: stepwork sober set {name} --date {day}. "
        "Nothing was changed."
    )


def counter_set(name: str, day: str) -> str:
    return f"{name} now counts from {day}. To go back: stepwork sober undo {name}"


def counter_renamed(old: str, new: str) -> str:
    return f"{old} is now called {new}. To go back: stepwork sober undo {new}"


def delete_counter_question(name: str) -> str:
    return f"Delete the counter {name}? It stays in your history and in exports."


def counter_deleted(name: str) -> str:
    return (
        f"Deleted the counter {name}. It is kept in your history and exports; "
        f"bring it back with: stepwork sober undo {name}"
    )


def nothing_to_undo(name: str) -> str:
    # True both for a counter never changed and for one whose every change is undone.
    return f"Nothing left to undo for {name}: no reset or change of it is waiting to be undone."


def undone(name: str, what: str, day: str) -> str:
    return f"Undone ({what}): {name} counts from {day}, as it did before."


CHANGE_WORDS = {
    "reset": "counted again",
    "set": "start corrected",
    "rename": "renamed",
    "delete": "deleted",
}
CHANGES_TITLE = "Changes"
DELETED_MARK = "(deleted)"


def change_line(day: str, kind: str, previous_start: str, previous_name: str) -> str:
    what = CHANGE_WORDS[kind]
    if kind == "rename":
        return f"{day}  {what}; was called {previous_name}"
    if kind == "delete":
        return f"{day}  {what}"
    return f"{day}  {what}; counted from {previous_start} before"


def milestone_today(name: str, label: str) -> str:
    return f"Today marks {label} for {name}. That is worth marking."


def next_milestone(label: str, day: str, days_to_go: int) -> str:
    unit = "day" if days_to_go == 1 else "days"
    return f"next: {label} on {day} (in {days_to_go} {unit})"


def counter_span(days: int, years: int, months: int, rest: int, word: str) -> str:
    parts = []
    for number, unit in ((years, "year"), (months, "month"), (rest, "day")):
        if number:
            parts.append(f"{number} {unit}{'' if number == 1 else 's'}")
    calendar_text = ", ".join(parts) if parts else "starting today"
    day_word = "day" if days == 1 else "days"
    return f"{days} {day_word} {word} ({calendar_text})"


def counter_starts_ahead(day: str) -> str:
    return (
        f"It starts on {day}, a day that has not begun here yet (it was set in a time zone "
        "ahead of this one), so it counts from today."
    )


HISTORY_EMPTY = "No earlier runs: this counter has been going since it started."
HISTORY_TITLE = "Earlier runs"
EMPTY_NAME = "Give the counter a name, like alcohol or gambling."

# --- stats --------------------------------------------------------------------------------
STATS_EMPTY = "No check-ins in this period yet. A first one takes thirty seconds: stepwork checkin"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def stats_title(first: str, last: str) -> str:
    return f"Check-ins from {first} to {last}"


def streaks(current: int, longest: int, checkins: int, days: int) -> str:
    day_word = "day" if current == 1 else "days"
    return (
        f"Check-in streak: {current} {day_word} (longest in this period: {longest}). "
        f"{plural(checkins, 'check-in')} on {plural(days, 'day')}."
    )


def not_a_whole_number(option: str, value: str) -> str:
    return f"{option} takes a whole number, not {value!r}."


def number_out_of_range(option: str, value: str, low: int, high: int) -> str:
    shown = value if len(value) <= 24 else value[:20] + "\u2026"
    if low <= -(2**63 - 1):
        return f"{option} takes a whole number, and {shown} is far too large."
    if high >= 2**63 - 1:
        return f"{option} takes a whole number from {low} up, not {shown}."
    return f"{option} takes a whole number from {low} to {high}, not {shown}."


def bad_days(value: int) -> str:
    return f"--days must be between 1 and 3650, not {value}."


# --- dashboard ----------------------------------------------------------------------------
DASH_CHECKIN_DONE = "Today's check-in: done"
DASH_CHECKIN_TODO = "Today's check-in: not yet"
DASH_REVIEW_DONE = "Tonight's review: done"
DASH_REVIEW_TODO = "Tonight's review: not yet"
NEXT_CHECKIN = "A thirty-second check-in:  stepwork checkin"
NEXT_REVIEW = "Look back on the day:  stepwork review"


def listing(items: list[str]) -> str:
    """'4', '4 and 5', '4, 5 and 7'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def dash_in_progress(steps: list[int]) -> str:
    noun = "step" if len(steps) == 1 else "steps"
    return f"Step work in progress: {noun} {listing([str(n) for n in steps])}"


# --- log, search, show, edit, delete ------------------------------------------------------
LOG_EMPTY = "Nothing written yet, or nothing that matches. Begin with: stepwork step 1"
SEARCH_NEEDS_WORDS = "Give a word or two to search for, like: stepwork search resentment"
NOTHING_CHANGED = "Nothing changed."
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


# --- export, import, backup ---------------------------------------------------------------
def import_unreadable(path: Path, detail: str) -> str:
    return f"Could not read {path}: {detail}. Nothing was changed."


def import_not_utf8(path: Path) -> str:
    return (
        f"{path} is not UTF-8 text, so it cannot be a stepwork or jrnl export. Nothing was changed."
    )


def import_not_json(path: Path, line: int, column: int, detail: str) -> str:
    return (
        f"{path} is not valid JSON (line {line}, column {column}: {detail}). Nothing was changed."
    )


def import_bad_file(path: Path, detail: str) -> str:
    return f"{path} cannot be imported: {detail}. Nothing was changed."


def import_not_stepwork(path: Path) -> str:
    return (
        f"{path} is not a stepwork export. For a jrnl export, use: stepwork import --from jrnl "
        f"{path}. Nothing was changed."
    )


def import_too_new(path: Path, found: int, known: int) -> str:
    return (
        f"{path} was written by a newer stepwork (format {found}; this one reads up to {known}). "
        "Nothing was changed; please update stepwork."
    )


def import_summary(
    added: int, updated: int, unchanged: int, dry_run: bool, deleted: int = 0
) -> str:
    verb = "Would add" if dry_run else "Added"
    tail = " Nothing was changed (dry run)." if dry_run else ""
    updated_verb = "would update" if dry_run else "updated"
    removed = ""
    if deleted:
        removed = f", {'would delete' if dry_run else 'deleted'} {deleted} (deleted elsewhere)"
    return f"{verb} {added}, {updated_verb} {updated}, unchanged {unchanged}{removed}.{tail}"


def exported_to(path: Path) -> str:
    return f"Exported to {path}."


def vault_written(total: int, written: int, removed: int, left: int, path: Path) -> str:
    changes = f"{written} written or updated"
    if removed:
        changes += f", {removed} removed"
    if left:
        changes += f", {left} left alone"
    noun = "file" if total == 1 else "files"
    return f"{path} holds {total} {noun} from your journal ({changes})."


def vault_stopped(path: Path) -> str:
    return (
        f"Stopped. {path} may be partly updated (no file you changed was touched); "
        "export again to bring it in step."
    )


VAULT_TAKE_BACK = (
    "stepwork never overwrites or removes a file you changed or put in its place. To have "
    "stepwork's copy again, rename yours (to keep it) or delete it, then export again."
)


EXPORT_JSON_NO_FILTERS = (
    "The JSON export always holds the whole journal, so it can be imported losslessly; "
    "--kind, --step, --since, --until and --for work with markdown."
)
TRENDS_NEED_FOR = (
    "--with-trends adds your recent check-ins to a markdown packet for someone: "
    "use it with --for therapist (or sponsor, or a name)."
)


def shell_word(text: str) -> str:
    """`text` as one word a shell reads back exactly, on one line ($'…' where it holds
    line breaks or other controls)."""
    if text.isprintable():
        import shlex  # here, not at the top: `stepwork status` loads this file on every prompt

        return shlex.quote(text)
    escaped = "".join(
        {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t"}.get(c)
        or (c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}")
        for c in text
    )
    return f"$'{escaped}'"


def nothing_for(whom: str) -> str:
    role = whom.lower()
    if role in ("therapist", "sponsor"):
        how = f"mark an item with: stepwork inventory edit ID --for-{role}"
    else:
        how = f"record sharing an item with: stepwork inventory share ID --with {shell_word(whom)}"
    return f"Nothing is marked for or shared with {whom!r} yet, so nothing to export; {how}"


LIST_OPTIONS_ONLY = (
    "--section, --for-therapist, --json and --no-pager choose how `stepwork inventory` lists; "
    "give them after `inventory` or after `inventory list`."
)
VAULT_IS_MARKDOWN = "A vault is markdown files; --format html writes one page (drop --vault)."
PACKET_FOOT = (
    "Written with stepwork, a personal tool for working the steps. It is not therapy, and not a "
    "substitute for a sponsor, a therapist or a meeting. Not affiliated with any fellowship."
)
VAULT_NEEDS_DIR = "--vault writes one file per record: give a folder with --output DIR."


def unknown_format(value: str) -> str:
    return f"There is no export format {value!r}. Use markdown, json or html."


def unknown_source(value: str) -> str:
    return f"stepwork can import its own JSON or jrnl's (--from jrnl), not {value!r}."


def output_exists(path: Path) -> str:
    return f"{path} already exists. Choose another name, or add --force to replace it."


def output_not_dir(path: Path) -> str:
    return f"{path} is not a folder. --vault needs a folder to write into."


def backup_written(path: Path) -> str:
    return f"Backup written to {path} (readable only by you)."


def restore_done(path: Path, kept: Path) -> str:
    return f"Restored from {path}. The journal as it was before is kept at {kept}."


def output_is_journal(path: Path) -> str:
    return f"{path} is your journal or one of the files that keep it. Nothing was written."


def output_is_keyfile(path: Path) -> str:
    return f"{path} is the key file of an encrypted journal or backup. Nothing was written."


def output_in_home(path: Path, home: Path) -> str:
    return (
        f"{path} is inside stepwork's own folder ({home}). Choose a place outside it. "
        "Nothing was written."
    )


def output_dangling(path: Path) -> str:
    return f"{path} is a link to something that is not there. Nothing was written."


def output_is_folder(path: Path) -> str:
    return f"{path} is a folder. Give a file name. Nothing was written."


def output_not_regular(path: Path) -> str:
    return f"{path} is not a regular file, and stepwork will not replace it. Nothing was written."


def output_no_reader(path: Path) -> str:
    return f"Nothing is reading from {path}, so there is nowhere to write. Nothing was written."


# Why a vault export left a file as it is.
LEFT_CHANGED = "changed by you"
LEFT_NOT_OURS = "not a file stepwork wrote"
LEFT_NOT_A_FILE = "a link or something other than a file"


def left_alone(path: Path, why: str) -> str:
    return f"Left alone: {path} ({why})."


def disk_full(folder: Path) -> str:
    return f"The disk holding {folder} is full. Nothing was changed; free some space and try again."


def backup_key_beside(path: Path) -> str:
    return (
        f"Its key file is beside it: {path}. Keep the two together; with your passphrase they "
        "restore anywhere."
    )


def restore_needs_keyfile(path: Path, keyfile: Path) -> str:
    return (
        f"{path} is encrypted and its key file is not beside it. Put the key file that was beside "
        f"the journal when the backup was made next to it, named {keyfile.name}, and try again. "
        "Nothing was changed."
    )


RESTORED_WITH_BACKUP_PASSPHRASE = (
    "The journal is now encrypted as the backup was: it opens with the backup's passphrase."
)


def restore_not_found(path: Path) -> str:
    return f"There is no file at {path}. Nothing was changed."


BACKUP_NOT_STDOUT = "A backup is a database file: give a file or a folder, not -."


def restore_not_journal(path: Path) -> str:
    return f"{path} is not a stepwork journal (or it is damaged). Nothing was changed."


RESTORE_QUESTION = "Replace your journal with this backup? (Your current one is kept as a copy.)"
RESTORE_KEPT = "Nothing was changed."


JRNL_EXPORT_HOW = "jrnl can write one for stepwork: jrnl --format json > journal.json"


def jrnl_encrypted(path: Path) -> str:
    return (
        f"{path} looks like an encrypted jrnl journal, which stepwork cannot read. "
        f"{JRNL_EXPORT_HOW} (it asks for its password), then: "
        "stepwork import journal.json --from jrnl. Nothing was changed."
    )


def jrnl_no_entries(path: Path) -> str:
    return (
        f"{path} has no jrnl entries: none begins with a time in brackets, like "
        "[2024-03-01 19:30]. If jrnl's timeformat is another, give it with --time-format, or "
        f"export from jrnl instead: {JRNL_EXPORT_HOW}. Nothing was changed."
    )


def jrnl_text_before_first_entry(path: Path) -> str:
    return (
        f"{path} has text before its first entry, which jrnl would not show. Move it into an "
        f"entry, or export from jrnl: {JRNL_EXPORT_HOW}. Nothing was changed."
    )


def import_looks_like_jrnl(path: Path) -> str:
    return (
        f"{path} looks like a jrnl journal. Import it with: "
        f"stepwork import {path} --from jrnl. Nothing was changed."
    )


def import_not_jrnl(path: Path) -> str:
    return (
        f"{path} does not look like a jrnl JSON export (no list of entries). Nothing was changed."
    )


# --- encryption ---------------------------------------------------------------------------
ENCRYPTION_NOT_INSTALLED = (
    "Encryption needs the optional extra: pip install 'stepwork[encryption]' "
    "(it brings sqlcipher3 and argon2-cffi)."
)
WRONG_PASSPHRASE = "wrong passphrase"
WRONG_BACKUP_PASSPHRASE = (
    "wrong passphrase for this backup: it opens with the passphrase it was made under "
    "(STEPWORK_BACKUP_PASSPHRASE gives it without a prompt). Nothing was changed."
)


def journal_key_missing(path: Path, keyfile: Path) -> str:
    return (
        f"{path} is encrypted, but its key file {keyfile} is missing. Put the key file back "
        "(a backup's key file holds the same key until the passphrase is changed), or restore "
        "a backup. Nothing was changed."
    )


def plain_backups_notice(count: int) -> str:
    noun = "backup is" if count == 1 else "backups are"
    return (
        f"{count} {noun} still in the clear beside your encrypted journal. "
        "stepwork encrypt encrypts them."
    )


EMPTY_PASSPHRASE = "The passphrase cannot be empty."
PASSPHRASE_NEEDS_TERMINAL = (
    "This journal is encrypted. Run stepwork in a terminal to type the passphrase, "
    "or set STEPWORK_PASSPHRASE."
)
PASSPHRASE_PROMPT = "Passphrase: "
CURRENT_PASSPHRASE_PROMPT = "Current passphrase: "
BACKUP_PASSPHRASE_PROMPT = "Passphrase the backup was made under: "
NEW_PASSPHRASE_PROMPT = "New passphrase: "
PASSPHRASE_AGAIN = "Repeat it: "
PASSPHRASES_DIFFER_AGAIN = "The two were not the same. Once more."
PASSPHRASE_NOT_SET = "No passphrase was set. Nothing was changed."
WRONG_PASSPHRASE_AGAIN = "That is not it. Try again."
PASSPHRASE_NOT_TEXT = (
    "The passphrase holds bytes that are not text (UTF-8), so it cannot be used. "
    "Check the terminal's or the variable's encoding. Nothing was changed."
)
SHORT_PASSPHRASE_QUESTION = "Use it anyway?"
SHORT_PASSPHRASE_NOTE = (
    "Note: the passphrase is shorter than 8 characters, so it is easier to guess."
)
JOURNAL_CONVERTING = "stepwork is converting your journal; try again in a moment."
JOURNAL_IN_USE = (
    "Another stepwork is using your journal (perhaps in another window). "
    "Finish or close it, then try again. Nothing was changed."
)
RECOVERED_NEW = (
    "stepwork was stopped while converting your journal; the converted journal is in place."
)
RECOVERED_KEPT_OLD = (
    "stepwork was stopped while converting your journal; your journal is as it was before, "
    "with every entry. Run the command again to finish."
)
RECOVERED_TIDIED = (
    "stepwork was stopped just after converting your journal; the conversion is now complete."
)
ALREADY_ENCRYPTED = (
    "The journal is already encrypted. To change the passphrase: stepwork passphrase"
)
NOT_ENCRYPTED = "The journal is not encrypted, so there is nothing to decrypt."


def plain_copy_written(path: Path) -> str:
    return (
        f"A plain copy of your journal is at {path} (readable only by you); the journal itself "
        "is still encrypted. Anyone who can read that file can read every entry: delete it "
        "when you are done."
    )


NOT_ENCRYPTED_PASSPHRASE = "The journal is not encrypted. Encrypt it with: stepwork encrypt"
ENCRYPT_WARNING = (
    "Your journal will be encrypted under a passphrase. Without it, nobody can read the journal: "
    "not you, not anyone. Write it down somewhere safe."
)


def encrypted_done(count: int, home: Path) -> str:
    extra = f" and {plural(count - 1, 'backup')}" if count > 1 else ""
    return (
        f"Encrypted the journal{extra}. Nothing in the clear is left in {home}. "
        "From now on stepwork asks for the passphrase."
    )


def backups_encrypted(count: int) -> str:
    return f"Encrypted {plural(count, 'backup')} that were still in the clear."


def _kept_encrypted(left_alone: int) -> str:
    if not left_alone:
        return ""
    return (
        f" {plural(left_alone, 'backup')} made under another passphrase kept "
        "it, with its own key file."
    )


def decrypted_done(count: int, left_alone: int = 0) -> str:
    extra = f" and {plural(count - 1, 'backup')}" if count > 1 else ""
    return (
        f"Decrypted the journal{extra}. It is no longer protected by a passphrase."
        + _kept_encrypted(left_alone)
    )


def passphrase_changed(left_alone: int = 0) -> str:
    return (
        "Passphrase changed, and the journal and its backups re-encrypted under a new key: "
        "old key files and the old passphrase open nothing written from now on."
        + _kept_encrypted(left_alone)
    )


def keyfile_damaged(path: Path) -> str:
    return f"The key file {path} is damaged, so the journal cannot be opened. Nothing was changed."


def journal_tampered(path: Path) -> str:
    return (
        f"{path} could not be read with the right key: it is damaged or was changed from outside "
        "stepwork. Nothing was changed; restore a backup."
    )


def conversion_failed(path: Path) -> str:
    return f"The converted copy of {path} did not check out, so the original was kept unchanged."


DECRYPT_QUESTION = "Store your journal without encryption from now on?"


# --- doctor -------------------------------------------------------------------------------
DOCTOR_TITLE = "stepwork doctor"
DOCTOR_CLEAN = "All is well."
MODES_OK = "The data folder is 0700 and every file in it 0600: readable only by you."
NO_JOURNAL_YET = "No journal yet; it is created the first time you write something."
ENCRYPTED_OK = "The journal is encrypted (SQLCipher)."
NOT_ENCRYPTED_NOTE = (
    "The journal is not encrypted. To protect it with a passphrase: stepwork encrypt"
)
INTEGRITY_OK = "SQLite's integrity check passed."
NO_FTS5 = "This Python's SQLite has no FTS5; search uses a slower plain match."
SEARCH_INDEX_LATER = "The search index is built the next time the journal is opened."
SEARCH_OK = "Full-text search (FTS5) is ready."


def doctor_problems(count: int) -> str:
    return f"Found {plural(count, 'problem')}; each line above says what to do."


def loose_dir(path: Path, mode: int) -> str:
    return f"{path} is {mode:o}, so others may look inside. Fix: chmod 700 {path}"


def loose_file(path: Path, mode: int) -> str:
    return f"{path} is {mode:o}, so others may read it. Fix: chmod 600 {path}"


def plain_backups(count: int) -> str:
    verb = "is" if count == 1 else "are"
    return (
        f"{plural(count, 'backup')} in the backups folder {verb} not encrypted. "
        "Fix: stepwork encrypt (it encrypts them with the journal's key)"
    )


def backups_without_keyfile(count: int) -> str:
    return (
        f"{plural(count, 'backup')} made by an earlier stepwork open only with the journal's key "
        "file. Fix: stepwork passphrase (it gives each backup a key file of its own)"
    )


def schema_behind(found: int, latest: int) -> str:
    return f"Format {found}; it is upgraded to {latest} (with a copy kept) the next time it opens."


def schema_current(version: int) -> str:
    return f"Format {version}, the newest this stepwork knows."


def integrity_failed(detail: str) -> str:
    return f"SQLite's integrity check failed ({detail}). Fix: stepwork restore a recent backup."


def low_disk(megabytes: int) -> str:
    return f"Only {megabytes} MB free. Fix: free some space so saving never fails."


def disk_ok(megabytes: int) -> str:
    return f"{megabytes:,} MB free."


# --- limits and the file system -----------------------------------------------------------
def cannot_create_folder(path: Path, detail: str) -> str:
    return f"Could not create the folder {path}: {detail}. Nothing was saved."


def cannot_write_file(path: Path, detail: str) -> str:
    return f"Could not write {path}: {detail}. Nothing was changed."


def too_long(what: str, limit: int) -> str:
    return (
        f"That {what} is longer than stepwork keeps in one piece ({limit:,} characters). "
        "Nothing was saved; split it up, or keep the long text in a file of your own."
    )


def empty_value(what: str) -> str:
    return f"The {what} is empty. Give it a word or two, or leave the option out."


LINE_TOO_LONG = (
    "That answer has grown longer than stepwork keeps in one piece; this line was not added."
)


# --- your people and reaching out ---------------------------------------------------------
PEOPLE_TITLE = "Your people"
PEOPLE_EMPTY = (
    "No one in your people yet. Add your sponsor, a friend in recovery, your home group:\n"
    '  stepwork people add "Sam" --role sponsor --reach "555 0134"'
)
PEOPLE_STAR_KEY = "★ someone to call in a hard moment: shown first when things are hard."
PERSON_NEEDS_NAME = "Give them a name, as you call them."
NOT_YET = "not yet"
SETTING_DAYS = "use a whole number of days from 0 (off) to 365"
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
SAFETY_PEOPLE = "Your people for hard moments:"
SHARE_FROM_PEOPLE = "From your people: "


def share_pick_hint(count: int) -> str:
    if count == 1:
        return "Type 1 to choose them, or a name."
    return f"Type a number (1-{count}) to choose, or a name."


# --- the gentle nudge ---------------------------------------------------------------------


def dash_last_reached(days: int | None) -> str:
    if days is None:
        return "Reaching out: nothing logged yet (stepwork reached NAME)"
    return f"Last reached out: {days_ago(days)}"


def nudge_isolation(days: int, suggestion: str) -> str:
    first = f"It has been {plural(days, 'day')} since you last reached out to anyone."
    if suggestion:
        return f"{first} {suggestion} might be glad to hear from you."
    return f"{first} A meeting or a call could be a good next step."


def nudge_cravings(suggestion: str) -> str:
    first = "Cravings have been strong on two of the last three days."
    if suggestion:
        return f"{first} A call could help: {suggestion}."
    return f"{first} A call, or a meeting, could help."


# --- connection in stats ------------------------------------------------------------------
CONNECTION_TITLE = "Connection"


def sponsor_last(days: int | None, has_sponsor: bool) -> str:
    if not has_sponsor:
        return "No sponsor in your people yet."
    if days is None:
        return "You have not logged reaching your sponsor yet."
    return f"Last reached your sponsor: {days_ago(days)}."


def connection_compare(
    days_with: int,
    days_without: int,
    mood_with: str,
    mood_without: str,
    craving_with: str,
    craving_without: str,
) -> str:
    return (
        f"On the {plural(days_with, 'day')} with a contact or a meeting, mood averaged "
        f"{mood_with} and craving {craving_with}; on the {plural(days_without, 'other day')} "
        "with a check-in, mood "
        f"{mood_without} and craving {craving_without}. Something to notice, not a rule."
    )


def connection_too_few(checkins: int, needed: int) -> str:
    return (
        f"With {plural(needed, 'check-in')} or more, this shows mood and craving on days with "
        "and without "
        f"connection ({checkins} so far)."
    )


# --- sync through a shared folder (issue 13) ------------------------------------------------
SYNC_DIR_DESCRIPTION = (
    "The folder stepwork sync uses when none is named: one that Syncthing, a cloud folder "
    "or git carries to your other devices."
)
SETTING_FOLDER_TOO_LONG = "That path is too long."
SYNC_NEEDS_FOLDER = (
    "Name the shared folder: stepwork sync DIR (or once: stepwork config sync_dir DIR)."
)
SYNC_BUSY = "Another stepwork sync is running for this journal. Try again when it has finished."
SYNC_FILE_INCOMPLETE = "it is not complete (perhaps still arriving)."
SYNC_FILE_DAMAGED = "it is damaged, or was changed after it was written."
SYNC_FILE_TOO_NEW = "it was written by a newer stepwork; please update stepwork on this device."
SYNC_FILE_MISNAMED = "its name does not match what it holds (a copy or a renamed file?)."
SYNC_FILE_ENCRYPTED_HERE_PLAIN = (
    "its files are encrypted and this journal is not; encrypt this journal with the same "
    "passphrase (stepwork encrypt) to read them."
)
SYNC_FILE_PLAIN_HERE_ENCRYPTED = (
    "its files are plain text and this journal is encrypted, so they are not merged (anyone "
    "who can write to the folder could have written them). Encrypt that device's journal with "
    "the same passphrase (stepwork encrypt): it then sends everything again, encrypted."
)
SYNC_FILE_OTHER_PASSPHRASE = (
    "its files were encrypted with another passphrase; use the same passphrase on every device "
    "(stepwork passphrase)."
)
SYNC_FILE_GONE = "it could not be read (removed while stepwork was reading, or not a file)."
SYNC_FILE_COPY = (
    "a copy a sync tool made (a conflict copy or a half-copied file); stepwork never reads it, "
    "as the file it copies is read under its own name. You may delete it."
)
SYNC_NOT_A_FILE = "it is a link or something else that is not a file; stepwork leaves it alone."
SYNC_JOURNAL_CHANGED = (
    "This journal is not the file this device last synced (restored, encrypted, decrypted or "
    "copied): all of it is sent, and every file in the folder is read again."
)
SYNC_NOTHING_TO_COMPACT = "Nothing to compact: this device has one file in the folder at most."
SYNC_PROGRESS = "Merging"
SYNC_NOTHING_NEW = "Nothing new to send or to receive: already in step."
SYNC_NOTHING_SENT = "Nothing new to send."
SYNC_NOTHING_RECEIVED = "Nothing new to receive."


def sync_skipped(name: str, why: str) -> str:
    return f"Skipped {name}: {why} It is tried again at the next sync."


def sync_left_alone(name: str, why: str) -> str:
    return f"Left alone {name}: {why}"


def sync_retried(refusal: str) -> str:
    return f"Skipped: {refusal} It is tried again at the next sync."


def sync_waiting_for(missing: str) -> str:
    return f"waiting for {missing}, which comes before it and has not arrived."


def sync_device_refused(device: str, why: str) -> str:
    return f"Skipped the files of device {device}: {why}"


def sync_device_plain(device: str, why: str) -> str:
    return f"Passed over plain files of device {device}: {why}"


def sync_new_folder(folder: Path) -> str:
    return (
        f"{folder} is not the folder this device last synced with: all of this journal is sent "
        "to it, and every file in it is read."
    )


def sync_plain_warning(folder: Path) -> str:
    return (
        f"This journal is not encrypted, so the files stepwork sync writes in {folder} are plain "
        "text: anyone who can read that folder (or the service that carries it) can read your "
        "entries. stepwork encrypt protects them, on every device, with one passphrase. "
        "(Said once.)"
    )


def sync_not_compacted(devices: list[str]) -> str:
    names = ", ".join(devices)
    return (
        f"Not compacted yet: {len(devices)} other device{'s' if len(devices) != 1 else ''} "
        f"({names}) {'have' if len(devices) != 1 else 'has'} not merged all of this device's "
        "files. Sync there first, then try again."
    )


def sync_compacted(removed: int, name: str) -> str:
    return f"Compacted: {removed} of this device's files replaced by one snapshot, {name}."


def sync_sent(count: int, name: str, encrypted: bool) -> str:
    how = "encrypted" if encrypted else "plain text"
    return f"Sent {count:,} record{'s' if count != 1 else ''} as {name} ({how})."


def sync_received(files: int, devices: int, added: int, updated: int, deleted: int) -> str:
    counts = [
        f"{n:,} {what}"
        for n, what in ((added, "added"), (updated, "updated"), (deleted, "deleted"))
        if n
    ]
    changed = ", ".join(counts) if counts else f"nothing new in {'it' if files == 1 else 'them'}"
    return (
        f"Received {files:,} file{'s' if files != 1 else ''} from {devices} "
        f"device{'s' if devices != 1 else ''}: {changed}."
    )


# --- daily use that feels light: quiet repeats, questions put away, status --------------------
SKIPPED_QUIETLY = "skipped"
NEVER_HOW = "/never puts this question away for good (you can bring it back later)."
SETTING_HOUR = "use a whole hour from 0 to 23"
SETTING_TRUE_FALSE = "use true or false"


def setting_question_name(name: str) -> str:
    return f"{name!r} is not a question name like checkin:halt"


def put_away_done(name: str) -> str:
    return (
        "Put away; it will not be asked again. To bring it back: "
        f"stepwork config questions --bring-back {name}"
    )


def daily_line(practice: str, day: str) -> str:
    """The one line a daily flow opens with once its introduction has been seen."""
    return f"{practice} · {day}"


CHECKIN_NAME = "Check-in"
REVIEW_NAME = "Nightly review"
MORNING_NAME = "Morning"
QUESTIONS_TITLE = "The questions of your daily practice"
QUESTION_ASKED = "asked"
QUESTION_PUT_AWAY = "put away"
QUESTIONS_HOW = (
    "Put one away: stepwork config questions --put-away NAME   ·   "
    "bring one back: stepwork config questions --bring-back NAME (or all)"
)
QUESTIONS_STEP_NOTE = "Step work keeps every question: stepwork step N asks them all."
QUESTIONS_ALL_BACK = "Every question is back."
QUESTIONS_OPTIONS_NEED_QUESTIONS = "--put-away and --bring-back go with: stepwork config questions"


def question_brought_back(name: str) -> str:
    return f"{name} is back: it will be asked again."


def question_put_away(name: str) -> str:
    return f"{name} is put away: it will not be asked."


def question_not_put_away(name: str) -> str:
    return f"{name} was not put away."


def unknown_question(name: str) -> str:
    return f"No question is called {name!r}. stepwork config questions lists them."


def question_not_optional(name: str) -> str:
    return (
        f"{name} is part of step work, which keeps every question; only questions of "
        "checkin, review and morning can be put away."
    )


# `stepwork status`: one short line for a shell prompt or a tmux status line.
STATUS_CHECKIN_DUE = "check-in due"
STATUS_CHECKIN_DONE = "check-in done"
STATUS_REVIEW_DUE = "review due"
STATUS_REVIEW_DONE = "review done"


def status_days(name: str, days: int) -> str:
    return f"{name}: {days} day" + ("" if days == 1 else "s")


def status_bad_format(detail: str) -> str:
    return f"--format: {detail}. Fields: {{checkin}} {{review}} {{days}} {{counter}} {{line}}"


def status_bad_argument(arg: str) -> str:
    return f"stepwork status: {arg!r} is not an option (see stepwork status --help)"


def imported_put_away(count: int, dry_run: bool) -> str:
    questions = "question" if count == 1 else "questions"
    if dry_run:
        return f"It would also put away {count} daily {questions}, as the file has them."
    return f"{count} daily {questions} put away, as in the file (stepwork config questions)."


# Editing in the editor: the fields that check out are kept, the rest asked about again.
EDITOR_FIX_HOW = (
    "# The lines above say what could not be saved; fix those fields below (this note and the "
    "lines above go away), then save and close. Everything else is saved already."
)


def editor_left_unsaved(saved_any: bool) -> str:
    if saved_any:
        return "Those fields kept their old values; everything else you changed was saved."
    return "Those fields kept their old values; nothing else had changed."


def editor_failed_rest_saved(detail: str) -> str:
    return f"The editor did not finish cleanly ({detail}). What was saved before stays saved."


EDITOR_LINES_LEFT_OUT = (
    "Those lines were left out and the rest kept: type them again with their kind, "
    "or press Enter on an empty line to finish."
)


# Run without a terminal: nobody to ask.
INSTEAD_OF_ASKING = {
    "stepwork checkin": 'stepwork checkin --mood 6 --craving 1 --note "…" (no questions asked)',
    "stepwork service": 'stepwork service "what you did" (no questions asked)',
    "stepwork plan": "stepwork plan --edit, in a terminal",
}


def needs_a_person(command: str, instead: str = "") -> str:
    instead = instead or INSTEAD_OF_ASKING.get(command.split(" --")[0] if command else "", "")
    line = (
        f"{command} asks questions, and there is no terminal to answer them. Nothing was changed."
    )
    return line + (f" Instead: {instead}" if instead else f" Run it in a terminal: {command}")


# Plain mode (STEPWORK_PLAIN=1, stepwork config plain true).
def plain_series(days: str) -> str:
    return f"  by day: {days}" if days else "  no check-ins with this in the period"
