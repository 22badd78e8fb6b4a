"""`stepwork defects`, and steps six and seven asked over the defects the inventory names."""

import typer
from rich.table import Table

from stepwork import render
from stepwork.cli import panels
from stepwork.cli.inventory import item_label
from stepwork.cli.steps import STEP_FLOWS, GuideRun, run_step_guide
from stepwork.content import Question
from stepwork.domain import inventory
from stepwork.messages import defects as defects_messages

commands = typer.Typer(add_completion=False)


def _defects() -> "list[inventory.Defect]":
    from stepwork.store import inventory as store

    return inventory.defects(store.list_items())


@commands.command("defects", rich_help_panel=panels.STEP_WORK)
def defects_command(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Character defects counted from the my-part column, with what to practise instead."""
    found = _defects()
    if as_json:
        rows = [
            {
                "defect": d.name,
                "count": len(d.item_ids),
                "practise": d.opposite,
                "items": [item_label(i) for i in d.item_ids],
            }
            for d in found
        ]
        typer.echo(render.json_text(rows, indent=2, ensure_ascii=False))
        return
    out = render.console()
    if not found:
        out.print(defects_messages.DEFECTS_EMPTY)
        return
    table = Table(title=defects_messages.DEFECTS_TITLE, title_justify="left")
    table.add_column("Defect", style="bold")
    table.add_column("Times", justify="right")
    table.add_column("Practise instead")
    table.add_column("Items")
    for d in found:
        table.add_row(
            d.name, str(len(d.item_ids)), d.opposite, " ".join(item_label(i) for i in d.item_ids)
        )
    out.print(table)


def _defect_questions(step_number: int) -> tuple[Question, ...]:
    questions = []
    for d in _defects():
        if step_number == 6:
            text = defects_messages.defect_ready_question(d.name, len(d.item_ids))
            questions.append(Question(key=f"ready-{d.name}", text=text, section=d.name))
        else:
            text = defects_messages.defect_practice_question(d.name, d.opposite)
            questions.append(Question(key=f"practise-{d.name}", text=text, section=d.name))
    return tuple(questions)


STEP_FLOWS[6] = lambda new: run_step_guide(6, new, GuideRun(extra=_defect_questions(6)))
STEP_FLOWS[7] = lambda new: run_step_guide(7, new, GuideRun(extra=_defect_questions(7)))
