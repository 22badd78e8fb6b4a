"""Where things live: SQL only in store/, and store/ never reaching up into kinds/, export/ or
the command line (docs/development.md, "Layout")."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "stepwork"


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _calls_execute(tree: ast.AST) -> bool:
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("execute", "executemany", "executescript")
        for node in ast.walk(tree)
    )


def _imports(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_sql_runs_only_in_the_store():
    outside = [
        str(path.relative_to(SRC))
        for path in _modules(SRC)
        if "store" not in path.relative_to(SRC).parts
        and _calls_execute(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert outside == []


def test_the_store_does_not_import_the_layers_above_it():
    above = ("stepwork.kinds", "stepwork.export", "stepwork.cli")
    reaching = {
        str(path.relative_to(SRC)): sorted(
            name
            for name in _imports(ast.parse(path.read_text(encoding="utf-8")))
            if name.startswith(above)
        )
        for path in _modules(SRC / "store")
    }
    assert {name: found for name, found in reaching.items() if found} == {}


def test_only_the_schema_definition_imports_sqlmodel():
    users = sorted(
        str(path.relative_to(SRC))
        for path in _modules(SRC)
        if any(
            name.split(".")[0] in ("sqlmodel", "sqlalchemy")
            for name in _imports(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert users == ["store/models.py", "store/schema_gen.py"]


def test_nothing_below_the_command_line_imports_it():
    reaching = sorted(
        str(path.relative_to(SRC))
        for path in _modules(SRC)
        if path.relative_to(SRC).parts[0] not in ("cli", "__main__.py")
        and any(
            name == "stepwork.cli" or name.startswith("stepwork.cli.")
            for name in _imports(ast.parse(path.read_text(encoding="utf-8")))
        )
    )
    assert reaching == []


def _run_time_imports(tree: ast.Module) -> set[str]:
    """What a module imports when it runs (not what it names only for type checking)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []
    return _imports(tree)


def test_the_rules_and_the_parsers_neither_print_nor_read_the_journal():
    """domain/ and parse/ hold values and rules: no terminal (Rich) and no store."""
    found = {
        str(path.relative_to(SRC)): sorted(
            name
            for name in _run_time_imports(ast.parse(path.read_text(encoding="utf-8")))
            if name.startswith(("stepwork.store", "rich"))
        )
        for folder in ("domain", "parse")
        for path in _modules(SRC / folder)
    }
    assert {name: names for name, names in found.items() if names} == {}
