"""One sync: send what changed here as a new file, then merge what other devices sent.

Everything between reading this journal's changes and merging other devices' files happens in
one write transaction, each file merged inside a savepoint of its own: a file that cannot be
merged leaves no trace and is tried again next time; a sync that is stopped leaves the journal
as it was (a file it already wrote is sent again, harmlessly, next time).
"""

import contextlib
import fcntl
import io
import json
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from stepwork.errors import UserError
from stepwork.export import jsonfile
from stepwork.export.tables import TABLES, Table
from stepwork.messages import outputs as outputs_messages
from stepwork.messages import privacy as privacy_messages
from stepwork.messages import sync as sync_messages
from stepwork.store import uid_rows
from stepwork.sync import files, keys
from stepwork.sync import state as states

LOCK_FILE = "sync.lock"
Progress = Callable[[int], contextlib.AbstractContextManager[Callable[[int], None]]]
"""Given how many bytes there are to read, a block whose callable is told each file's bytes."""


@dataclass
class Report:
    folder: Path
    sent_records: int = 0
    sent_deletions: int = 0
    sent_name: str | None = None
    sent_kind: str = files.CHANGES
    encrypted: bool = False
    added: int = 0
    updated: int = 0
    deleted: int = 0
    files_in: int = 0
    devices_in: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)
    """Lines about what was left alone (copies, links): nothing held back."""
    held_back: list[str] = field(default_factory=list)
    """Lines about files that were not merged: the sync did not get everything."""
    notes: list[str] = field(default_factory=list)
    compacted: int | None = None
    """Own files replaced by one snapshot (None when not asked or not possible)."""
    compacted_name: str = ""
    committed: bool = False
    """What came in was merged for good (a stop after this leaves it merged)."""


class Stopped(KeyboardInterrupt):
    """A sync stopped (Ctrl-C) after it had sent or merged something: the report says what."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report


def checkpoint(stage: str) -> None:
    """A named point of a sync; the kill tests stop the process at each."""


def _no_progress(_total: int) -> contextlib.AbstractContextManager[Callable[[int], None]]:
    return contextlib.nullcontext(lambda _n: None)


@contextlib.contextmanager
def _sync_lock(data_dir: Path) -> Iterator[None]:
    """One sync at a time for this journal (another stepwork may still read and write it)."""
    from stepwork.store.lock import EXCLUSIVE_WAIT, POLL, _wait

    path = data_dir / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise UserError(outputs_messages.cannot_write_file(path, exc.strerror or str(exc))) from exc
    try:
        deadline = time.monotonic() + _wait(EXCLUSIVE_WAIT)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UserError(sync_messages.SYNC_BUSY) from None
                time.sleep(POLL)
        yield
    finally:
        os.close(fd)


def _passphrase(db_path: Path) -> str | None:
    """The journal's passphrase when it is encrypted (asked once: the journal opens with it
    too), else None."""
    from stepwork.store import encryption

    if not encryption.is_encrypted(db_path):
        return None
    encryption.require()
    try:
        import cryptography  # noqa: F401
    except ImportError:
        raise UserError(privacy_messages.ENCRYPTION_NOT_INSTALLED) from None
    keyfile = encryption.read_keyfile(encryption.sidecar(db_path))
    typed = os.environ.get(encryption.PASSPHRASE_ENV) is None and sys.stdin.isatty()
    tries = encryption.TRIES if typed else 1
    for attempt in range(tries):
        passphrase = encryption.ask_passphrase(privacy_messages.PASSPHRASE_PROMPT)
        try:
            encryption.remember(db_path, encryption.unwrap(keyfile, passphrase))
            return passphrase
        except UserError:
            if attempt == tries - 1:
                raise
            print(privacy_messages.WRONG_PASSPHRASE_AGAIN, file=sys.stderr)
    raise AssertionError("unreachable")


def _stamp_column(table: Table) -> str:
    if table.name == jsonfile.TOMBSTONE:
        return "deleted_at"
    return "updated_at" if table.versioned else "created_at"


def _changed_since(conn: sqlite3.Connection, state: states.State) -> jsonfile.Where | None:
    """What changed since the last sync, with the records those rows point at (an unchanged
    session beside a changed answer): every file can be merged on its own, even where the
    parent was matched to a record of another uid (a counter of the same name)."""
    if state.mark is None:
        return None
    wanted: dict[str, set[int]] = {}

    def where(table: Table) -> tuple[str, tuple[object, ...]]:
        condition = f"t.{_stamp_column(table)} >= ? OR t.id > ?"
        params: tuple[object, ...] = (state.mark, state.ids.get(table.name, 0))
        if wanted.get(table.name):
            condition += " OR t.id IN (SELECT value FROM json_each(?))"
            params += (json.dumps(sorted(wanted[table.name])),)
        return condition, params

    for table in reversed(TABLES):  # children first: a parent's list is whole when reached
        condition, params = where(table)
        for link in table.links:
            found = uid_rows.linked_ids(conn, table.name, link.column, (condition, params))
            wanted.setdefault(link.table, set()).update(found)
    return where


def _highest_ids(conn: sqlite3.Connection) -> dict[str, int]:
    return {t.name: uid_rows.highest_id(conn, t.name) for t in TABLES}


@dataclass
class Folder:
    """What is in the sync folder: data files by device and number, receipts, copies."""

    data: dict[str, dict[int, str]] = field(default_factory=dict)
    receipts: dict[str, dict[str, int]] = field(default_factory=dict)
    copies: list[str] = field(default_factory=list)
    not_files: list[str] = field(default_factory=list)
    """Links and other things under our names: never followed, never merged."""
    sizes: dict[str, int] = field(default_factory=dict)


def _scan(folder: Path) -> Folder:
    found = Folder()
    with os.scandir(folder) as entries:
        for entry in entries:
            named = files.classify(entry.name)
            if named is None:
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if named.kind == "copy":
                found.copies.append(entry.name)
            elif not stat.S_ISREG(info.st_mode):
                found.not_files.append(entry.name)
            elif named.kind == "data":
                found.data.setdefault(named.device, {})[named.seq] = entry.name
                found.sizes[entry.name] = info.st_size
            else:
                with contextlib.suppress(OSError):
                    raw = _read(folder, entry.name)
                    merged = files.read_receipt(raw, named.device) if raw is not None else None
                    if merged is not None:
                        found.receipts[named.device] = merged
    found.copies.sort()
    return found


def _read(folder: Path, name: str) -> bytes | None:
    """A regular file's bytes, never through a link (a link is not ours to follow)."""
    try:
        fd = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return handle.read()


