"""Where the person is with each step, read in plain SQL (the dashboard and `steps` show it)."""

from dataclasses import dataclass
from datetime import date, datetime

from stepwork.store import journal
from stepwork.store.values import read_stamp


@dataclass(frozen=True)
class StepSummary:
    step: int
    sessions: int
    open_sessions: int
    finished_sessions: int
    last_worked: datetime | None


def step_summaries() -> dict[int, StepSummary]:
    with journal.reading() as conn:
        rows = conn.execute(
            "SELECT step, COUNT(*) AS sessions, SUM(status = 'open') AS open, "
            "MAX(updated_at) AS last FROM guided_session WHERE step IS NOT NULL GROUP BY step"
        ).fetchall()
    return {
        r["step"]: StepSummary(
            step=r["step"],
            sessions=r["sessions"],
            open_sessions=int(r["open"] or 0),
            finished_sessions=r["sessions"] - int(r["open"] or 0),
            last_worked=read_stamp(r["last"]) if r["last"] else None,
        )
        for r in rows
    }


def finished_on(flow: str, day: date) -> bool:
    with journal.reading() as conn:
        row = conn.execute(
            "SELECT 1 FROM guided_session WHERE flow = ? AND local_date = ? "
            "AND status = 'finished' LIMIT 1",
            (flow, day.isoformat()),
        ).fetchone()
        return row is not None
