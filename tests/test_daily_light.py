"""Daily use that feels light: quiet repeats, questions put away, the status line."""

import os
import subprocess

import pytest

from stepwork import settings
from stepwork.content import load_step
from tests.conftest import child_env, lines, stepwork_command

HOW_TO = "Press Enter on an empty line when you are done"
SKIP_WORDS = "Skipped. Take what you can use and leave the rest."


def review_keys() -> list[str]:
    return [q.key for q in load_step(10, settings.load()).questions]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- quiet repeats ------------------------------------------------------------------------


def test_the_second_nights_review_opens_with_one_line(run, clock):
    clock("2026-11-26 21:00")
    skips = len(review_keys())
    first = run("review", input="\n" * skips)
    assert first.exit_code == 0
    assert "Step 10" in first.stdout and HOW_TO in flat(first.stdout)
    clock("2026-11-27 21:30")
    second = run("review", input="\n" * skips)
    assert second.exit_code == 0
    assert "Step 10" not in second.stdout and HOW_TO not in flat(second.stdout)
    assert "Nightly review · Fri 27 Nov 2026" in second.stdout
    again = run("review", "--intro", "--new", input="\n" * skips)
    assert HOW_TO in flat(again.stdout)


def test_a_skip_is_said_in_words_once_then_quietly(run, clock):
    clock("2026-11-27 21:00")
    result = run("review", input="\n" * len(review_keys()))
    assert flat(result.stdout).count(SKIP_WORDS) == 1
    assert result.stdout.count("\u203a skipped\n") == len(review_keys()) - 1


def test_the_first_checkin_explains_later_ones_are_one_line(run, clock):
    clock("2026-11-26 09:00")
    first = run("checkin", input="\n" * 10)
    assert HOW_TO in flat(first.stdout)
    run("checkin", "--mood", "6")
    clock("2026-11-27 09:00")
    second = run("checkin", input="\n" * 10)
    assert HOW_TO not in flat(second.stdout)
    assert "Check-in · Fri 27 Nov 2026" in second.stdout
    assert "/help" in run("checkin", "--intro", input="/help\n" + "\n" * 10).stdout


# --- questions put away -------------------------------------------------------------------


def test_never_puts_a_checkin_question_away_until_it_is_brought_back(run, db, clock):
    clock("2026-11-26 09:00")
    # mood, craving, halt: put away the first two, answer HALT.
    result = run("checkin", input=lines("/never", "/never", "2", "", "", "", ""))
    assert result.exit_code == 0
    assert "stepwork config questions --bring-back checkin:mood" in flat(result.stdout)
    assert db("SELECT halt FROM checkin") == [("angry",)]
    clock("2026-11-27 09:00")
    later = run("checkin", input="\n" * 10)
    assert "How is your mood" not in later.stdout
    assert "How strong is any craving" not in later.stdout
    assert "hungry, angry, lonely" in later.stdout
    listed = flat(run("config", "questions").stdout)
    assert "checkin:mood · put away" in listed and "checkin:halt · asked" in listed
    back = run("config", "questions", "--bring-back", "checkin:mood")
    assert back.exit_code == 0 and "checkin:mood is back" in back.stdout
    assert "How is your mood" in run("checkin", input="\n" * 10).stdout
    assert "How strong is any craving" not in run("checkin", input="\n" * 10).stdout


def test_two_review_questions_put_away_are_not_met_the_next_night(run, clock):
    keys = review_keys()
    clock("2026-11-26 21:00")
    run("review", input=lines("/never", "/never") + "\n" * len(keys))
    clock("2026-11-27 21:00")
    second = run("review", input="\n" * len(keys))
    for question in load_step(10, settings.load()).questions[:2]:
        assert question.text not in second.stdout
    third_question = load_step(10, settings.load()).questions[2]
    assert flat(third_question.text) in flat(second.stdout)
    assert f"Question 1 of {len(keys) - 2}" in second.stdout


def test_config_questions_refuses_unknown_names_and_step_work(run):
    assert run("config", "questions", "--put-away", "checkin:nope").exit_code == 2
    refused = run("config", "questions", "--put-away", "step-4:anything")
    assert refused.exit_code == 2 and "keeps every question" in flat(refused.stderr)
    assert run("config", "questions", "--put-away", "review:" + review_keys()[0]).exit_code == 0
    assert run("config", "questions", "--bring-back", "all").exit_code == 0
    assert settings.put_away() == set()


def test_put_away_questions_are_not_in_the_ordinary_settings_list(run):
    run("config", "questions", "--put-away", "checkin:note")
    assert "put_away" not in run("config").stdout


# --- the status line ------------------------------------------------------------------------


