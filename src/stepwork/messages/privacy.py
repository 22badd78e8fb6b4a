"""Encryption and the doctor."""

from pathlib import Path

from stepwork.messages.common import plural

ENCRYPTION_NOT_INSTALLED = (
    "Encryption needs the optional extra: pip install 'stepwork[encryption]' "
    "(it brings sqlcipher3 and argon2-cffi)."
)
WRONG_PASSPHRASE = "wrong passphrase"
WRONG_BACKUP_PASSPHRASE = (
    "wrong passphrase for this backup: it opens with the passphrase it was made under "
    "(STEPWORK_BACKUP_PASSPHRASE gives it without a prompt). Nothing was changed."
)


def journal_key_missing(path: Path, keyfile: Path) -> str:
    return (
        f"{path} is not readable as a journal in the clear, and it has no key file "
        f"({keyfile}): it is either encrypted with its key file missing, or not a stepwork "
        "journal at all. If it is encrypted, put the key file back (a backup's key file holds "
        "the same key until the passphrase is changed), or restore a backup. Nothing was changed."
    )


def plain_backups_notice(count: int) -> str:
    noun = "backup is" if count == 1 else "backups are"
    return (
        f"{count} {noun} still in the clear beside your encrypted journal. "
        "stepwork encrypt encrypts them."
    )


EMPTY_PASSPHRASE = "The passphrase cannot be empty."
PASSPHRASE_NEEDS_TERMINAL = (
    "This journal is encrypted. Run stepwork in a terminal to type the passphrase, "
    "or set STEPWORK_PASSPHRASE."
)
PASSPHRASE_PROMPT = "Passphrase: "
CURRENT_PASSPHRASE_PROMPT = "Current passphrase: "
BACKUP_PASSPHRASE_PROMPT = "Passphrase the backup was made under: "
NEW_PASSPHRASE_PROMPT = "New passphrase: "
PASSPHRASE_AGAIN = "Repeat it: "
PASSPHRASES_DIFFER_AGAIN = "The two were not the same. Once more."
PASSPHRASE_NOT_SET = "No passphrase was set; your journal stays as it was, in the clear."
PASSPHRASE_KEPT = "Your passphrase was not changed; the one you have still opens your journal."
WRONG_PASSPHRASE_GIVEN_UP = (
    "That was not the passphrase, three times, so stepwork stopped here. Nothing was changed."
)


def passphrase_given_up(what_became: str) -> str:
    return f"The two were not the same, three times, so stepwork stopped here. {what_became}"


def passphrase_needs_terminal(env: str) -> str:
    if env == "STEPWORK_PASSPHRASE":
        return PASSPHRASE_NEEDS_TERMINAL
    return (
        f"The passphrase is typed hidden in a terminal. Run stepwork in a terminal, or set {env}."
    )


def new_passphrase_needs_terminal(env: str) -> str:
    return (
        "A new passphrase is typed hidden, twice, in a terminal. Run stepwork in a terminal, "
        f"or set {env}. Nothing was changed."
    )


WRONG_PASSPHRASE_AGAIN = "That is not it. Try again."
PASSPHRASE_NOT_TEXT = (
    "The passphrase holds bytes that are not text (UTF-8), so it cannot be used. "
    "Check the terminal's or the variable's encoding. Nothing was changed."
)
SHORT_PASSPHRASE_QUESTION = "Use it anyway?"
SHORT_PASSPHRASE_NOTE = (
    "Note: the passphrase is shorter than 8 characters, so it is easier to guess."
)
JOURNAL_CONVERTING = "stepwork is converting your journal; try again in a moment."
JOURNAL_IN_USE = (
    "Another stepwork is using your journal (perhaps in another window). "
    "Finish or close it, then try again. Nothing was changed."
)
RECOVERED_NEW = (
    "stepwork was stopped while converting your journal; the converted journal is in place."
)
RECOVERED_KEPT_OLD = (
    "stepwork was stopped while converting your journal; your journal is as it was before, "
    "with every entry. Run the command again to finish."
)
RECOVERED_TIDIED = (
    "stepwork was stopped just after converting your journal; the conversion is now complete."
)
ALREADY_ENCRYPTED = (
    "The journal is already encrypted. To change the passphrase: stepwork passphrase"
)
NOT_ENCRYPTED = "The journal is not encrypted, so there is nothing to decrypt."


