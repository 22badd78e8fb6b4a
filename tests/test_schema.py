"""The SQLModel classes are the one definition of the schema: a new journal, and a journal
brought up through every migration, have exactly the tables the models describe (types,
defaults, CHECKs, collations, foreign keys, indexes), and the JSON format carries every column."""

import ast
import re
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlmodel import SQLModel

from stepwork.store import journal_file, migrations, schema_gen
from stepwork.store.connection import open_connection

_CONSTRAINT_WORDS = {"PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"}


def _top_level_parts(body: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in body:
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        depth += ch == "("
        depth -= ch == ")"
        current.append(ch)
    parts.append("".join(current))
    return [" ".join(p.split()) for p in parts if p.strip()]


def _balanced_after(text: str, start: int) -> str:
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] == "("
        depth -= text[i] == ")"
        if depth == 0:
            return text[start + 1 : i]
    raise AssertionError(text)


def _normal(expr: str) -> str:
    return re.sub(r"\s*([(),])\s*", r"\1", " ".join(expr.split()))


def _from_sql(sql: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The CHECK expressions and the column collations in a CREATE TABLE statement, wherever
    they are written (on the column or on the table)."""
    body = _balanced_after(sql, sql.index("("))
    checks, collations = set(), set()
    for part in _top_level_parts(body):
        for found in re.finditer(r"\bCHECK\s*\(", part, re.IGNORECASE):
            checks.add(_normal(_balanced_after(part, found.end() - 1)))
        first = part.split()[0]
        collation = re.search(r'\bCOLLATE\s+"?(\w+)"?', part, re.IGNORECASE)
        if first.upper() not in _CONSTRAINT_WORDS and collation:
            collations.add((first, collation.group(1).upper()))
    return frozenset(checks), frozenset(collations)


def shape(conn: sqlite3.Connection) -> dict[str, dict[str, object]]:
    """Everything about each table that SQLite stores, in a form that does not depend on how
    the CREATE statement was laid out."""
    tables = {}
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_text%' ORDER BY name"
    ):
        columns = {
            row[1]: {"type": row[2], "notnull": bool(row[3]) or bool(row[5]), "default": row[4]}
            | {"pk": row[5]}
            for row in conn.execute(f"PRAGMA table_info({name})")
        }
        keys = sorted(
            (row[2], row[3], row[4], row[5], row[6], row[7])
            for row in conn.execute(f"PRAGMA foreign_key_list({name})")
        )
        indexes = sorted(
            (
                index[1] if index[3] == "c" else "(automatic)",
                index[2],
                index[3],
                index[4],
                tuple(
                    (col[2], col[3], col[4])
                    for col in conn.execute(f"PRAGMA index_xinfo({index[1]})")
                    if col[5]
                ),
            )
            for index in conn.execute(f"PRAGMA index_list({name})")
        )
        checks, collations = _from_sql(sql)
        tables[name] = {
            "columns": columns,
            "foreign keys": keys,
            "indexes": indexes,
            "checks": checks,
            "collations": collations,
        }
    return tables


def models_shape(tmp_path: Path) -> dict[str, dict[str, object]]:
    import stepwork.store.models  # noqa: F401  (registers the tables)

    engine = create_engine(f"sqlite:///{tmp_path / 'models.db'}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(tmp_path / "models.db")
    try:
        return shape(conn)
    finally:
        conn.close()


def _assert_same(found: dict, expected: dict) -> None:
    assert sorted(found) == sorted(expected)
    for table in expected:
        for part in expected[table]:
            assert found[table][part] == expected[table][part], (table, part)


def test_a_new_journal_has_exactly_the_models_schema(home, tmp_path):
    journal_file.ready()
    conn = sqlite3.connect(home / "stepwork.db")
    try:
        _assert_same(shape(conn), models_shape(tmp_path))
    finally:
        conn.close()


def test_a_journal_upgraded_from_version_one_has_exactly_the_models_schema(home, tmp_path):
    home.mkdir(mode=0o700)
    db_path = home / "stepwork.db"
    conn = open_connection(db_path)
    try:
        migrations.migrate(conn, db_path, home / "backups", migrations.MIGRATIONS[:1])
        conn.execute(
            "INSERT INTO guided_session (uid, flow, status, local_date, started_at, updated_at) "
            "VALUES ('s1', 'plan', 'open', '2026-01-01', '2026-01-01 08:00:00', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO answer (uid, session_id, position, question_key, question_text, text, "
            "state, answered_at, updated_at) VALUES ('a1', 1, 0, 'people', 'Who?', "
            "'Sam (sponsor) 555 123 4567', 'answered', '2026-01-01 08:00:00', "
            "'2026-01-01 08:00:00')"
        )
    finally:
        conn.close()
    journal_file.ready()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
        assert conn.execute("SELECT name FROM person").fetchall() == [("Sam",)]
        _assert_same(shape(conn), models_shape(tmp_path))
    finally:
        conn.close()


def test_every_table_but_the_tombstones_leaves_a_tombstone(home):
    import stepwork.store.models  # noqa: F401

    journal_file.ready()
    conn = sqlite3.connect(home / "stepwork.db")
    try:
        triggers = {
            row[0]
            for row in conn.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'tombstone_%'"
            )
        }
    finally:
        conn.close()
    assert triggers == set(SQLModel.metadata.tables) - {"tombstone"}


def test_the_comparison_sees_a_changed_check_default_or_collation():
    """The DDL comparison is not blind to what PRAGMA table_info leaves out."""
    plain = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL CHECK (a IN ('x')))"
    assert _from_sql(plain)[0] == {"a IN('x')"}
    moved = "CREATE TABLE t (id INTEGER, a TEXT NOT NULL, PRIMARY KEY (id), CHECK (a IN ( 'x' )))"
    assert _from_sql(moved) == _from_sql(plain)
    other = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL CHECK (a IN ('x', 'y')))"
    assert _from_sql(other) != _from_sql(plain)
    nocase = 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT COLLATE "NOCASE" NOT NULL)'
    assert _from_sql(nocase)[1] == {("a", "NOCASE")}


def test_the_json_format_lists_every_column_of_the_models():
    """export/table_data.py is generated from the models; it must be what they give today
    (run `python -m stepwork.store.schema_gen` after changing a model)."""
    committed = Path(schema_gen.TARGET).read_text(encoding="utf-8")
    tree = ast.parse(committed)
    [data] = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == "TABLES"
    ]
    assert ast.literal_eval(data) == schema_gen.table_data()


def test_the_json_tables_cover_every_model_column():
    import stepwork.store.models  # noqa: F401
    from stepwork.export.tables import TABLES

    exported = {
        t.name: {"id", "uid"} | {c.name for c in t.columns} | {link.column for link in t.links}
        for t in TABLES
    }
    in_models = {name: set(t.columns.keys()) for name, t in SQLModel.metadata.tables.items()}
    assert exported == in_models