def status(home, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*stepwork_command(), "status", *args],
        env=child_env(home, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_status_says_the_checkin_is_due_then_done(home, run):
    before = status(home)
    assert before.returncode == 0 and before.stdout.strip() == "check-in due"
    run("sober", "start", "alcohol", "--date", "2026-01-01")
    run("checkin", "--mood", "6")
    after = status(home)
    assert after.stdout.startswith("check-in done · alcohol: ")
    assert after.stdout.strip().endswith(" days")
    assert status(home, "--quiet").stdout == ""
    shaped = status(home, "--format", "[{checkin}|{counter}]")
    assert shaped.stdout.strip() == "[check-in done|alcohol]"
    assert status(home).stderr == ""


def test_status_format_mistakes_are_one_line(home):
    result = status(home, "--format", "{nope}")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_status_on_a_journal_it_cannot_read_prints_nothing_and_never_asks(home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "stepwork.db").write_bytes(os.urandom(4096))  # as an encrypted journal looks
    result = status(home)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_status_names_the_review_after_the_hour_in_process(run, clock, monkeypatch):
    from stepwork import status as line

    clock("2026-11-27 21:00")
    run("checkin", "--mood", "6")
    assert line.line(line.Options()) == "check-in done · review due"
    run("review", input="\n" * len(review_keys()))
    assert line.line(line.Options()) == "check-in done · review done"
    clock("2026-11-28 08:00")
    assert line.line(line.Options()) == "check-in due"
    run("config", "status_review_hour", "7")
    assert line.line(line.Options()) == "check-in due · review due"


def test_status_help_goes_through_the_ordinary_help(home):
    result = subprocess.run(
        [*stepwork_command(), "status", "--help"],
        env=child_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "--format" in result.stdout


@pytest.mark.parametrize("command", ["review", "morning", "checkin"])
def test_every_daily_flow_offers_intro(run, command):
    assert "--intro" in run(command, "--help").stdout


def test_put_away_questions_travel_with_the_json_export(run, tmp_path, home):
    import json

    run("config", "questions", "--put-away", "checkin:halt")
    run("checkin", "--mood", "6")
    exported = tmp_path / "journal.json"
    assert run("export", "--format", "json", "-o", str(exported)).exit_code == 0
    assert json.loads(exported.read_text())["settings"] == {"put_away": ["checkin:halt"]}
    run("config", "questions", "--bring-back", "all")
    dry = run("import", str(exported), "--dry-run")
    assert dry.exit_code == 0 and settings.put_away() == set()
    result = run("import", str(exported))
    assert result.exit_code == 0 and "1 daily question put away" in result.stdout
    assert settings.put_away() == {"checkin:halt"}


def test_an_import_with_a_bad_put_away_list_changes_nothing(run, tmp_path, db):
    import json

    run("checkin", "--mood", "6")
    exported = tmp_path / "journal.json"
    run("export", "--format", "json", "-o", str(exported))
    document = json.loads(exported.read_text())
    document["settings"]["put_away"] = ["\x1b[31m"]
    exported.write_text(json.dumps(document))
    run("checkin", "--mood", "2")
    before = db("SELECT COUNT(*) FROM checkin")
    result = run("import", str(exported))
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert db("SELECT COUNT(*) FROM checkin") == before
    assert settings.put_away() == set()


# --- editing without loss -----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["3 4", "3,4", "3, 4", "lonely tired"])
def test_several_choices_can_be_typed_with_spaces_or_commas(run, db, typed):
    result = run("checkin", input=lines("", "", typed) + "\n" * 8)
    assert result.exit_code == 0, result.stderr
    assert db("SELECT halt FROM checkin") == [("lonely,tired",)]


def test_a_trigger_without_its_kind_is_refused_the_same_way_guided_and_by_option(run, db):
    by_option = run("checkin", "--trigger", "the bar")
    assert by_option.exit_code == 2
    guided = run("checkin", input=lines("", "", "", "", "", "the bar", "place: the bar", "", ""))
    assert "'the bar' is not a trigger" in guided.stdout
    assert "'the bar' is not a trigger" in by_option.stderr
    assert db("SELECT category, text FROM daily_entry") == [("place", "the bar")]


# --- no prompts without a person ----------------------------------------------------------


def test_plan_with_no_plan_and_nobody_to_ask_says_what_to_run_and_exits_0(home, db):
    result = subprocess.run(
        [*stepwork_command(), "plan"],
        env=child_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "stepwork plan --edit" in result.stderr
    assert "saved" not in result.stderr.lower() and "Please answer" not in result.stdout


@pytest.mark.parametrize(
    "args", [("checkin",), ("review",), ("morning",), ("step", "3"), ("service",)]
)
def test_a_question_with_nobody_to_answer_exits_1_and_keeps_nothing(home, db, args):
    result = subprocess.run(
        [*stepwork_command(), *args],
        env=child_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    said = " ".join(result.stderr.split())
    assert "there is no terminal to answer them" in said and "saved" not in said
    if (home / "stepwork.db").exists():
        assert db("SELECT COUNT(*) FROM guided_session") == [(0,)]
        assert db("SELECT COUNT(*) FROM checkin") == [(0,)]
        assert db("SELECT COUNT(*) FROM service") == [(0,)]


@pytest.mark.parametrize("template", ["{checkin:>999999999}", "{checkin.__class__}", "{0}", "{"])
def test_status_templates_take_plain_field_names_only(home, template):
    result = status(home, "--format", template)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
