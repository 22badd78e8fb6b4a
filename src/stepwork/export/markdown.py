"""One readable markdown document of the journal: sections by area, the inventory as tables.

It is written record by record as it is read, so a journal of any size exports in flat memory.
It reads well on GitHub and in Obsidian.
"""

import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from typing import IO

from stepwork.content import step_titles
from stepwork.content.inventory import SECTIONS, columns
from stepwork.content.inventory import label as section_label
from stepwork.controls import visible
from stepwork.domain import network
from stepwork.domain.inventory import column_values
from stepwork.domain.states import AMENDS_STATUS_WORDS
from stepwork.kinds import KINDS, Filters
from stepwork.messages import app as app_messages
from stepwork.messages import sober as sober_messages
from stepwork.messages.common import plural
from stepwork.parse import dates
from stepwork.store import exports, records

STATUS_WORDS = {
    **{status.value: words for status, words in AMENDS_STATUS_WORDS.items()},
}


# What a person writes is shown exactly, and can never change the document's structure: a line
# that could open a block (a heading, a setext underline, a thematic break, a code fence, an HTML
# block or comment, a list, a quote, a table) has its first mark escaped with a backslash, and
# every `<` is written as `&lt;`, so no raw HTML passes. Inline marks (*emphasis*) still work.
_BLOCK_START = re.compile(r"[ \t]*(?:[#=*_+>`~|-]|\d{1,9}[.)])")
_INLINE_MARKS = re.compile(r"([\\`*_\[\]<>#|~!&])")
# Obsidian's `[[link]]`, `![[embed]]` and `#tag`: each opening mark gets a backslash.
_LINK_OR_TAG = re.compile(r"\[\[|#(?=\w)")


def block_line(line: str) -> str:
    """One line of free text, unable to start a block of its own, or to make an Obsidian link,
    embed or tag in a vault."""
    line = _LINK_OR_TAG.sub(lambda mark: "\\" + "\\".join(mark.group()), line)
    found = _BLOCK_START.match(line)
    if found:
        end = found.end()
        line = line[: end - 1] + "\\" + line[end - 1 :]
    return line.replace("<", "&lt;")


def _lines(text: str) -> list[str]:
    """A person's lines, with controls and invisible characters shown as the terminal shows
    them (before splitting: Python also splits at form feeds and U+2028)."""
    shown = visible(text.replace("\r\n", "\n")).strip()
    return shown.split("\n") if shown else []


def block_lines(text: str) -> list[str]:
    return [block_line(line.rstrip()) for line in _lines(text)]


def inline(text: str | None) -> str:
    """Text for inside a line we write (a heading, bold, a list item): one line, no marks."""
    return _INLINE_MARKS.sub(r"\\\1", " ".join(visible(text or "").split()))


def cell(text: str | None) -> str:
    """Text made safe for one markdown table cell (line breaks shown as <br>)."""
    if not text:
        return ""
    return " <br> ".join(inline(line) for line in _lines(text) if line.strip())


def quote(text: str) -> str:
    """A blockquote keeping the writer's line breaks (two trailing spaces: a hard break)."""
    lines = block_lines(text)
    quoted = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1 or not lines[index + 1]
        quoted.append(f"> {line}" + ("" if last or not line else "  ") if line else ">")
    return "\n".join(quoted)


_PLAN_PEOPLE = tuple(network.PLAN_PEOPLE_KEYS)


