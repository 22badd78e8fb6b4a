from pathlib import Path

import pytest

from stepwork import settings
from stepwork.content import load_step
from stepwork.messages import safety as safety_messages


def test_config_shows_every_setting_with_defaults(run):
    result = run("config")
    assert result.exit_code == 0
    for key, setting in settings.SETTINGS.items():
        if not setting.listed:  # the questions put away: stepwork config questions
            continue
        assert key in result.stdout
        if setting.default:
            assert setting.default in result.stdout


def test_config_change_flows_into_the_questions(run):
    result = run("config", "substance", "gambling")
    assert result.exit_code == 0
    assert "gambling" in result.stdout
    run("config", "higher_power", "the group")
    session = run("step", "1", input="")
    assert "control gambling" in session.stdout
    step2 = load_step(2, settings.load())
    assert "the group" in step2.statement


def test_config_unset_returns_to_the_default(run):
    run("config", "substance", "food")
    result = run("config", "substance", "--unset")
    assert result.exit_code == 0
    assert settings.load()["substance"] == settings.SETTINGS["substance"].default


def test_unknown_setting_is_one_line_and_changes_nothing(run, home):
    result = run("config", "colour", "blue")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "substance" in result.stderr
    assert not (home / "config.toml").exists()


def test_bad_setting_value_is_refused(run):
    run("config", "substance", "alcohol")
    result = run("config", "substance", "   ")
    assert result.exit_code == 2
    assert "cannot be empty" in result.stderr
    assert settings.load()["substance"] == "alcohol"


def settings_text(home: Path, content: bytes) -> Path:
    home.mkdir(mode=0o700, exist_ok=True)
    path = home / "config.toml"
    path.write_bytes(content)
    return path


def test_a_bad_setting_is_named_once_and_the_default_used(run, home, db):
    path = settings_text(home, b'craving_threshold = "abc"\n')
    for args in (("plan",), ("checkin", "--mood", "2", "--craving", "9"), ("config",)):
        result = run(*args, input="n\n")
        assert result.exit_code == 0, (args, result.stderr)
        [warning] = result.stderr.strip().splitlines()
        assert str(path) in warning and "craving_threshold" in warning, args
        assert '"7"' in warning, args
        if args == ("plan",):
            assert safety_messages.SAFETY_TITLE in result.stdout
    assert db("SELECT mood, craving FROM checkin") == [(2, 9)]


@pytest.mark.parametrize(
    "content",
    [
        b"substance = \n",
        b'substance = "caf\xe9"\n',
        b"substance = [1, 2]\n",
        b"[evil]\nx = 1\n",
        b"\xff\xfe",
    ],
    ids=["not-toml", "not-utf8", "a-list", "unknown-table", "binary"],
)
def test_a_broken_settings_file_is_named_and_can_be_fixed(run, home, content):
    path = settings_text(home, content)
    result = run("config")
    assert result.exit_code == 0, result.stderr
    [warning] = result.stderr.strip().splitlines()
    assert str(path) in warning
    assert "drinking or using" in result.stdout  # the default
    fixed = run("config", "substance", "alcohol")
    assert fixed.exit_code == 0, fixed.stderr
    after = run("config")
    assert after.exit_code == 0 and after.stderr == ""
    assert settings.load()["substance"] == "alcohol"


def test_values_with_quotes_survive_the_file(run):
    run("config", "higher_power", 'the "group" \\ and me')
    assert settings.load()["higher_power"] == 'the "group" \\ and me'


def test_wording_shows_paraphrases_and_where_an_override_goes(run, home):
    result = run("wording")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "stepwork's own paraphrases" in flat
    assert "".join(str(home / "wording.toml").split()) in "".join(result.stdout.split())
    assert "12" in result.stdout


def test_a_wording_file_replaces_the_steps_it_names(run, home):
    template = run("wording", "--template").stdout
    home.mkdir(mode=0o700)
    own = template.replace('# 1 = "..."', '1 = "Our own first step, exactly as our book has it."')
    (home / "wording.toml").write_text(own)
    result = run("wording")
    flat = " ".join(result.stdout.split())
    assert "Our own first step, exactly as our book has it." in flat
    assert "My fellowship" in flat
    session = run("step", "1", input="")
    assert "Our own first step" in " ".join(session.stdout.split())
    step2 = load_step(2, settings.load())
    assert step2.statement.split()[0] in flat


def test_a_broken_wording_file_is_named(run, home):
    home.mkdir(mode=0o700)
    path: Path = home / "wording.toml"
    path.write_text('[steps]\n13 = "no such step"\n')
    result = run("wording")
    assert result.exit_code == 1
    assert str(path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
