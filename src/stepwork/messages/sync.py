"""One journal on every device: stepwork sync."""

from pathlib import Path

SYNC_DIR_DESCRIPTION = (
    "The folder stepwork sync uses when none is named: one that Syncthing, a cloud folder "
    "or git carries to your other devices."
)
SYNC_NEEDS_FOLDER = (
    "Name the shared folder: stepwork sync DIR (or once: stepwork config sync_dir DIR)."
)
SYNC_FOLDER_CONTROLS = "a folder name may not hold control characters (such as Escape)"
SYNC_BUSY = "Another stepwork sync is running for this journal. Try again when it has finished."
SYNC_FILE_INCOMPLETE = "it is not complete (perhaps still arriving)."
SYNC_FILE_DAMAGED = "it is damaged, or was changed after it was written."
SYNC_FILE_TOO_NEW = "it was written by a newer stepwork; please update stepwork on this device."
SYNC_FILE_MISNAMED = "its name does not match what it holds (a copy or a renamed file?)."
SYNC_FILE_ENCRYPTED_HERE_PLAIN = (
    "its files are encrypted and this journal is not; encrypt this journal with the same "
    "passphrase (stepwork encrypt) to read them."
)
SYNC_FILE_OTHER_PASSPHRASE = (
    "its files were encrypted with another passphrase; use the same passphrase on every device "
    "(stepwork passphrase)."
)
SYNC_FILE_PLAIN_HERE_ENCRYPTED = "it is plain text, and this journal is encrypted."
SYNC_FILE_GONE = "it could not be read (removed while stepwork was reading, or not a file)."
SYNC_JOURNAL_CHANGED = (
    "This journal is not the file this device last synced (restored, encrypted, decrypted or "
    "copied): all of it is sent, and every file in the folder is read again."
)
SYNC_NOTHING_TO_COMPACT = "Nothing to compact: this device has one file in the folder at most."
SYNC_PROGRESS = "Merging"
SYNC_NOTHING_NEW = "Nothing new to send or to receive: already in step."
SYNC_NOTHING_SENT = "Nothing new to send."
SYNC_NOTHING_RECEIVED = "Nothing new to receive."


SHOWN_NAMES = 3


def _names(names: list[str]) -> str:
    """A few names, and how many more: one line however many there are."""
    shown = ", ".join(names[:SHOWN_NAMES])
    more = len(names) - SHOWN_NAMES
    return f"{shown} and {more:,} more" if more > 0 else shown


def _files(count: int) -> str:
    return f"{count:,} file{'s' if count != 1 else ''}"


def _devices(count: int) -> str:
    return f"{count:,} device{'s' if count != 1 else ''}"


def sync_skipped(names: list[str], why: str) -> str:
    if len(names) == 1:
        return f"Skipped {names[0]}: {why} It is tried again at the next sync."
    return (
        f"Skipped {_files(len(names))} ({_names(names)}): {why} They are tried again at the "
        "next sync."
    )


def sync_not_mergeable(name: str) -> str:
    return (
        f"Skipped {name}: what it holds is not in the form this stepwork reads (written by a "
        "newer stepwork?). It is tried again at the next sync; updating stepwork on every "
        "device settles it."
    )


def sync_copies_left_alone(names: list[str]) -> str:
    what = "a copy" if len(names) == 1 else f"{len(names):,} copies"
    return (
        f"Left alone {what} that a sync tool made ({_names(names)}): conflict copies or "
        "half-copied files are never read, as each file is read under its own name. "
        "They may be deleted."
    )


def sync_links_left_alone(names: list[str]) -> str:
    return (
        f"Left alone {_names(names)}: a link or something else that is not a file, under a "
        "name stepwork uses; never followed."
    )


def sync_waiting_for(missing: str) -> str:
    return f"waiting for {missing}, which comes before it and has not arrived."


def sync_devices_refused(devices: list[str], why: str) -> str:
    return f"Skipped the files of {_devices(len(devices))} ({_names(devices)}): {why}"


