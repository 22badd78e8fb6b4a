"""Files and folders stepwork writes or cannot: outputs, limits, the disk."""

from pathlib import Path


def cannot_create_folder(path: Path, detail: str) -> str:
    return f"Could not create the folder {path}: {detail}. Nothing was saved."


def cannot_write_file(path: Path, detail: str) -> str:
    return f"Could not write {path}: {detail}. Nothing was changed."


def too_long(what: str, limit: int) -> str:
    return (
        f"That {what} is longer than stepwork keeps in one piece ({limit:,} characters). "
        "Nothing was saved; split it up, or keep the long text in a file of your own."
    )


def empty_value(what: str) -> str:
    return f"The {what} is empty. Give it a word or two, or leave the option out."


LINE_TOO_LONG = (
    "That answer has grown longer than stepwork keeps in one piece; this line was not added."
)


def disk_full(folder: Path) -> str:
    return f"The disk holding {folder} is full. Nothing was changed; free some space and try again."


def output_no_reader(path: Path) -> str:
    return f"Nothing is reading from {path}, so there is nowhere to write. Nothing was written."


def output_not_regular(path: Path) -> str:
    return f"{path} is not a regular file, and stepwork will not replace it. Nothing was written."


def output_is_folder(path: Path) -> str:
    return f"{path} is a folder. Give a file name. Nothing was written."


def output_dangling(path: Path) -> str:
    return f"{path} is a link to something that is not there. Nothing was written."


def output_in_home(path: Path, home: Path) -> str:
    return (
        f"{path} is inside stepwork's own folder ({home}). Choose a place outside it. "
        "Nothing was written."
    )


def output_is_keyfile(path: Path) -> str:
    return f"{path} is the key file of an encrypted journal or backup. Nothing was written."


def output_is_journal(path: Path) -> str:
    return f"{path} is your journal or one of the files that keep it. Nothing was written."


def output_not_dir(path: Path) -> str:
    return f"{path} is not a folder. --vault needs a folder to write into."


def output_exists(path: Path) -> str:
    return f"{path} already exists. Choose another name, or add --force to replace it."


# Reading a small file of the person's (settings, wording): said after "Could not read … :".
NOT_A_REGULAR_FILE = "it is not a regular file"
FILE_TOO_LARGE = "it is too large"
