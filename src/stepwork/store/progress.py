"""Where the person is with each step, read in plain SQL (the dashboard and `steps` show it).

Most steps are worked in guided sessions. Some steps' work lives in tables of its own: sharing
the inventory (step 5) and the amends list (steps 8 and 9). Those count too.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from stepwork.store import journal_file
from stepwork.store.values import read_stamp

WORK_ELSEWHERE = {
    5: "SELECT COUNT(*), MAX(created_at) FROM inventory_share",
    # A person listed from the inventory is not yet step 8 worked: someone added by hand, or
    # one whose willingness, kind or notes were given, is.
    8: "SELECT COUNT(*), MAX(updated_at) FROM amends WHERE item_id IS NULL "
    "OR status != 'not_willing' OR kind IS NOT NULL OR notes != ''",
    9: "SELECT COUNT(*), MAX(updated_at) FROM amends WHERE status IN ('planned', 'made') "
    "OR planned_on IS NOT NULL",
}
"""For a step whose work is kept outside guided sessions: how many records, and the latest."""

LISTED_FOR_STEP_8 = "SELECT COUNT(*) FROM amends"


@dataclass(frozen=True)
class StepSummary:
    step: int
    sessions: int
    open_sessions: int
    finished_sessions: int
    last_worked: datetime | None
    records: int = 0
    """Work kept outside guided sessions: items shared, people listed, amends planned or made."""
    items: int = 0
    """Inventory items (step 4): each is a guided session of its own, counted apart."""
    listed: int = 0
    """Step 8: people on the amends list, some perhaps only listed from the inventory."""

    @property
    def worked(self) -> bool:
        return bool(self.finished_sessions or self.records)


def step_summaries() -> dict[int, StepSummary]:
    with journal_file.reading() as conn:
        rows = conn.execute(
            "SELECT step, COUNT(*) AS sessions, SUM(status = 'open') AS open, "
            "SUM(flow LIKE 'inventory-%') AS items, "
            "MAX(updated_at) AS last FROM guided_session WHERE step IS NOT NULL GROUP BY step"
        ).fetchall()
        elsewhere = {step: conn.execute(sql).fetchone() for step, sql in WORK_ELSEWHERE.items()}
        listed = conn.execute(LISTED_FOR_STEP_8).fetchone()[0]
    summaries = {
        r["step"]: StepSummary(
            step=r["step"],
            sessions=r["sessions"] - int(r["items"] or 0),
            open_sessions=int(r["open"] or 0),
            finished_sessions=r["sessions"] - int(r["open"] or 0),
            last_worked=read_stamp(r["last"]) if r["last"] else None,
            items=int(r["items"] or 0),
        )
        for r in rows
    }
    for step, (count, last) in elsewhere.items():
        if not count:
            continue
        found = summaries.get(step, StepSummary(step, 0, 0, 0, None))
        latest = read_stamp(last) if last else None
        if found.last_worked is not None and latest is not None:
            latest = max(latest, found.last_worked)
        summaries[step] = replace(found, last_worked=latest or found.last_worked, records=count)
    if listed:
        found = summaries.get(8, StepSummary(8, 0, 0, 0, None))
        summaries[8] = replace(found, listed=listed)
    return summaries


def finished_on(flow: str, day: date) -> bool:
    with journal_file.reading() as conn:
        row = conn.execute(
            "SELECT 1 FROM guided_session WHERE flow = ? AND local_date = ? "
            "AND status = 'finished' LIMIT 1",
            (flow, day.isoformat()),
        ).fetchone()
        return row is not None
