"""What this device remembers between syncs, in `sync.json` in stepwork's data folder.

The device id is made once and kept here, not in the journal. Beside it: which journal file
and which folder it last synced, and where (a hash of the machine's id, its name and the data
folder's path). A copied home on another machine, or a copied data folder, gets a new device id,
so two devices never write under one id; a journal file that is not the one last synced (a
restore, `encrypt`, a copy) or another folder means everything is sent and read again, which
merging makes harmless.
"""

import contextlib
import hashlib
import json
import os
import socket
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from stepwork.home import paths, write_private_file
from stepwork.sync import files, keys

STATE_FILE = "sync.json"


@dataclass
class State:
    device: str
    place: str
    salt: str
    journal: str = ""
    folder: str = ""
    seq: int = 0
    """The last sequence number this device wrote."""
    mark: str | None = None
    """When the last sync began: rows stamped at or after it are sent next time."""
    ids: dict[str, int] = field(default_factory=dict)
    """Each table's highest row id after the last sync: rows added since are sent too,
    whatever their stamps (an import keeps a record's own times)."""
    merged: dict[str, int] = field(default_factory=dict)
    """For each device (this one too), the last of its files merged here."""
    warned_plain: bool = False


def state_path() -> Path:
    return paths().data_dir / STATE_FILE


def place() -> str:
    """Where this home is: the same on every run here, different for a copy elsewhere."""
    machine = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        with contextlib.suppress(OSError):
            machine = Path(candidate).read_text(encoding="ascii", errors="replace").strip()
            break
    where = os.path.realpath(paths().data_dir)
    text = "\0".join((machine, socket.gethostname(), where))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def journal_identity(db_path: Path) -> str:
    st = os.stat(db_path)
    return f"{st.st_dev}:{st.st_ino}"


def fresh() -> State:
    return State(device=files.new_device(), place=place(), salt=keys.b64(keys.new_salt()))


def _valid(data: Any) -> State | None:
    try:
        state = State(**data)
    except TypeError:
        return None
    ok = (
        isinstance(state.device, str)
        and files.DEVICE.fullmatch(state.device) is not None
        and all(isinstance(v, str) for v in (state.place, state.salt, state.journal, state.folder))
        and type(state.seq) is int
        and state.seq >= 0
        and (state.mark is None or isinstance(state.mark, str))
        and isinstance(state.ids, dict)
        and all(isinstance(k, str) and type(v) is int for k, v in state.ids.items())
        and isinstance(state.merged, dict)
        and all(
            isinstance(k, str) and files.DEVICE.fullmatch(k) and type(v) is int
            for k, v in state.merged.items()
        )
        and isinstance(state.warned_plain, bool)
        and keys.kdf_from_header({**keys.Kdf(b"").as_header(), "salt": state.salt}) is not None
    )
    return state if ok else None


def load() -> tuple[State, bool]:
    """This device's state, and whether it had to be made afresh (first sync, or a home
    copied from elsewhere: then a new device id)."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        data = None
    state = _valid(data) if isinstance(data, dict) else None
    if state is None or state.place != place():
        return fresh(), True
    return state, False


def save(state: State) -> None:
    write_private_file(state_path(), json.dumps(asdict(state), indent=2, sort_keys=True) + "\n")
