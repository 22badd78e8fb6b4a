"""Writes `export/table_data.py`, the JSON format's tables, from the models.

Run `python -m stepwork.store.schema_gen` after changing a model; `tests/test_schema.py` fails
until the committed file is what this gives. Generated rather than derived at run time so that
exporting and importing never import SQLAlchemy.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Integer, Table, Text, TypeDecorator
from sqlalchemy import Column as SAColumn
from sqlalchemy.schema import UniqueConstraint
from sqlmodel import SQLModel

TARGET = Path(__file__).resolve().parent.parent / "export" / "table_data.py"
_TYPES = ((Boolean, "bool"), (Integer, "int"), (DateTime, "time"), (Date, "date"), (Text, "text"))
_HEADER = '''"""The journal's tables as the JSON format carries them. GENERATED from
`stepwork/store/models.py` by `python -m stepwork.store.schema_gen`; do not edit by hand.

Each table: (name, columns, links, natural_key, versioned, ordered); each column: (name, type,
nullable, choices, bounds, many, future); each link: (column, name in the file, table, nullable).
"""

'''
ColumnData = tuple[str, str, bool, tuple[str, ...], tuple[int, int] | None, bool, bool]


def _type_of(column: SAColumn[Any]) -> str:
    stored = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    for sa_type, name in _TYPES:
        if isinstance(stored, sa_type):
            return name
    raise TypeError(f"{column.table.name}.{column.name}: no JSON type for {column.type!r}")


def _column(table: Table, column: SAColumn[Any]) -> ColumnData:
    facts: dict[str, Any] = dict(column.info)
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint) and constraint.info["column"] == column.name:
            facts.update({k: v for k, v in constraint.info.items() if k != "column"})
    return (
        column.name,
        _type_of(column),
        bool(column.nullable),
        tuple(facts.get("choices", ())),
        facts.get("bounds"),
        bool(facts.get("many", False)),
        bool(facts.get("future", False)),
    )


def _natural_key(table: Table) -> tuple[str, ...]:
    keys = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    others = [key for key in keys if key != ("uid",)]
    if len(others) > 1:
        raise ValueError(f"{table.name}: more than one natural key")
    return others[0] if others else ()


def table_data() -> tuple[Any, ...]:
    import stepwork.store.models  # noqa: F401  (registers the tables)

    tables = []
    for table in SQLModel.metadata.tables.values():
        linked = {fk.parent.name: fk for fk in table.foreign_keys}
        order = list(table.columns.keys())
        columns = tuple(
            _column(table, c)
            for c in table.columns
            if c.name not in ("id", "uid") and c.name not in linked
        )
        links = tuple(
            (
                name,
                f"{name.removesuffix('_id')}_uid",
                fk.column.table.name,
                bool(fk.parent.nullable),
            )
            for name, fk in sorted(linked.items(), key=lambda pair: order.index(pair[0]))
        )
        tables.append(
            (
                table.name,
                columns,
                links,
                _natural_key(table),
                "updated_at" in table.columns,
                table.info.get("ordered"),
            )
        )
    return tuple(tables)


def write(target: Path = TARGET) -> None:
    target.write_text(_HEADER + f"TABLES = {table_data()!r}\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(target)], check=False)


if __name__ == "__main__":
    write()