def sync_devices_plain(devices: list[str]) -> str:
    return (
        f"Passed over the plain files of {_devices(len(devices))} ({_names(devices)}): this "
        "journal is encrypted, so plain files are never merged (anyone who can write to the "
        "folder could have written them). A device whose journal is not encrypted sends "
        "everything again, encrypted, once it is (stepwork encrypt, same passphrase)."
    )


def sync_new_folder(folder: Path) -> str:
    return (
        f"{folder} is not the folder this device last synced with: all of this journal is sent "
        "to it, and every file in it is read."
    )


def sync_plain_warning(folder: Path) -> str:
    return (
        f"This journal is not encrypted, so the files stepwork sync writes in {folder} are plain "
        "text: anyone who can read that folder (or the service that carries it) can read your "
        "entries. stepwork encrypt protects them, on every device, with one passphrase. "
        "(Said once.)"
    )


def sync_plain_into_encrypted(folder: Path) -> str:
    return (
        f"{folder} holds encrypted files, and this journal is not encrypted: nothing was sent, "
        "as it would be plain text there. Encrypt this journal with the passphrase your other "
        "devices use (stepwork encrypt), then sync again."
    )


def sync_repaired(broken: str, snapshot: str) -> str:
    return (
        f"This device's file {broken} is missing from the folder, damaged, or not its own, so "
        f"other devices would wait for it: all of this journal was sent again as {snapshot}, "
        "which takes its place."
    )


def sync_not_compacted(devices: list[str]) -> str:
    names = ", ".join(devices)
    return (
        f"Not compacted yet: {len(devices)} other device{'s' if len(devices) != 1 else ''} "
        f"({names}) {'have' if len(devices) != 1 else 'has'} not merged all of this device's "
        "files. Sync there first, then try again."
    )


def sync_compacted(removed: int, name: str) -> str:
    return f"Compacted: {removed} of this device's files replaced by one snapshot, {name}."


def sync_sent(records: int, deletions: int, name: str, encrypted: bool) -> str:
    how = "encrypted" if encrypted else "plain text"
    parts = []
    if records or not deletions:
        parts.append(f"{records:,} record{'s' if records != 1 else ''}")
    if deletions:
        parts.append(f"{deletions:,} deletion{'s' if deletions != 1 else ''}")
    return f"Sent {' and '.join(parts)} as {name} ({how})."


def sync_received(files: int, devices: int, added: int, updated: int, deleted: int) -> str:
    counts = [
        f"{n:,} {what}"
        for n, what in ((added, "added"), (updated, "updated"), (deleted, "deleted"))
        if n
    ]
    changed = ", ".join(counts) if counts else f"nothing new in {'it' if files == 1 else 'them'}"
    return (
        f"Received {files:,} file{'s' if files != 1 else ''} from {devices} "
        f"device{'s' if devices != 1 else ''}: {changed}."
    )


def sync_stopped(sent: str | None, merged: bool) -> str:
    parts = []
    if sent is not None:
        parts.append(f"this device's changes went out as {sent}")
    parts.append("what came in was merged" if merged else "nothing that came in was merged")
    return f"Stopped: {'; '.join(parts)}. Sync again to finish; nothing is lost."


SYNC_HELD_BACK = (
    "Not everything in the folder could be merged (said above); this journal has the rest."
)


def sync_folder_shares_home(folder: Path, home: Path) -> str:
    return (
        f"{folder} holds stepwork's own folder ({home}) or lies inside it: a sync tool would "
        "carry your journal and its key. Choose a folder apart from it."
    )


def sync_not_a_folder(path: Path) -> str:
    return f"{path} is not a folder; stepwork sync needs a folder to share files through."


def sync_folder_missing(folder: Path) -> str:
    return (
        f"{folder} does not exist, and neither does the folder it would be in: check the name. "
        "Nothing was created."
    )


def sync_folder_created(folder: Path) -> str:
    return f"Created the folder {folder}."


def sync_name_taken(name: str) -> str:
    return (
        f"Could not write {name}: something else appeared under that name in the folder while "
        "stepwork was writing. Nothing was changed; sync again."
    )
