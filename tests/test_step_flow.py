"""Working a step through the CLI: answers saved one by one, resumed, read back."""

from pathlib import Path

import pytest

from stepwork import settings
from stepwork.content import load_step


def step_questions(n: int):
    return load_step(n, settings.load()).questions


def test_answers_are_saved_as_given_and_eof_says_how_to_resume(run, db):
    result = run("step", "1", input="first answer\n\nsecond, line one\nline two\n\n")
    assert result.exit_code == 1
    assert "stepwork step 1" in result.stderr
    rows = db("SELECT question_key, text, state FROM answer ORDER BY position")
    keys = [q.key for q in step_questions(1)]
    assert rows == [
        (keys[0], "first answer", "answered"),
        (keys[1], "second, line one\nline two", "answered"),
    ]
    assert db("SELECT status FROM guided_session") == [("open",)]


def test_resume_continues_at_the_first_unanswered_question(run, db):
    questions = step_questions(1)
    run("step", "1", input="one\n\ntwo\n\n")
    result = run("step", "1", input="y\nthree\n\n")
    assert result.exit_code == 1
    assert "answered 2 of" in " ".join(result.stdout.split())
    assert questions[2].text in result.stdout
    assert questions[0].text not in result.stdout
    assert db("SELECT COUNT(*) FROM guided_session") == [(1,)]
    assert [r[0] for r in db("SELECT text FROM answer ORDER BY position")] == [
        "one",
        "two",
        "three",
    ]


def test_finishing_every_question_marks_the_step_worked(run, db):
    n = len(step_questions(2))
    answers = "".join(f"answer {i}\n\n" for i in range(n))
    result = run("step", "2", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "step 2 --show" in result.stdout
    assert db("SELECT status, finished_at IS NOT NULL FROM guided_session") == [("finished", 1)]
    table = run("steps").stdout
    row = next(line for line in table.splitlines() if "│  2 │" in line)
    assert "worked" in row
    assert "│ 1 session │" in row


def test_empty_answer_skips_and_is_shown_as_skipped(run, db):
    result = run("step", "3", input="\nsomething\n\n")
    assert result.exit_code == 1
    assert db("SELECT state, text FROM answer ORDER BY position") == [
        ("skipped", ""),
        ("answered", "something"),
    ]
    shown = run("step", "3", "--show").stdout
    assert "(skipped)" in shown
    assert "something" in shown


def test_pause_keeps_the_session_open_and_exits_cleanly(run, db):
    result = run("step", "1", input="kept\n\n/pause\n")
    assert result.exit_code == 0
    assert "Paused" in result.stdout
    assert db("SELECT status FROM guided_session") == [("open",)]
    assert db("SELECT text FROM answer") == [("kept",)]


def test_lines_typed_before_an_interrupt_are_kept_as_a_draft_and_offered_back(run, db):
    result = run("step", "1", input="half a thought\n")
    assert result.exit_code == 1
    assert db("SELECT text, state FROM answer") == [("half a thought", "draft")]

    again = run("step", "1", input="y\nand the rest\n\n")
    assert "half a thought" in again.stdout
    assert db("SELECT text, state FROM answer ORDER BY position")[0] == (
        "half a thought\nand the rest",
        "answered",
    )


def test_declining_resume_starts_fresh_and_keeps_the_old_session(run, db):
    run("step", "1", input="old answer\n\n")
    result = run("step", "1", input="n\nnew answer\n\n")
    assert result.exit_code == 1
    assert db("SELECT status FROM guided_session ORDER BY id") == [("finished",), ("open",)]
    shown = run("step", "1", "--show").stdout
    assert "old answer" in shown
    assert "new answer" in shown
    assert "session 2 of 2" in shown


def test_new_flag_starts_fresh_without_asking(run, db):
    run("step", "1", input="old\n\n")
    result = run("step", "1", "--new", input="fresh\n\n")
    assert "Pick up where you left off?" not in result.stdout
    assert db("SELECT COUNT(*) FROM guided_session") == [(2,)]


def test_each_session_is_kept_across_months_of_work(run, db):
    n = len(step_questions(12))
    run("step", "12", input="\n" * n)
    run("step", "12", input="\n" * n)
    assert db("SELECT COUNT(*), SUM(status = 'finished') FROM guided_session") == [(2, 2)]


def test_show_before_any_work_invites_gently(run):
    result = run("step", "7", "--show")
    assert result.exit_code == 0
    assert "haven't worked step 7" in result.stdout


def test_show_prints_answers_literally_not_as_markup(run):
    run("step", "1", input="[bold]not markup[/bold] and [red]this[/]\n\n")
    shown = run("step", "1", "--show").stdout
    assert "[bold]not markup[/bold] and [red]this[/]" in shown


def test_resume_prompt_rejects_nonsense_and_asks_again(run):
    run("step", "1", input="one\n\n")
    result = run("step", "1", input="maybe\ny\n")
    assert "Please answer y or n." in result.stdout


@pytest.fixture
def editor_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An $EDITOR that appends a line to the file it is given, and records the file's mode."""

    def make(body: str, exit_code: int = 0) -> Path:
        log = tmp_path / "editor.log"
        script = tmp_path / "fake-editor"
        script.write_text(
            "#!/bin/sh\n"
            f'stat -c "%a" "$1" > "{log}"\n'
            f'stat -c "%a" "$(dirname "$1")" >> "{log}"\n'
            f'echo "$1" >> "{log}"\n'
            f"printf '%s\\n' '{body}' >> \"$1\"\n"
            f"exit {exit_code}\n"
        )
        script.chmod(0o755)
        monkeypatch.setenv("EDITOR", str(script))
        return log

    return make


def test_edit_opens_a_private_temp_file_and_saves_what_comes_back(run, db, editor_script):
    log = editor_script("written in the editor")
    result = run("step", "1", input="typed first\n/edit\n")
    assert result.exit_code == 1
    assert db("SELECT text, state FROM answer ORDER BY position") == [
        ("typed first\nwritten in the editor", "answered")
    ]
    file_mode, dir_mode, path = log.read_text().split("\n")[:3]
    assert (file_mode, dir_mode) == ("600", "700")
    assert not Path(path).exists()
    assert not Path(path).parent.exists()


def test_a_failing_editor_loses_nothing(run, db, editor_script):
    editor_script("ignored", exit_code=1)
    result = run("step", "1", input="typed first\n/edit\n\n")
    assert "did not finish cleanly" in result.stdout
    assert db("SELECT text, state FROM answer ORDER BY position")[0] == ("typed first", "answered")


def test_missing_editor_is_explained(run, monkeypatch):
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    result = run("step", "1", input="/edit\n")
    assert "No editor was found" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