def _head(folder: Path, name: str) -> bytes:
    """The first bytes of a regular file (its header), never through a link."""
    try:
        fd = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return b""
        return handle.read(files.MAX_HEADER + 1)


def _holds_encrypted(folder: Path, seen: Folder) -> bool:
    return any(
        files.sealed_with_key(_head(folder, name))
        for numbered in seen.data.values()
        for name in numbered.values()
    )


class _Merger:
    """Merges other devices' files, in order per device, each in a savepoint."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        folder: Path,
        seen: Folder,
        state: states.State,
        passphrase: str | None,
        report: Report,
    ) -> None:
        self.conn, self.folder, self.seen, self.state = conn, folder, seen, state
        self.passphrase, self.report = passphrase, report
        sent = files.DATA_NAME.fullmatch(report.sent_name or "")
        self.report_sent_seq = int(sent[2]) if sent else 0
        self.refused_devices: set[str] = set()
        self.refused_why: dict[str, list[str]] = {}
        self.plain_devices: list[str] = []
        self.passed_over = False
        self.problems: dict[str, str] = {}
        """File name → why it was not merged (a reason shared by files of one kind)."""
        self.refusals: dict[str, str] = {}
        """File name → the whole line saying why its records could not be merged."""

    def pending_bytes(self) -> int:
        total = 0
        for device, numbered in self.seen.data.items():
            done = self.state.merged.get(device, 0)
            total += sum(self.seen.sizes[n] for s, n in numbered.items() if s > done)
        return total

    def run(self, advance: Callable[[int], None]) -> None:
        # A file may need a record that another device's file brings: go round again while
        # something was merged.
        progress = True
        while progress:
            progress = False
            self.problems.clear()
            self.refusals.clear()
            for device in sorted(self.seen.data):
                if device not in self.refused_devices:
                    progress |= self._device(device, advance)
        held = self.report.held_back
        by_why: dict[str, list[str]] = {}
        for name in sorted(self.problems):
            by_why.setdefault(self.problems[name], []).append(name)
        held.extend(sync_messages.sync_skipped(names, why) for why, names in by_why.items())
        held.extend(self.refusals[name] for name in sorted(self.refusals))
        held.extend(
            sync_messages.sync_devices_refused(sorted(devices), why)
            for why, devices in self.refused_why.items()
        )
        if self.plain_devices:
            held.append(sync_messages.sync_devices_plain(sorted(self.plain_devices)))

    def _device(self, device: str, advance: Callable[[int], None]) -> bool:
        numbered = self.seen.data[device]
        merged_any = False
        while True:
            done = self.state.merged.get(device, 0)
            later = sorted(s for s in numbered if s > done)
            if not later:
                return merged_any
            seq = later[0]
            name = numbered[seq]
            if device == self.state.device and seq == self.report_sent_seq:
                self.state.merged[device] = seq  # the file this sync just wrote
                continue
            opened = self._open(device, seq, name)
            if opened is None and self.passed_over:
                self.passed_over = False
                self.state.merged[device] = seq
                continue
            if opened is not None and seq != done + 1 and opened.kind != files.SNAPSHOT:
                missing = files.data_name(device, done + 1)
                self.problems[name] = sync_messages.sync_waiting_for(missing)
                opened = None
            if opened is None:
                if device in self.refused_devices:
                    return merged_any
                # A later snapshot of that device holds everything the stuck file held (the
                # device sends one when it finds its own file missing or damaged).
                later_snapshot = self._snapshot_after(device, seq)
                if later_snapshot is None:
                    return merged_any
                self.problems.pop(name, None)
                seq, opened = later_snapshot
                name = numbered[seq]
                if opened is None:  # the snapshot this sync just wrote
                    self.state.merged[device] = seq
                    continue
            if not self._merge(name, opened, self.seen.sizes.get(name, 0), advance):
                return merged_any
            checkpoint("merged-a-file")
            self.state.merged[device] = seq
            self.report.files_in += 1
            self.report.devices_in.add(device)
            merged_any = True

    def _snapshot_after(self, device: str, seq: int) -> tuple[int, files.Opened | None] | None:
        """The latest whole snapshot of `device` numbered after `seq` (None for its contents
        where it is the one this sync just wrote), or None if there is none."""
        numbered = self.seen.data[device]
        for later in sorted((s for s in numbered if s > seq), reverse=True):
            if device == self.state.device and later == self.report_sent_seq:
                if self.report.sent_kind == files.SNAPSHOT:
                    return later, None
                continue
            raw = _read(self.folder, numbered[later])
            if raw is None:
                continue
            try:
                opened = files.open_file(raw, device, later, self.passphrase)
            except files.Unreadable:
                continue
            if opened.kind == files.SNAPSHOT:
                return later, opened
        return None

    def _open(self, device: str, seq: int, name: str) -> files.Opened | None:
        raw = _read(self.folder, name)
        if raw is None:
            self.problems[name] = sync_messages.SYNC_FILE_GONE
            return None
        try:
            return files.open_file(raw, device, seq, self.passphrase)
        except files.Unreadable as problem:
            if problem.passed:
                self.passed_over = True
                if device != self.state.device and device not in self.plain_devices:
                    self.plain_devices.append(device)
            elif problem.final and device == self.state.device:
                self.refused_devices.add(device)  # its own files from before: nothing to say
            elif problem.final:
                self.refused_devices.add(device)
                self.refused_why.setdefault(problem.why, []).append(device)
            else:
                self.problems[name] = problem.why
            return None

    def _merge(
        self, name: str, opened: files.Opened, size: int, advance: Callable[[int], None]
    ) -> bool:
        """Merge one file; the progress moves with its records (one big file moves it too)."""
        path = Path(name)  # named in a refusal as it is in the folder
        moved = 0
        try:
            with uid_rows.all_or_nothing(self.conn):
                tables = jsonfile.validate(jsonfile.parse_document(opened.body, path), path)
                total = max(1, sum(len(rows) for rows in tables.values()))
                done = 0

                def tick() -> None:
                    nonlocal done, moved
                    done += 1
                    step = size * min(done, total) // total - moved
                    if step > 0:
                        advance(step)
                        moved += step

                counts = jsonfile.merge(self.conn, tables, path, tick)
        except UserError:
            # Sealed or checksummed as written, yet not records this stepwork reads.
            self.refusals[name] = sync_messages.sync_not_mergeable(name)
            return False
        if size > moved:
            advance(size - moved)
        self.report.added += sum(counts.added.values())
        self.report.updated += sum(counts.updated.values())
        self.report.deleted += sum(counts.deleted.values())
        return True


def _first_broken_slot(
    folder: Path, own: dict[int, str], device: str, last: int, passphrase: str | None
) -> str | None:
    """The name of the latest of this device's own files that is missing, damaged or not its
    own, counting back to its latest snapshot; None when every one opens. Other devices wait
    at such a slot, so a whole snapshot is sent after it."""
    for seq in range(last, 0, -1):
        name = own.get(seq, files.data_name(device, seq))
        raw = _read(folder, name) if seq in own else None
        if raw is None:
            return name
        try:
            opened = files.open_file(raw, device, seq, passphrase)
        except files.Unreadable as problem:
            if problem.passed or problem.final:
                continue  # written before this journal was encrypted, or under an old key
            return name
        if opened.kind == files.SNAPSHOT:
            return None
    return None


def _write(
    folder: Path, name: str, text: str
) -> None:  # a new name, never one that is there: a file is never modified after
    from stepwork import outputs

    with outputs.Folder(folder) as place:
        if os.path.lexists(folder / name) or not place.write("", name, text):
            raise UserError(sync_messages.sync_name_taken(name))


def _checked_folder(folder: Path) -> bool:
    """Refuse a folder that shares stepwork's own, a path that is not a folder, or one whose
    parent is not there either (a typo); True where the folder is new and will be created."""
    from stepwork import outputs

    if outputs.shares_home(folder):
        raise UserError(sync_messages.sync_folder_shares_home(folder, paths_data_dir()))
    if os.path.lexists(folder):
        if not os.path.isdir(folder):
            raise UserError(sync_messages.sync_not_a_folder(folder))
        return False
    if not os.path.isdir(folder.absolute().parent):
        raise UserError(sync_messages.sync_folder_missing(folder))
    return True


def paths_data_dir() -> Path:
    from stepwork.home import paths

    return paths().data_dir


def sync(folder: Path, compact: bool = False, progress: Progress = _no_progress) -> Report:
    from stepwork import outputs
    from stepwork.home import paths
    from stepwork.store import journal_file

    created = _checked_folder(folder)
    outputs.Folder(folder).close()  # refuses the journal's own folder, links to it, a file
    folder = Path(os.path.realpath(folder))
    where = paths()
    report = Report(folder)
    if created:
        report.notes.append(sync_messages.sync_folder_created(folder))
    passphrase = _passphrase(where.database)
    db_path = journal_file.ready()
    try:
        _sync_locked(folder, compact, progress, report, passphrase, db_path)
    except KeyboardInterrupt as stop:
        if report.sent_name is None and not report.committed:
            raise
        raise Stopped(report) from stop
    return report


def _sync_locked(
    folder: Path,
    compact: bool,
    progress: Progress,
    report: Report,
    passphrase: str | None,
    db_path: Path,
) -> None:
    from stepwork.home import paths
    from stepwork.store import journal_file, search_index
    from stepwork.store.values import now_stamp

    where = paths()
    with _sync_lock(where.data_dir):
        state, made = states.load()
        identity = states.journal_identity(db_path)
        synced_before = not made and state.mark is not None  # not only an id kept
        if synced_before and state.journal != identity:
            report.notes.append(sync_messages.SYNC_JOURNAL_CHANGED)
        elif synced_before and state.folder != str(folder):
            report.notes.append(sync_messages.sync_new_folder(folder))
        if made or state.journal != identity or state.folder != str(folder):
            state.mark, state.ids, state.merged = None, {}, {}
        if made:
            # The id is kept before anything is sent under it: a sync stopped after sending
            # must not leave a file under an id this device then forgets.
            states.save(replace(state, journal=identity, folder=str(folder)))
        if passphrase is None and not state.warned_plain:
            report.notes.append(sync_messages.sync_plain_warning(folder))
            state.warned_plain = True
        sealer = files.Sealer(
            passphrase, keys.Kdf(keys.b64decode(state.salt)) if passphrase else None
        )
        report.encrypted = passphrase is not None
        seen = _scan(folder)
        if passphrase is None and _holds_encrypted(folder, seen):
            # Plain text beside encrypted files would undo the encryption the other devices chose.
            raise UserError(sync_messages.sync_plain_into_encrypted(folder))
        if seen.copies:
            report.skipped.append(sync_messages.sync_copies_left_alone(seen.copies))
        # A link under this device's receipt name is replaced by its receipt, not left alone.
        links = sorted(set(seen.not_files) - {files.receipt_name(state.device)})
        if links:
            report.skipped.append(sync_messages.sync_links_left_alone(links))
        own = seen.data.get(state.device, {})
        # A link or anything else under one of this device's names takes its number: it is
        # left alone, and the slot is repaired like a missing file.
        taken = [
            int(found[2])
            for name in seen.not_files
            if (found := files.DATA_NAME.fullmatch(name)) and found[1] == state.device
        ]
        state.seq = max([state.seq, *own, *taken])
        broken = _first_broken_slot(folder, own, state.device, state.seq, passphrase)
        with journal_file.writing() as conn:
            started = now_stamp()
            buffer = io.StringIO()
            whole = broken is not None or state.mark is None
            count = jsonfile.write(
                conn, buffer, where=None if whole else _changed_since(conn, state)
            )
            if count:
                seq = state.seq + 1
                name = files.data_name(state.device, seq)
                kind = files.SNAPSHOT if whole else files.CHANGES
                _write(
                    folder,
                    name,
                    files.seal(state.device, seq, kind, buffer.getvalue(), sealer),
                )
                report.sent_name, report.sent_kind = name, kind
                tables = json.loads(buffer.getvalue()).get("tables", {})
                report.sent_deletions = len(tables.get(jsonfile.TOMBSTONE, []))
                report.sent_records = count - report.sent_deletions
                if broken is not None:
                    report.notes.append(sync_messages.sync_repaired(broken, name))
                seen.data.setdefault(state.device, {})[seq] = name
                seen.sizes[name] = 0
                state.seq = seq
                checkpoint("sent")
            merger = _Merger(conn, folder, seen, state, passphrase, report)
            with progress(merger.pending_bytes()) as advance:
                merger.run(advance)
            if report.added or report.updated or report.deleted:
                search_index.optimize(conn)
            state.mark, state.ids = started, _highest_ids(conn)
        report.committed = True
        checkpoint("committed")
        state.journal, state.folder = identity, str(folder)
        _send_receipt(folder, seen, state)
        states.save(state)
        if compact:
            report.compacted = _compact(folder, seen, state, sealer, report)
            _send_receipt(folder, seen, state)
            states.save(state)


def _send_receipt(folder: Path, seen: Folder, state: states.State) -> None:
    if seen.receipts.get(state.device) == state.merged:
        return
    from stepwork import outputs

    name = files.receipt_name(state.device)
    with outputs.Folder(folder) as place:
        if not place.write("", name, files.receipt(state.device, state.merged)):
            # A link under this device's receipt name: the name is ours, the link goes (never
            # what it points at), so other devices can read the receipt.
            place.remove_link("", name)
            place.write("", name, files.receipt(state.device, state.merged))
    seen.receipts[state.device] = dict(state.merged)


def _compact(
    folder: Path, seen: Folder, state: states.State, sealer: files.Sealer, report: Report
) -> int | None:
    """Replace this device's files with one snapshot, once every other device has merged them."""
    from stepwork import outputs
    from stepwork.store import journal_file

    own = sorted(seen.data.get(state.device, {}))
    if len(own) < 2:
        report.notes.append(sync_messages.SYNC_NOTHING_TO_COMPACT)
        return None
    others = (set(seen.data) | set(seen.receipts)) - {state.device}
    behind = sorted(d for d in others if seen.receipts.get(d, {}).get(state.device, 0) < own[-1])
    if behind:
        report.notes.append(sync_messages.sync_not_compacted(behind))
        return None
    with journal_file.reading() as conn:
        buffer = io.StringIO()
        jsonfile.write(conn, buffer)
    seq = state.seq + 1
    name = files.data_name(state.device, seq)
    _write(folder, name, files.seal(state.device, seq, files.SNAPSHOT, buffer.getvalue(), sealer))
    state.seq = seq
    state.merged[state.device] = seq
    checkpoint("snapshot-written")
    removed = 0
    with outputs.Folder(folder) as place:
        for old in own:
            if place.remove("", seen.data[state.device][old]):
                removed += 1
                checkpoint("removed-a-file")
    seen.data[state.device] = {seq: name}
    report.compacted_name = name
    return removed
