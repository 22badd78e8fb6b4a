"""Export, import, backup, restore and the vault."""

from pathlib import Path


def import_unreadable(path: Path, detail: str) -> str:
    return f"Could not read {path}: {detail}. Nothing was changed."


def import_not_utf8(path: Path) -> str:
    return (
        f"{path} is not UTF-8 text, so it cannot be a stepwork or jrnl export. Nothing was changed."
    )


def import_not_json(path: Path, line: int, column: int, detail: str) -> str:
    return (
        f"{path} is not valid JSON (line {line}, column {column}: {detail}). Nothing was changed."
    )


def import_bad_file(path: Path, detail: str) -> str:
    return f"{path} cannot be imported: {detail}. Nothing was changed."


def import_not_stepwork(path: Path) -> str:
    return (
        f"{path} is not a stepwork export. For a jrnl export, use: stepwork import --from jrnl "
        f"{path}. Nothing was changed."
    )


def import_too_new(path: Path, found: int, known: int) -> str:
    return (
        f"{path} was written by a newer stepwork (format {found}; this one reads up to {known}). "
        "Nothing was changed; please update stepwork."
    )


def import_summary(
    added: int, updated: int, unchanged: int, dry_run: bool, deleted: int = 0
) -> str:
    verb = "Would add" if dry_run else "Added"
    tail = " Nothing was changed (dry run)." if dry_run else ""
    updated_verb = "would update" if dry_run else "updated"
    removed = ""
    if deleted:
        removed = f", {'would delete' if dry_run else 'deleted'} {deleted} (deleted elsewhere)"
    return f"{verb} {added}, {updated_verb} {updated}, unchanged {unchanged}{removed}.{tail}"


def exported_to(path: Path) -> str:
    return f"Exported to {path}."


def vault_written(total: int, written: int, removed: int, left: int, path: Path) -> str:
    changes = f"{written} written or updated"
    if removed:
        changes += f", {removed} removed"
    if left:
        changes += f", {left} left alone"
    noun = "file" if total == 1 else "files"
    return f"{path} holds {total} {noun} from your journal ({changes})."


def vault_stopped(path: Path) -> str:
    return (
        f"Stopped. {path} may be partly updated (no file you changed was touched); "
        "export again to bring it in step."
    )


VAULT_TAKE_BACK = (
    "stepwork never overwrites or removes a file you changed or put in its place. To have "
    "stepwork's copy again, rename yours (to keep it) or delete it, then export again."
)


EXPORT_JSON_NO_FILTERS = (
    "The JSON export always holds the whole journal, so it can be imported losslessly; "
    "--kind, --step, --since, --until and --for work with markdown."
)
TRENDS_NEED_FOR = (
    "--with-trends adds your recent check-ins to a markdown packet for someone: "
    "use it with --for therapist (or sponsor, or a name)."
)


def shell_word(text: str) -> str:
    """`text` as one word a shell reads back exactly, on one line ($'…' where it holds
    line breaks or other controls)."""
    if text.isprintable():
        import shlex  # here, not at the top: `stepwork status` loads this file on every prompt

        return shlex.quote(text)
    escaped = "".join(
        {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t"}.get(c)
        or (c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}")
        for c in text
    )
    return f"$'{escaped}'"


def nothing_for(whom: str) -> str:
    role = whom.lower()
    if role in ("therapist", "sponsor"):
        how = f"mark an item with: stepwork inventory edit ID --for-{role}"
    else:
        how = f"record sharing an item with: stepwork inventory share ID --with {shell_word(whom)}"
    return f"Nothing is marked for or shared with {whom!r} yet, so nothing to export; {how}"


LIST_OPTIONS_ONLY = (
    "--section, --for-therapist, --json and --no-pager choose how `stepwork inventory` lists; "
    "give them after `inventory` or after `inventory list`."
)
VAULT_IS_MARKDOWN = "A vault is markdown files; --format html writes one page (drop --vault)."
PACKET_FOOT = (
    "Written with stepwork, a personal tool for working the steps. It is not therapy, and not a "
    "substitute for a sponsor, a therapist or a meeting. Not affiliated with any fellowship."
)
VAULT_NEEDS_DIR = "--vault writes one file per record: give a folder with --output DIR."


def unknown_format(value: str) -> str:
    return f"There is no export format {value!r}. Use markdown, json or html."


def unknown_source(value: str) -> str:
    return f"stepwork can import its own JSON or jrnl's (--from jrnl), not {value!r}."


def backup_written(path: Path) -> str:
    return f"Backup written to {path} (readable only by you)."


def restore_done(path: Path, kept: Path) -> str:
    return f"Restored from {path}. The journal as it was before is kept at {kept}."


# Why a vault export left a file as it is.
LEFT_CHANGED = "changed by you"
LEFT_NOT_OURS = "not a file stepwork wrote"
LEFT_NOT_A_FILE = "a link or something other than a file"


def left_alone(path: Path, why: str) -> str:
    return f"Left alone: {path} ({why})."


def backup_key_beside(path: Path) -> str:
    return (
        f"Its key file is beside it: {path}. Keep the two together; with your passphrase they "
        "restore anywhere."
    )


def restore_needs_keyfile(path: Path, keyfile: Path) -> str:
    return (
        f"{path} is encrypted and its key file is not beside it. Put the key file that was beside "
        f"the journal when the backup was made next to it, named {keyfile.name}, and try again. "
        "Nothing was changed."
    )


RESTORED_WITH_BACKUP_PASSPHRASE = (
    "The journal is now encrypted as the backup was: it opens with the backup's passphrase."
)


def restore_not_found(path: Path) -> str:
    return f"There is no file at {path}. Nothing was changed."


BACKUP_NOT_STDOUT = "A backup is a database file: give a file or a folder, not -."


def restore_not_journal(path: Path) -> str:
    return f"{path} is not a stepwork journal (or it is damaged). Nothing was changed."


RESTORE_QUESTION = "Replace your journal with this backup? (Your current one is kept as a copy.)"
RESTORE_KEPT = "Nothing was changed."


JRNL_EXPORT_HOW = "jrnl can write one for stepwork: jrnl --format json > journal.json"


def jrnl_encrypted(path: Path) -> str:
    return (
        f"{path} looks like an encrypted jrnl journal, which stepwork cannot read. "
        f"{JRNL_EXPORT_HOW} (it asks for its password), then: "
        "stepwork import journal.json --from jrnl. Nothing was changed."
    )


def jrnl_no_entries(path: Path) -> str:
    return (
        f"{path} has no jrnl entries: none begins with a time in brackets, like "
        "[2024-03-01 19:30]. If jrnl's timeformat is another, give it with --time-format, or "
        f"export from jrnl instead: {JRNL_EXPORT_HOW}. Nothing was changed."
    )


def jrnl_text_before_first_entry(path: Path) -> str:
    return (
        f"{path} has text before its first entry, which jrnl would not show. Move it into an "
        f"entry, or export from jrnl: {JRNL_EXPORT_HOW}. Nothing was changed."
    )


def import_looks_like_jrnl(path: Path) -> str:
    return (
        f"{path} looks like a jrnl journal. Import it with: "
        f"stepwork import {path} --from jrnl. Nothing was changed."
    )


def import_not_jrnl(path: Path) -> str:
    return (
        f"{path} does not look like a jrnl JSON export (no list of entries). Nothing was changed."
    )


EXPORT_FOR_NEEDS_WHOM = "Say whom it is for: --for sponsor, --for therapist, or a name."
