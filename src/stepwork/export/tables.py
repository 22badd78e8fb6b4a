"""The journal's tables as the JSON format carries them: every column but the row id, with
links to other rows given by their stable `uid`. Listed parents first, the order of import."""

from dataclasses import dataclass

from stepwork.network import HOWS, ROLES

TEXT, INT, BOOL, DATE, TIME = "text", "int", "bool", "date", "time"
SQLITE_MAX = 2**63 - 1

STEPS = (1, 12)
FLOWS = (
    *(f"step-{n}" for n in range(1, 13)),
    "review",
    "morning",
    "plan",
    *(f"inventory-{s}" for s in ("resentment", "fear", "sex", "harm")),
)
HALT = ("hungry", "angry", "lonely", "tired")


@dataclass(frozen=True)
class Link:
    column: str
    """The id column in this table, such as session_id."""
    name: str
    """Its name in the file, such as session_uid."""
    table: str
    nullable: bool = False


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool = False
    choices: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None
    many: bool = False
    """Text holding several of `choices`, comma-separated (or none)."""
    future: bool = False
    """A date that may lie ahead (a plan); other dates and all times may not."""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    links: tuple[Link, ...] = ()
    natural_key: tuple[str, ...] = ()
    """Columns (after links are resolved) that identify a row besides its uid."""
    versioned: bool = True
    """Has updated_at: on import, the newer edit wins."""
    ordered: tuple[str, str] | None = None
    """Two date columns where the second may not come before the first."""


def _c(
    name: str,
    type_: str,
    nullable: bool = False,
    choices: tuple[str, ...] = (),
    bounds: tuple[int, int] | None = None,
    many: bool = False,
    future: bool = False,
) -> Column:
    return Column(name, type_, nullable, choices, bounds, many, future)


_RECORDS: tuple[Table, ...] = (
    Table(
        "guided_session",
        (
            _c("flow", TEXT, choices=FLOWS),
            _c("step", INT, nullable=True, bounds=STEPS),
            _c("status", TEXT, choices=("open", "finished")),
            _c("local_date", DATE),
            _c("started_at", TIME),
            _c("updated_at", TIME),
            _c("finished_at", TIME, nullable=True),
        ),
    ),
    Table(
        "answer",
        (
            _c("position", INT, bounds=(0, SQLITE_MAX)),
            _c("question_key", TEXT),
            _c("question_text", TEXT),
            _c("text", TEXT),
            _c("state", TEXT, choices=("draft", "answered", "skipped")),
            _c("answered_at", TIME),
            _c("updated_at", TIME),
        ),
        links=(Link("session_id", "session_uid", "guided_session"),),
        natural_key=("session_id", "question_key"),
    ),
    Table(
        "inventory_item",
        (
            _c("section", TEXT, choices=("resentment", "fear", "sex", "harm")),
            _c("for_therapist", BOOL),
            _c("for_sponsor", BOOL),
            _c("created_at", TIME),
            _c("updated_at", TIME),
        ),
        links=(Link("session_id", "session_uid", "guided_session"),),
        natural_key=("session_id",),
    ),
    Table(
        "inventory_share",
        (_c("shared_with", TEXT), _c("shared_on", DATE), _c("created_at", TIME)),
        links=(Link("item_id", "item_uid", "inventory_item"),),
        versioned=False,
    ),
    Table(
        "amends",
        (
            _c("person", TEXT),
            _c("harm", TEXT),
            _c("kind", TEXT, nullable=True, choices=("direct", "indirect", "living")),
            _c("status", TEXT, choices=("not_willing", "willing", "planned", "made")),
            _c("would_injure", BOOL),
            _c("planned_on", DATE, nullable=True, future=True),
            _c("notes", TEXT),
            _c("created_at", TIME),
            _c("updated_at", TIME),
        ),
        links=(Link("item_id", "item_uid", "inventory_item", nullable=True),),
        natural_key=("item_id",),
    ),
    Table(
        "checkin",
        (
            _c("local_date", DATE),
            _c("mood", INT, nullable=True, bounds=(1, 10)),
            _c("craving", INT, nullable=True, bounds=(0, 10)),
            _c("halt", TEXT, choices=HALT, many=True),
            _c("note", TEXT),
            _c("created_at", TIME),
            _c("updated_at", TIME),
        ),
    ),
    Table(
        "daily_entry",
        (
            _c("kind", TEXT, choices=("gratitude", "meeting", "trigger")),
            _c("category", TEXT, nullable=True, choices=("person", "place", "thing")),
            _c("text", TEXT),
            _c("local_date", DATE),
            _c("created_at", TIME),
        ),
        links=(Link("checkin_id", "checkin_uid", "checkin", nullable=True),),
        versioned=False,
    ),
    Table(
        "service",
        (
            _c("local_date", DATE),
            _c("what", TEXT),
            _c("carried_message", BOOL),
            _c("note", TEXT),
            _c("created_at", TIME),
        ),
        versioned=False,
    ),
    Table(
        "sobriety_counter",
        (_c("name", TEXT), _c("started_on", DATE), _c("created_at", TIME), _c("updated_at", TIME)),
        natural_key=("name",),
    ),
    Table(
        "sobriety_run",
        (_c("started_on", DATE), _c("ended_on", DATE), _c("note", TEXT), _c("created_at", TIME)),
        links=(Link("counter_id", "counter_uid", "sobriety_counter"),),
        versioned=False,
        ordered=("started_on", "ended_on"),
    ),
    Table(
        "sobriety_change",
        (
            _c("kind", TEXT, choices=("reset", "set", "rename", "delete")),
            _c("previous_start", DATE),
            _c("previous_name", TEXT),
            _c("created_at", TIME),
        ),
        links=(
            Link("counter_id", "counter_uid", "sobriety_counter"),
            Link("run_id", "run_uid", "sobriety_run", nullable=True),
        ),
        versioned=False,
    ),
    Table(
        "note",
        (
            _c("local_date", DATE),
            _c("written_at", TIME),
            _c("title", TEXT),
            _c("body", TEXT),
            _c("tags", TEXT),
            _c("starred", BOOL),
            _c("created_at", TIME),
            _c("updated_at", TIME),
        ),
    ),
    Table(
        "person",
        (
            _c("name", TEXT),
            _c("role", TEXT, choices=ROLES),
            _c("reach", TEXT),
            _c("note", TEXT),
            _c("hard_moments", BOOL),
            _c("created_at", TIME),
            _c("updated_at", TIME),
        ),
    ),
    Table(
        "contact",
        (
            _c("local_date", DATE),
            _c("how", TEXT, nullable=True, choices=HOWS),
            _c("note", TEXT),
            _c("created_at", TIME),
        ),
        links=(
            Link("person_id", "person_uid", "person"),
            Link("checkin_id", "checkin_uid", "checkin", nullable=True),
        ),
        versioned=False,
    ),
)
TOMBSTONED = tuple(t.name for t in _RECORDS)

TABLES: tuple[Table, ...] = (
    *_RECORDS,
    # Last: what was deleted, by uid (the uid of the deleted row) and table; never its text.
    Table(
        "tombstone",
        (_c("table_name", TEXT, choices=TOMBSTONED), _c("deleted_at", TIME)),
        versioned=False,
    ),
)
