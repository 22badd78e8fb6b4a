"""The journal's tables as the JSON format carries them: every column but the row id, with
links to other rows given by their stable `uid`. Listed parents first, the order of import.

The tables and columns come from `table_data.py`, generated from the models (`store/models.py`,
the one definition of the schema) so that this module, used on every export and import, does
not import SQLAlchemy."""

from dataclasses import dataclass

from stepwork.export import table_data

TEXT, INT, BOOL, DATE, TIME = "text", "int", "bool", "date", "time"
SQLITE_MAX = 2**63 - 1


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


TABLES: tuple[Table, ...] = tuple(
    Table(
        name,
        tuple(Column(*column) for column in columns),
        tuple(Link(*link) for link in links),
        natural_key,
        versioned,
        ordered,
    )
    for name, columns, links, natural_key, versioned, ordered in table_data.TABLES
)
# Last: what was deleted, by uid (the uid of the deleted row) and table; never its text.
TOMBSTONED = tuple(t.name for t in TABLES if t.name != "tombstone")