class Writer:
    def __init__(
        self, conn: sqlite3.Connection, out: IO[str], f: Filters, tick: Callable[[], None]
    ):
        self.conn, self.out, self.f, self.tick = conn, out, f, tick

    def wants(self, kind: str) -> bool:
        return not self.f.kinds or kind in self.f.kinds

    def ids(self, kind: str) -> Iterator[int]:
        return KINDS[kind].ids(self.conn, self.f) if self.wants(kind) else iter(())

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    # -- sections --------------------------------------------------------------------------

    def sessions(self, kind: str, heading: str) -> None:
        if not self.wants(kind):
            return
        where, params = KINDS[kind].where(self.f)
        # The coping plan's people to call are other people's names: only with --with-people.
        leave_out = () if self.f.people else _PLAN_PEOPLE
        rows = exports.session_texts(self.conn, where, params, leave_out)
        titles = step_titles()
        write, current = self.out.write, None
        for session_id, step, local_date, status, question, text in rows:
            if current is None:
                write(f"## {heading}\n\n")
            if session_id != current:
                current = session_id
                title = heading
                if kind == "step":  # a step number from before imports were checked is shown
                    title = f"Step {step} · {titles.get(step, app_messages.UNKNOWN_STEP)}"
                state = " (in progress)" if status == "open" else ""
                day = dates.local_day(date.fromisoformat(local_date))
                write(f"### {title}: {day}{state}\n\n")
                self.tick()
            if question is not None:
                write(f"**{inline(question)}**\n\n{quote(text)}\n\n")

    def inventory(self, item_filter: str = "", params: tuple = ()) -> None:
        if not self.wants("inventory"):
            return
        wanted = set(self.ids("inventory"))
        if not wanted:
            return
        self.line("## Inventory\n")
        for section in SECTIONS:
            rows = exports.section_items(self.conn, section, item_filter, params)
            rows = [r for r in rows if r["id"] in wanted]
            if not rows:
                continue
            headings = [c.heading for c in columns(section)]
            self.line(f"### {section_label(section)}\n")
            self.line("| " + " | ".join(["ID", *headings, "Notes"]) + " |")
            self.line("|---" * (len(headings) + 2) + "|")
            for r in rows:
                self.line(self._inventory_row(section, r))
                self.tick()
            self.line()

    def _inventory_row(self, section: str, r: sqlite3.Row) -> str:
        answers = exports.item_answers(self.conn, r["id"])
        notes = []
        if r["for_therapist"]:
            notes.append("for a therapist")
        if r["for_sponsor"]:
            notes.append("for a sponsor")
        if answers.get("amends") == "yes":
            notes.append("owes amends")
        for share in records.item_shares(self.conn, r["id"]):
            notes.append(f"shared with {share['shared_with']} on {share['shared_on']}")
        cells = [
            f"i{r['id']}",
            *(text for _, text in column_values(section, answers, bool(r["for_therapist"]))),
        ]
        return "| " + " | ".join(cell(c) for c in [*cells, ", ".join(notes)]) + " |"

    def amends(self) -> None:
        ids = list(self.ids("amends"))
        if not ids:
            return
        self.line("## Amends\n")
        self.line("| ID | Person | Harm | Kind | Status | Planned | Notes |")
        self.line("|---|---|---|---|---|---|---|")
        for amends_id in ids:
            a = exports.amends_row(self.conn, amends_id)
            kind = (a["kind"] or "") + (" (would injure: not direct)" if a["would_injure"] else "")
            cells = [
                f"a{a['id']}",
                a["person"],
                a["harm"],
                kind,
                STATUS_WORDS[a["status"]],
                a["planned_on"] or "",
                a["notes"],
            ]
            self.line("| " + " | ".join(cell(c) for c in cells) + " |")
            self.tick()
        self.line()

    def checkins(self) -> None:
        if not self.wants("checkin"):
            return
        where, params = KINDS["checkin"].where(self.f)
        rows = exports.checkin_table(self.conn, where, params)
        write, first = self.out.write, True
        for day, mood, craving, halt, meetings, gratitude, triggers, note in rows:
            if first:
                write("## Check-ins\n\n")
                write(
                    "| Day | Mood | Craving | HALT | Meetings | Grateful for | Triggers | Note |\n"
                )
                write("|---|---|---|---|---|---|---|---|\n")
                first = False
            cells = (
                day,
                "" if mood is None else str(mood),
                "" if craving is None else str(craving),
                cell(halt.replace(",", ", ")),
                cell(meetings),
                cell(gratitude),
                cell(triggers),
                cell(note),
            )
            write("| " + " | ".join(cells) + " |\n")
            self.tick()
        if not first:
            self.line()

    def rows(self, kind: str, table: str, order: str) -> Iterator[sqlite3.Row]:
        """Every record of a kind that the filters allow, in one query."""
        if not self.wants(kind):
            return iter(())
        where, params = KINDS[kind].where(self.f)
        return exports.rows_in_order(self.conn, table, where, params, order)

    def simple_list(
        self, kind: str, table: str, heading: str, fmt: Callable[[sqlite3.Row], str]
    ) -> None:
        first = True
        for row in self.rows(kind, table, "local_date, id"):
            if first:
                self.line(f"## {heading}\n")
                first = False
            self.line(fmt(row))
            self.tick()
        if not first:
            self.line()

    def notes(self) -> None:
        first = True
        for n in self.rows("note", "note", "written_at, id"):
            if first:
                self.line("## Journal notes\n")
                first = False
            star = " ★" if n["starred"] else ""
            self.line(f"### {inline(n['title']) or 'Note'}{star}: {n['local_date']}\n")
            if n["body"].strip():
                self.line(quote(n["body"]) + "\n")
            if n["tags"]:
                self.line("Tags: " + ", ".join(inline(t) for t in n["tags"].split(",")) + "\n")
            self.tick()

    def people(self) -> None:
        """The network and reaching out: only when asked for with --with-people."""
        if not self.f.people:
            return
        from stepwork import settings
        from stepwork.domain import network

        names = network.role_names(settings.load()["role_names"])
        rows = exports.people_hard_moments_first(self.conn)
        first = True
        for p in rows:
            if first:
                self.line("## My people\n")
                self.line("| Name | Role | How to reach | Note |")
                self.line("|---|---|---|---|")
                first = False
            star = " ★" if p["hard_moments"] else ""
            role = names.get(p["role"], p["role"])
            self.line(
                f"| {cell(p['name'])}{star} | {role} | {cell(p['reach'])} | {cell(p['note'])} |"
            )
            self.tick()
        if first:
            return
        self.line()
        where, params = KINDS["reached"].where(self.f)
        contacts = exports.contacts_with_names(self.conn, where, params)
        if contacts:
            self.line("### Reaching out\n")
            for c in contacts:
                how = f" ({c['how']})" if c["how"] else ""
                note = f": {cell(c['note'])}" if c["note"] else ""
                self.line(f"- {c['local_date']}: {cell(c['name'])}{how}{note}")
                self.tick()
            self.line()

    def counters(self) -> None:
        if self.f.kinds or self.f.step is not None:
            return
        counters = exports.counters_with_deleted(self.conn)
        if not counters:
            return
        from stepwork import settings

        word = settings.load()["time_word"]
        self.line(f"## {sober_messages.time_title(word)}\n")
        for c in counters:
            deleted = f" {sober_messages.DELETED_MARK}" if c["deleted"] else ""
            self.line(f"- **{inline(c['name'])}**{deleted}: {word} since {c['started_on']}")
            for run in exports.earlier_runs(self.conn, c["id"]):
                note = f": {cell(run['note'])}" if run["note"] else ""
                self.line(f"  - earlier: {run['started_on']} to {run['ended_on']}{note}")
        self.line()