def plain_copy_written(path: Path) -> str:
    return (
        f"A plain copy of your journal is at {path} (readable only by you); the journal itself "
        "is still encrypted. Anyone who can read that file can read every entry: delete it "
        "when you are done."
    )


NOT_ENCRYPTED_PASSPHRASE = "The journal is not encrypted. Encrypt it with: stepwork encrypt"
ENCRYPT_WARNING = (
    "Your journal will be encrypted under a passphrase. Without it, nobody can read the journal: "
    "not you, not anyone. Write it down somewhere safe."
)


def encrypted_done(count: int, home: Path) -> str:
    extra = f" and {plural(count - 1, 'backup')}" if count > 1 else ""
    return (
        f"Encrypted the journal{extra}. Nothing in the clear is left in {home}. "
        "From now on stepwork asks for the passphrase."
    )


def backups_encrypted(count: int) -> str:
    return f"Encrypted {plural(count, 'backup')} that were still in the clear."


def _kept_encrypted(left_alone: int) -> str:
    if not left_alone:
        return ""
    return (
        f" {plural(left_alone, 'backup')} made under another passphrase kept "
        "it, with its own key file."
    )


def decrypted_done(count: int, left_alone: int = 0) -> str:
    extra = f" and {plural(count - 1, 'backup')}" if count > 1 else ""
    return (
        f"Decrypted the journal{extra}. It is no longer protected by a passphrase."
        + _kept_encrypted(left_alone)
    )


def passphrase_changed(left_alone: int = 0) -> str:
    return (
        "Passphrase changed, and the journal and its backups re-encrypted under a new key: "
        "old key files and the old passphrase open nothing written from now on."
        + _kept_encrypted(left_alone)
    )


def keyfile_damaged(path: Path) -> str:
    return f"The key file {path} is damaged, so the journal cannot be opened. Nothing was changed."


def journal_tampered(path: Path) -> str:
    return (
        f"{path} could not be read with the right key: it is damaged or was changed from outside "
        "stepwork. Nothing was changed; restore a backup."
    )


def conversion_failed(path: Path) -> str:
    return f"The converted copy of {path} did not check out, so the original was kept unchanged."


DECRYPT_QUESTION = "Store your journal without encryption from now on?"

DOCTOR_TITLE = "stepwork doctor"
DOCTOR_CLEAN = "All is well."
MODES_OK = "The data folder is 0700 and every file in it 0600: readable only by you."
NO_JOURNAL_YET = "No journal yet; it is created the first time you write something."
ENCRYPTED_OK = "The journal is encrypted (SQLCipher)."
NOT_ENCRYPTED_NOTE = (
    "The journal is not encrypted. To protect it with a passphrase: stepwork encrypt"
)
INTEGRITY_OK = "SQLite's integrity check passed."
NO_FTS5 = "This Python's SQLite has no FTS5; search uses a slower plain match."
SEARCH_INDEX_LATER = "The search index is built the next time the journal is opened."
SEARCH_OK = "Full-text search (FTS5) is ready."


def doctor_problems(count: int) -> str:
    return f"Found {plural(count, 'problem')}; each line above says what to do."


def loose_dir(path: Path, mode: int) -> str:
    return f"{path} is {mode:o}, so others may look inside. Fix: chmod 700 {path}"


def loose_file(path: Path, mode: int) -> str:
    return f"{path} is {mode:o}, so others may read it. Fix: chmod 600 {path}"


def plain_backups(count: int) -> str:
    verb = "is" if count == 1 else "are"
    return (
        f"{plural(count, 'backup')} in the backups folder {verb} not encrypted. "
        "Fix: stepwork encrypt (it encrypts them with the journal's key)"
    )


def backups_without_keyfile(count: int) -> str:
    return (
        f"{plural(count, 'backup')} made by an earlier stepwork open only with the journal's key "
        "file. Fix: stepwork passphrase (it gives each backup a key file of its own)"
    )


def schema_behind(found: int, latest: int) -> str:
    return f"Format {found}; it is upgraded to {latest} (with a copy kept) the next time it opens."


def schema_current(version: int) -> str:
    return f"Format {version}, the newest this stepwork knows."


def integrity_failed(detail: str) -> str:
    return f"SQLite's integrity check failed ({detail}). Fix: stepwork restore a recent backup."


def low_disk(megabytes: int) -> str:
    return f"Only {megabytes} MB free. Fix: free some space so saving never fails."


def disk_ok(megabytes: int) -> str:
    return f"{megabytes:,} MB free."
