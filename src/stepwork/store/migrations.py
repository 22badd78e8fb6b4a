"""Schema changes, keyed on `PRAGMA user_version`.

Each migration runs in its own BEGIN IMMEDIATE transaction together with the version bump, so a
failing step leaves the database exactly as it was. Before upgrading a database that already
holds data, a copy is kept in the backups folder.
"""

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from stepwork.errors import UserError
from stepwork.messages import app as app_messages
from stepwork.store.latest import LATEST_VERSION as LATEST_VERSION  # re-exported

# Every table whose rows travel in the JSON export by uid: deleting a row leaves a tombstone.
TOMBSTONED_TABLES = (
    "guided_session",
    "answer",
    "inventory_item",
    "inventory_share",
    "amends",
    "checkin",
    "daily_entry",
    "service",
    "sobriety_counter",
    "sobriety_run",
    "sobriety_change",
    "note",
    "person",
    "contact",
)
# Tables whose tombstone trigger came with the table, after migration 6.
_OWN_TRIGGER = ("sobriety_change", "person", "contact")


def _tombstone_trigger(table: str) -> str:
    return f"""
        CREATE TRIGGER tombstone_{table} AFTER DELETE ON {table} BEGIN
            INSERT OR REPLACE INTO tombstone (uid, table_name, deleted_at)
            VALUES (old.uid, '{table}', strftime('%Y-%m-%d %H:%M:%f000', 'now'));
        END
        """


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    then: Callable[[sqlite3.Connection], None] | None = None
    """Moves data after the statements, inside the same transaction."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "guided sessions and their answers",
        (
            """
            CREATE TABLE guided_session (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                flow TEXT NOT NULL,
                step INTEGER,
                status TEXT NOT NULL CHECK (status IN ('open', 'finished')),
                local_date DATE NOT NULL,
                started_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                finished_at DATETIME
            )
            """,
            "CREATE INDEX ix_guided_session_flow_status ON guided_session (flow, status)",
            "CREATE INDEX ix_guided_session_step ON guided_session (step)",
            """
            CREATE TABLE answer (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                session_id INTEGER NOT NULL
                    REFERENCES guided_session (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                question_key TEXT NOT NULL,
                question_text TEXT NOT NULL,
                text TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL CHECK (state IN ('draft', 'answered', 'skipped')),
                answered_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                UNIQUE (session_id, question_key)
            )
            """,
        ),
    ),
    Migration(
        2,
        "the inventory, sharing it, and amends",
        (
            """
            CREATE TABLE inventory_item (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                session_id INTEGER NOT NULL UNIQUE
                    REFERENCES guided_session (id) ON DELETE CASCADE,
                section TEXT NOT NULL
                    CHECK (section IN ('resentment', 'fear', 'sex', 'harm')),
                for_therapist BOOLEAN NOT NULL DEFAULT 0,
                for_sponsor BOOLEAN NOT NULL DEFAULT 0,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_inventory_item_section ON inventory_item (section)",
            """
            CREATE TABLE inventory_share (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                item_id INTEGER NOT NULL REFERENCES inventory_item (id) ON DELETE CASCADE,
                shared_with TEXT NOT NULL,
                shared_on DATE NOT NULL,
                created_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_inventory_share_item ON inventory_share (item_id)",
            """
            CREATE TABLE amends (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                item_id INTEGER UNIQUE REFERENCES inventory_item (id) ON DELETE SET NULL,
                person TEXT NOT NULL,
                harm TEXT NOT NULL DEFAULT '',
                kind TEXT CHECK (kind IN ('direct', 'indirect', 'living')),
                status TEXT NOT NULL DEFAULT 'not_willing'
                    CHECK (status IN ('not_willing', 'willing', 'planned', 'made')),
                would_injure BOOLEAN NOT NULL DEFAULT 0,
                planned_on DATE,
                notes TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_amends_status ON amends (status)",
        ),
    ),
    Migration(
        3,
        "daily practice: check-ins, gratitude, meetings, triggers, service, sobriety counters",
        (
            """
            CREATE TABLE checkin (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                local_date DATE NOT NULL,
                mood INTEGER CHECK (mood BETWEEN 1 AND 10),
                craving INTEGER CHECK (craving BETWEEN 0 AND 10),
                halt TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_checkin_local_date ON checkin (local_date)",
            """
            CREATE TABLE daily_entry (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                checkin_id INTEGER REFERENCES checkin (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('gratitude', 'meeting', 'trigger')),
                category TEXT,
                text TEXT NOT NULL,
                local_date DATE NOT NULL,
                created_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_daily_entry_kind_date ON daily_entry (kind, local_date)",
            "CREATE INDEX ix_daily_entry_checkin ON daily_entry (checkin_id)",
            """
            CREATE TABLE service (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                local_date DATE NOT NULL,
                what TEXT NOT NULL,
                carried_message BOOLEAN NOT NULL DEFAULT 0,
                note TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_service_local_date ON service (local_date)",
            """
            CREATE TABLE sobriety_counter (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                started_on DATE NOT NULL,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            )
            """,
            """
            CREATE TABLE sobriety_run (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                counter_id INTEGER NOT NULL
                    REFERENCES sobriety_counter (id) ON DELETE CASCADE,
                started_on DATE NOT NULL,
                ended_on DATE NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_sobriety_run_counter ON sobriety_run (counter_id)",
        ),
    ),
    Migration(
        4,
        "journal notes (imported from jrnl)",
        (
            """
            CREATE TABLE note (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                local_date DATE NOT NULL,
                written_at DATETIME NOT NULL,
                title TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '',
                starred BOOLEAN NOT NULL DEFAULT 0,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_note_local_date ON note (local_date)",
        ),
    ),
    Migration(
        5,
        "indexes for newest-first listing",
        (
            "CREATE INDEX ix_guided_session_local_date ON guided_session (local_date, started_at)",
            "CREATE INDEX ix_amends_created_at ON amends (created_at)",
            "CREATE INDEX ix_service_local_date_created ON service (local_date, created_at)",
            "CREATE INDEX ix_checkin_local_date_created ON checkin (local_date, created_at)",
            "DROP INDEX ix_checkin_local_date",
            "DROP INDEX ix_service_local_date",
        ),
    ),
    Migration(
        6,
        "tombstones: what was deleted (uid, table, when; never its text), so imports honour it",
        (
            """
            CREATE TABLE tombstone (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                table_name TEXT NOT NULL,
                deleted_at DATETIME NOT NULL
            )
            """,
            # Later tables get their trigger with their table (sobriety_change in 7, ...).
            *(_tombstone_trigger(t) for t in TOMBSTONED_TABLES if t not in _OWN_TRIGGER),
        ),
    ),
    Migration(
        7,
        "sober counter changes, kept so the last one can be undone",
        (
            """
            CREATE TABLE sobriety_change (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                counter_id INTEGER NOT NULL
                    REFERENCES sobriety_counter (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('reset', 'set', 'rename', 'delete')),
                previous_start DATE NOT NULL,
                previous_name TEXT NOT NULL,
                run_id INTEGER REFERENCES sobriety_run (id) ON DELETE SET NULL,
                created_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_sobriety_change_counter ON sobriety_change (counter_id, id)",
            _tombstone_trigger("sobriety_change"),
        ),
    ),
    Migration(
        8,
        "the sober network: people, and reaching out to them",
        (
            """
            CREATE TABLE person (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT 'other' CHECK (role IN (
                    'sponsor', 'sponsee', 'therapist', 'home-group', 'friend', 'family', 'other'
                )),
                reach TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                hard_moments BOOLEAN NOT NULL DEFAULT 0,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            )
            """,
            """
            CREATE TABLE contact (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
                checkin_id INTEGER REFERENCES checkin (id) ON DELETE CASCADE,
                local_date DATE NOT NULL,
                how TEXT CHECK (how IN ('call', 'text', 'meeting', 'coffee')),
                note TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL
            )
            """,
            "CREATE INDEX ix_contact_local_date ON contact (local_date)",
            "CREATE INDEX ix_contact_person ON contact (person_id, local_date)",
            "CREATE INDEX ix_contact_checkin ON contact (checkin_id)",
            _tombstone_trigger("person"),
            _tombstone_trigger("contact"),
        ),
        then=lambda conn: plan_people_to_network(conn),
    ),
)


# --- migration 8: the coping plan's people join the network --------------------------------
# Written out here, not taken from messages/ or domain/network.py: a migration must do the same
# thing whenever it runs, whatever later versions say.
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{5,}\d")
_ROLE_WORDS = (
    ("sponsee", "sponsee"),
    ("sponsor", "sponsor"),
    ("therapist", "therapist"),
    ("counsellor", "therapist"),
    ("counselor", "therapist"),
    ("home group", "home-group"),
)
_FROM_PLAN = "From your coping plan: "
_SEPARATORS = " \t-\u2013\u2014:,;|/"


def split_plan_line(line: str) -> tuple[str, str, str]:
    """A line of the plan's "people you can call" → (name, how to reach, role key). A phone
    number, where there is one, is how to reach them; the name is the rest of the line."""
    text = line.strip()
    found = _PHONE.search(text)
    name, reach = text, ""
    if found is not None and sum(ch.isdigit() for ch in found.group()) >= 7:
        rest = (text[: found.start()] + " " + text[found.end() :]).strip(_SEPARATORS)
        if rest:
            name, reach = " ".join(rest.split()), found.group().strip()
    lowered = text.lower()
    found_role = next(
        ((word, key) for word, key in _ROLE_WORDS if re.search(rf"\b{word}\b", lowered)), None
    )
    if found_role is None:
        return name, reach, "other"
    word, role = found_role
    # The role is kept as the role: "Sam (sponsor)" or "my sponsor Sam" is named Sam.
    shorter = re.sub(rf"\(\s*{word}\s*\)|^my\s+{word}\b", " ", name, flags=re.IGNORECASE)
    shorter = " ".join(shorter.split()).strip(_SEPARATORS)
    return shorter or name, reach, role


def plan_people_to_network(conn: sqlite3.Connection) -> None:
    """Each person in the current coping plan becomes a person in the network, marked for hard
    moments, and leaves the plan's free text. The whole line is kept in the note, so nothing
    the person wrote is lost, whatever the split made of it."""
    from stepwork.store.values import edit_stamp, new_uid, now_stamp

    row = conn.execute(
        "SELECT a.id, a.text, a.updated_at FROM answer a "
        "JOIN guided_session s ON s.id = a.session_id WHERE s.flow = 'plan' "
        "AND a.question_key = 'people' AND a.state != 'skipped' "
        "AND trim(a.text) != '' ORDER BY s.id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return
    answer_id, text, edited = row[0], row[1], row[2]
    now = now_stamp()
    for line in text.splitlines():
        if not line.strip():
            continue
        name, reach, role = split_plan_line(line)
        conn.execute(
            "INSERT INTO person (uid, name, role, reach, note, hard_moments, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            (new_uid(), name, role, reach, _FROM_PLAN + line.strip(), now, now),
        )
    conn.execute(
        "UPDATE answer SET text = '', state = 'skipped', updated_at = ? WHERE id = ?",
        (edit_stamp(edited), answer_id),
    )


def db_errors() -> tuple[type[Exception], ...]:
    from stepwork.store.connection import db_errors as errors

    return errors()


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1"
    ).fetchone()
    return row is not None


def migrate(
    conn: sqlite3.Connection,
    db_path: Path,
    backups_dir: Path,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> None:
    """Bring the database up to the newest schema this program knows."""
    latest = migrations[-1].version
    version = schema_version(conn)
    if version == latest:
        return
    if version > latest:
        raise UserError(app_messages.database_too_new(db_path, version, latest))
    if version == 0 and _has_tables(conn):
        raise UserError(app_messages.database_not_ours(db_path))
    reason = f"v{version}-before-upgrade"
    from stepwork.store.backup import keep_copy

    kept = keep_copy(db_path, reason) if version > 0 else None
    for migration in migrations:
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have upgraded while this one waited for the lock.
            if schema_version(conn) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            for statement in migration.statements:
                conn.execute(statement)
            if migration.then is not None:
                migration.then(conn)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            conn.execute("COMMIT")
        except db_errors() as exc:
            conn.execute("ROLLBACK")
            raise UserError(
                app_messages.migration_failed(db_path, migration.version, str(exc), kept)
            ) from exc