# --- a packet for someone: "For my therapist", "For my sponsor" -----------------------------

TREND_DAYS = 30
PACKET_TITLES = {"therapist": "For my therapist", "sponsor": "For my sponsor"}


def _packet_filter(for_whom: str) -> tuple[str, tuple[str, ...]]:
    """Items marked for a sponsor or a therapist, or shared with whoever is named."""
    who = for_whom.strip().lower()
    flag = {"sponsor": " OR i.for_sponsor", "therapist": " OR i.for_therapist"}.get(who, "")
    # Shared with the sponsor (or therapist) by name, as step five offers them from the network.
    by_role = (
        " OR lower(s.shared_with) IN (SELECT lower(name) FROM person WHERE role = ?)"
        if flag
        else ""
    )
    condition = (
        "AND (EXISTS (SELECT 1 FROM inventory_share s WHERE s.item_id = i.id "
        f"AND (lower(s.shared_with) = ?{by_role})){flag})"
    )
    return condition, (who, who) if flag else (who,)


def _trend_start() -> str:
    from datetime import timedelta

    return (dates.today() - timedelta(days=TREND_DAYS - 1)).isoformat()


def packet_is_empty(conn: sqlite3.Connection, for_whom: str, with_trends: bool) -> bool:
    """Nothing to put in the packet: no item for them and (if asked) no recent check-in or plan."""
    condition, params = _packet_filter(for_whom)
    if exports.any_item(conn, condition, params):
        return False
    if not with_trends:
        return True
    recent = exports.any_checkin_since(conn, _trend_start())
    return not recent and exports.latest_plan(conn) is None


def packet_title(for_whom: str) -> str:
    """'For my therapist', 'For my sponsor', or 'For NAME' (plain text, not yet escaped)."""
    return PACKET_TITLES.get(for_whom.strip().lower(), f"For {' '.join(for_whom.split())}")


