"""What a cold trial of daily use found: files that are not files, prompts with nobody to
answer, edits that keep what was not changed, one rule for choices."""

import os
import subprocess
import sys

import pytest

from tests.conftest import child_env, stepwork_command


def stepwork(home, *args: str, stdin=subprocess.DEVNULL, input=None, **env: str):
    return subprocess.run(
        [*stepwork_command(), *args],
        env=child_env(home, **env),
        stdin=stdin if input is None else None,
        input=input,
        capture_output=True,
        text=True,
        timeout=30,
    )


# --- a data folder holding a FIFO, a device or a link to one --------------------------------


@pytest.mark.slow
def test_status_on_a_fifo_journal_prints_nothing_and_returns(home):
    home.mkdir(parents=True)
    os.mkfifo(home / "stepwork.db")
    result = stepwork(home, "status")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.slow
@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_settings_that_are_not_a_regular_file_are_named_once_and_defaults_used(home, make):
    home.mkdir(parents=True)
    settings_file = home / "config.toml"
    if make == "fifo":
        os.mkfifo(settings_file)
    else:
        settings_file.symlink_to("/dev/zero")
    shown = stepwork(home, "config")
    assert shown.returncode == 0
    kind = "a pipe (FIFO)" if make == "fifo" else "a device"
    assert f"it is {kind}, not a file stepwork can read" in shown.stderr
    assert shown.stderr.count("\n") == 1
    assert "drinking or using" in shown.stdout  # the default
    assert stepwork(home, "status").stdout.strip() == "check-in due"
    assert stepwork(home, "status").stderr == ""


def test_status_says_nothing_for_a_journal_from_a_newer_stepwork(home, run):
    import sqlite3

    from stepwork import status as line
    from stepwork.store.latest import LATEST_VERSION
    from stepwork.store.migrations import MIGRATIONS

    assert MIGRATIONS[-1].version == LATEST_VERSION
    run("checkin", "--mood", "6")
    assert line.line(line.Options()).startswith("check-in done")
    conn = sqlite3.connect(home / "stepwork.db")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    assert line.line(line.Options()) == ""


def test_status_stays_quiet_about_a_bad_setting(home, run, capsys):
    from stepwork import status as line

    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('status_review_hour = "99"\n')
    assert line.main([]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "check-in due" and captured.err == ""


# --- no prompts without a person ------------------------------------------------------------


@pytest.mark.slow
def test_edit_in_the_editor_with_no_terminal_and_no_editor_set_refuses_at_once(home, run):
    run("checkin", "--mood", "5", "--note", "kept as it was")
    result = stepwork(home, "edit", "c1", "--editor")
    assert result.returncode == 1
    said = " ".join(result.stderr.split())
    assert (
        "there is no terminal" in said and "Run it in a terminal: stepwork edit c1 --editor" in said
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("inventory", "add", "fear"), "stepwork inventory add fear"),
        (("review",), "stepwork review"),
        (("checkin",), "stepwork checkin"),
    ],
)
def test_with_no_terminal_a_command_refuses_before_its_first_question(home, args, named):
    result = stepwork(home, *args)
    assert result.returncode == 1
    assert result.stdout == ""  # no introduction, no question
    assert " ".join(result.stderr.split()).startswith(f"{named} asks questions")