def packet(w: Writer, for_whom: str, with_trends: bool, today: str) -> None:
    w.line(f"# {inline(packet_title(for_whom))}\n")
    w.line(f"From my stepwork journal, exported {today}. Chosen by me to bring.\n")
    condition, params = _packet_filter(for_whom)
    w.inventory(condition, params)
    if with_trends:
        trends(w)
        coping_plan(w)
    w.people()


def trends(w: Writer) -> None:
    """The last 30 days of check-ins, one row each: mood, craving, HALT, triggers."""
    rows = exports.checkins_since(w.conn, _trend_start())
    w.line(f"## The last {TREND_DAYS} days\n")
    if not rows:
        w.line("No check-ins in these days.\n")
        return
    moods = [r["mood"] for r in rows if r["mood"] is not None]
    cravings = [r["craving"] for r in rows if r["craving"] is not None]
    summary = [plural(len(rows), "check-in")]
    if moods:
        summary.append(f"mood averaged {sum(moods) / len(moods):.1f} (1 very low to 10)")
    if cravings:
        summary.append(f"craving averaged {sum(cravings) / len(cravings):.1f} (0 none to 10)")
    w.line("; ".join(summary) + ".\n")
    w.line("| Day | Mood | Craving | HALT | Triggers |")
    w.line("|---|---|---|---|---|")
    for r in rows:
        cells = [
            r["local_date"],
            "" if r["mood"] is None else str(r["mood"]),
            "" if r["craving"] is None else str(r["craving"]),
            r["halt"].replace(",", ", "),
            cell(r["triggers"]),
        ]
        w.line("| " + " | ".join(cells) + " |")
        w.tick()
    w.line()


def coping_plan(w: Writer) -> None:
    session = exports.latest_plan(w.conn)
    w.line("## My coping plan\n")
    if session is None:
        w.line("Not written yet.\n")
        return
    from stepwork import settings
    from stepwork.content import daily_questions

    headings = {q.key: q.heading for q in daily_questions("plan", settings.load()) if q.heading}
    # The people to call are other people's names and numbers: only with --with-people.
    leave_out = () if w.f.people else _PLAN_PEOPLE
    for a in exports.written_answers(w.conn, session, leave_out):
        heading = headings.get(a["question_key"], a["question_text"])
        w.line(f"**{inline(heading)}**\n\n{quote(a['text'])}\n")


def date_range(conn: sqlite3.Connection, f: Filters) -> tuple[str, str] | None:
    if f.since and f.until:
        return f.since.isoformat(), f.until.isoformat()
    row = exports.days_written(conn)
    if row is None:
        return None
    first = f.since.isoformat() if f.since else row[0]
    last = f.until.isoformat() if f.until else row[1]
    return first, last


def write(
    conn: sqlite3.Connection,
    out: IO[str],
    f: Filters,
    for_whom: str | None = None,
    tick: Callable[[], None] = lambda: None,
    with_trends: bool = False,
) -> None:
    today = dates.local_day(dates.today())
    w = Writer(conn, out, f, tick)
    if for_whom:
        packet(w, for_whom, with_trends, today)
        return
    w.line("# My stepwork journal\n")
    span = date_range(conn, f)
    covering = f" · covering {span[0]} to {span[1]}" if span else ""
    w.line(f"Exported {today}{covering}. Private: written by me, for me.\n")
    w.sessions("step", "Step work")
    w.inventory()
    w.amends()
    w.checkins()
    w.sessions("review", "Nightly reviews")
    w.sessions("morning", "Mornings")
    w.sessions("plan", "Coping plan")
    w.simple_list(
        "gratitude",
        "daily_entry",
        "Gratitude",
        lambda r: f"- {r['local_date']}: {cell(r['text'])}",
    )
    w.simple_list(
        "service",
        "service",
        "Service and carrying the message",
        lambda r: (
            f"- {r['local_date']}: {cell(r['what'])}"
            + (" (carrying the message)" if r["carried_message"] else "")
            + (f". {cell(r['note'])}" if r["note"] else "")
        ),
    )
    w.counters()
    w.notes()
    w.people()


def count(conn: sqlite3.Connection, f: Filters) -> int:
    return sum(
        sum(1 for _ in kind.ids(conn, f))
        for name, kind in KINDS.items()
        if (not f.kinds or name in f.kinds) and (f.people or not kind.private)
    )