@pytest.mark.slow
@pytest.mark.parametrize("command", [("inventory", "delete", "i1"), ("delete", "i1")])
def test_deleting_with_no_terminal_is_one_line_naming_yes_and_exit_1(home, db, command):
    added = stepwork(home, "inventory", "add", "fear", stdin=None, input="my fear\n\n")
    assert db("SELECT COUNT(*) FROM inventory_item") == [(1,)], added.stderr
    result = subprocess.run(
        [*stepwork_command(), *command],
        env=child_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"stepwork {' '.join(command)} --yes" in result.stderr
    assert db("SELECT COUNT(*) FROM inventory_item") == [(1,)]


@pytest.mark.slow
def test_piped_answers_that_run_out_end_with_1_saying_what_was_kept(home, db):
    result = subprocess.run(
        [*stepwork_command(), "checkin"],
        env=child_env(home),
        input="5\n",
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    said = " ".join(result.stderr.split())
    assert "ran out" in said and "Every answer you gave is saved" in said
    assert "Stopped" not in said
    assert db("SELECT mood FROM checkin") == [(5,)]


# --- passphrases ----------------------------------------------------------------------------


@pytest.mark.slow
def test_encrypt_with_no_terminal_asks_for_a_new_passphrase_not_the_journals(home, run):
    pytest.importorskip("sqlcipher3")
    run("checkin", "--mood", "6")
    result = stepwork(home, "encrypt")
    said = " ".join(result.stderr.split())
    assert result.returncode == 1 and "is encrypted" not in said
    assert "new passphrase" in said.lower() and "STEPWORK_PASSPHRASE" in said
    assert result.stdout == ""  # no warning about a passphrase that cannot be asked
    assert stepwork(home, "encrypt", STEPWORK_PASSPHRASE="a long passphrase").returncode == 0
    change = stepwork(home, "passphrase", STEPWORK_PASSPHRASE="a long passphrase")
    assert change.returncode == 1 and "STEPWORK_NEW_PASSPHRASE" in change.stderr


@pytest.mark.slow
def test_three_mismatches_say_it_gave_up_and_a_short_one_put_aside_costs_no_try(home, run):
    pytest.importorskip("sqlcipher3")
    import pexpect

    from stepwork.messages import privacy as privacy_messages

    from .pty_helpers import finish, spawn

    run("checkin", "--mood", "6")
    child = spawn(home, "encrypt")
    for _ in range(3):  # short ones, each put aside
        child.expect_exact(privacy_messages.NEW_PASSPHRASE_PROMPT)
        child.sendline("short")
        child.expect_exact(privacy_messages.SHORT_PASSPHRASE_QUESTION)
        child.sendline("n")
    for attempt in range(3):
        child.expect_exact(privacy_messages.NEW_PASSPHRASE_PROMPT)
        child.sendline("a long first passphrase")
        child.expect_exact(privacy_messages.PASSPHRASE_AGAIN)
        child.sendline("a long other passphrase")
        if attempt < 2:
            child.expect_exact(privacy_messages.PASSPHRASES_DIFFER_AGAIN)
    child.expect(pexpect.EOF)
    told = " ".join(child.before.split())
    assert privacy_messages.PASSPHRASES_DIFFER_AGAIN not in told
    assert "three times, so stepwork stopped" in told and "in the clear" in told
    assert finish(child) == 1
    assert (home / "stepwork.db").read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.slow
def test_three_wrong_passphrases_end_with_a_sentence_and_a_kept_one_says_so(home, run):
    pytest.importorskip("sqlcipher3")
    import pexpect

    from stepwork.messages import privacy as privacy_messages

    from .pty_helpers import finish, spawn

    run("checkin", "--mood", "6")
    assert stepwork(home, "encrypt", STEPWORK_PASSPHRASE="the right passphrase").returncode == 0
    child = spawn(home, "log")
    for _ in range(3):
        child.expect_exact(privacy_messages.PASSPHRASE_PROMPT)
        child.sendline("not it")
    child.expect(pexpect.EOF)
    assert privacy_messages.WRONG_PASSPHRASE_GIVEN_UP in " ".join(child.before.split())
    assert finish(child) == 1
    child = spawn(home, "passphrase")
    child.expect_exact(privacy_messages.CURRENT_PASSPHRASE_PROMPT)
    child.sendline("the right passphrase")
    for _ in range(3):
        child.expect_exact(privacy_messages.NEW_PASSPHRASE_PROMPT)
        child.sendline("a long first passphrase")
        child.expect_exact(privacy_messages.PASSPHRASE_AGAIN)
        child.sendline("a long other passphrase")
    child.expect(pexpect.EOF)
    told = " ".join(child.before.split())
    assert privacy_messages.PASSPHRASE_KEPT in told and "No passphrase was set" not in told
    assert finish(child) == 1


# --- editing keeps what was not changed -----------------------------------------------------


@pytest.fixture
def editor_script(tmp_path, monkeypatch):
    def use(sed_expression: str) -> None:
        script = tmp_path / "editor.sh"
        script.write_text(f"#!/bin/sh\nsed -i '{sed_expression}' \"$1\"\n")
        script.chmod(0o700)
        monkeypatch.setenv("VISUAL", str(script))

    return use


def meetings(db) -> list[tuple]:
    return db("SELECT text FROM daily_entry WHERE kind = 'meeting' ORDER BY id")


def test_editing_only_the_note_keeps_a_meeting_with_a_semicolon_whole(run, db, editor_script):
    run("checkin", "--mood", "5", "--meeting", "Step; Study", "--note", "old words")
    assert meetings(db) == [("Step; Study",)]
    editor_script("s/^old words$/new words/")
    assert run("edit", "c1", "--editor").exit_code == 0
    assert meetings(db) == [("Step; Study",)]
    assert db("SELECT note FROM checkin") == [("new words",)]


def test_in_the_editor_each_line_is_one_item_semicolons_and_all(run, db, editor_script):
    run("checkin", "--mood", "5", "--meeting", "Home group")
    editor_script("s/^Home group$/Home group\\nStep; Study/")
    assert run("edit", "c1", "--editor").exit_code == 0
    assert meetings(db) == [("Home group",), ("Step; Study",)]


def test_at_the_prompt_an_item_already_listed_stays_whole_and_new_ones_split(run, db):
    run("checkin", "--mood", "5", "--meeting", "Step; Study")
    typed = "\n\n\nStep; Study; Home group; Big book\n" + "\n" * 5
    assert run("edit", "c1", input=typed).exit_code == 0
    assert meetings(db) == [("Step; Study",), ("Home group",), ("Big book",)]


# --- one rule for several choices -----------------------------------------------------------


@pytest.mark.parametrize("typed", ["3 4", "3,4", "3, 4", "lonely tired", "lonely, 4"])
def test_halt_takes_the_same_choices_by_option_and_in_the_field_editor(run, db, typed):
    by_option = run("checkin", "--mood", "5", "--halt", typed)
    assert by_option.exit_code == 0, by_option.stderr
    edited = run("edit", "c1", input="\n\n1 2\n" + "\n" * 6)
    assert edited.exit_code == 0, edited.stdout
    assert db("SELECT halt FROM checkin") == [("hungry,angry",)]
    run("edit", "c1", input="\n\n" + typed + "\n" + "\n" * 6)
    assert db("SELECT halt FROM checkin") == [("lonely,tired",)]


def test_a_choice_that_is_none_of_them_is_asked_again_without_saying_nothing_was_saved(run, db):
    run("checkin", "--mood", "5")
    result = run("edit", "c1", input="\n\nsleepy\n2 4\n" + "\n" * 6)
    assert "'sleepy' is not one of" in result.stdout
    assert "Nothing was saved" not in result.stdout
    assert db("SELECT halt FROM checkin") == [("angry,tired",)]


# --- the status line stays light ------------------------------------------------------------


@pytest.mark.parametrize(
    "xdg",
    [{}, {"XDG_DATA_HOME": "/tmp/d", "XDG_CONFIG_HOME": "/tmp/c"}, {"XDG_DATA_HOME": "rel"}],
)
def test_the_folders_worked_out_without_platformdirs_are_platformdirs_own(monkeypatch, xdg):
    import platformdirs

    from stepwork import home

    monkeypatch.delenv("STEPWORK_HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    for name, value in xdg.items():
        monkeypatch.setenv(name, value)
    assert home.data_dir_text() == platformdirs.user_data_dir("stepwork", appauthor=False)
    assert home.config_dir_text() == platformdirs.user_config_dir("stepwork", appauthor=False)


@pytest.mark.slow
def test_status_loads_no_pathlib_platformdirs_tomllib_or_settings_without_a_settings_file(home):
    home.mkdir(parents=True)
    probe = (
        "import sys; sys.argv = ['stepwork', 'status']\n"
        "from stepwork.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'pathlib', 'platformdirs', 'tomllib', 'stepwork.settings', 'typer', 'rich'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    env = child_env(home)
    env.pop("XDG_DATA_HOME", None)
    env.pop("STEPWORK_HOME")
    env["HOME"] = str(home)  # the real data folder stays untouched: this one is empty
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=30
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


# --- questions put away: names checked everywhere -------------------------------------------


def test_put_away_cannot_be_set_whole_through_config_key_value(run):
    from stepwork import settings

    result = run("config", "put_away", "checkin:foo")
    assert result.exit_code == 2 and "config questions --put-away" in result.stderr
    assert settings.put_away() == set()


def exported_with_put_away(run, tmp_path, names: list[str]):
    import json

    run("checkin", "--mood", "6")
    exported = tmp_path / "journal.json"
    run("export", "--format", "json", "-o", str(exported))
    document = json.loads(exported.read_text())
    document["settings"]["put_away"] = names
    exported.write_text(json.dumps(document))
    return exported


@pytest.mark.parametrize("name", ["step4:x", "checkin:foo"])
def test_an_import_putting_away_no_such_daily_question_is_refused(run, tmp_path, name):
    from stepwork import settings

    exported = exported_with_put_away(run, tmp_path, [name])
    result = run("import", str(exported))
    assert result.exit_code != 0 and name in result.stderr
    assert settings.put_away() == set()


def test_an_import_says_how_many_the_file_puts_away_when_some_already_were(run, tmp_path):
    from stepwork import settings
    from stepwork.domain import putaway

    names = sorted(putaway.all_names(settings.load()))[:3]
    exported = exported_with_put_away(run, tmp_path, names)
    run("config", "questions", "--put-away", names[0])
    result = run("import", str(exported))
    said = " ".join(result.stdout.split())
    assert f"{len(names) - 1} daily questions more (all {len(names)} the file puts away)" in said


# --- /never and /help in step work ----------------------------------------------------------


def test_never_in_step_work_is_explained_and_not_saved(run, db):
    from stepwork.messages import steps as steps_messages

    result = run("step", "1", input="/never\nmy answer\n\n")
    assert steps_messages.NEVER_IN_STEP_WORK in " ".join(result.stdout.split())
    answers = [text for (text,) in db("SELECT text FROM answer")]
    assert "/never" not in answers and "my answer" in answers


def test_after_help_the_question_and_the_prompt_are_shown_again(run):
    from stepwork import settings
    from stepwork.content import load_step
    from stepwork.messages import steps as steps_messages

    first = load_step(1, settings.load()).questions[0].text
    result = run("step", "1", input="/help\n")
    after_help = result.stdout.split(steps_messages.HOW_TO_ANSWER.split("\n")[0])[-1]
    assert " ".join(first.split())[:40] in " ".join(after_help.split())
    assert after_help.count(steps_messages.ANSWER_PROMPT) >= 1


# --- edit says what it does -----------------------------------------------------------------


def test_edit_help_and_a_stopped_edit_say_what_really_happens(run, db):
    from stepwork.messages import journal as journal_messages

    assert "Nothing changes until all is valid" not in run("edit", "--help").stdout
    run("checkin", "--mood", "5")
    stopped = run("edit", "c1", input="7\n")  # the mood changed, then the answers run out
    assert db("SELECT mood FROM checkin") == [(7,)]
    said = " ".join(stopped.stderr.split())
    assert "starts again at the first field" in said and "Pick up where you left off" not in said
    assert journal_messages.edit_stopped("c1").removeprefix("Stopped. ") in said


# --- small words ----------------------------------------------------------------------------


def test_connection_compared_with_no_other_days_names_no_zero_or_dash():
    from stepwork.messages import daily as daily_messages

    line = daily_messages.connection_compare(14, 0, "6.0", "-", "2.0", "-")
    assert "0 other days" not in line and " -" not in line and "mood averaged 6.0" in line
    neither = daily_messages.connection_compare(3, 2, "-", "5.0", "-", "1.0")
    assert "no mood or craving given" in neither and " -" not in neither


def test_one_day_kept_is_seen_with_it_not_them(tmp_path):
    from stepwork.messages import sober as sober_messages

    said = sober_messages.counter_reset("alcohol", "Sat 28 Nov 2026", 1, tmp_path)
    assert "See it with" in said and "See them" not in said


def test_a_single_field_left_unchanged_is_said_in_the_singular():
    from stepwork.messages import journal as journal_messages

    assert journal_messages.editor_left_unsaved(False, 1).startswith("That field kept its")


def test_sober_history_shows_days_as_everywhere_else(run, clock):
    clock("2026-11-28 10:00")
    run("sober", "start", "alcohol", "--date", "2026-11-01")
    run("sober", "reset", "alcohol", "--yes")
    history = run("sober", "history", "alcohol").stdout
    assert "2026-11-01" not in history and "Sun 1 Nov 2026" in history


def test_a_morning_skipped_through_is_not_called_set_and_a_first_pause_saves_nothing(run):
    from stepwork.messages import daily as daily_messages
    from stepwork.messages import steps as steps_messages

    skipped = run("morning", input="\n" * 12)
    assert daily_messages.MORNING_DONE not in skipped.stdout
    assert steps_messages.FINISHED_ALL_SKIPPED in " ".join(skipped.stdout.split())
    paused = run("step", "3", input="/pause\n")
    assert "Everything so far is saved" not in paused.stdout


def test_random_bytes_as_the_journal_are_not_called_encrypted(home, run):
    home.mkdir(parents=True, exist_ok=True)
    (home / "stepwork.db").write_bytes(os.urandom(4096))
    result = run("log", "--no-pager")
    said = " ".join(result.stderr.split())
    assert result.exit_code != 0 and "not a stepwork journal" in said
    assert "is encrypted, but" not in said


def test_a_stop_at_step_fives_reflection_says_the_sharing_is_kept(run):

    from .test_inventory import FEAR, inventory, step4

    step4(run, 2, FEAR)
    result = run("step", "5", input="sponsor\n\ny\ny\n")  # the answers end at the reflection
    assert "The sharing is recorded" in result.stderr
    assert "Nothing was changed" not in result.stderr
    assert inventory(run)[0]["shared"][0]["with"] == "sponsor"
