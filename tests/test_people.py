"""The sober network: people, reaching out, the plan's people, step five, stats, the nudge, and
people in exports and imports."""

import json
import re
import sqlite3
import subprocess

import pytest

from stepwork.store import migrations
from stepwork.store.connection import open_connection

from .conftest import child_env, lines, stepwork_command


def flat(text: str) -> str:
    """What a panel says, with its borders and line wrapping taken out."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


def add(run, name: str, *options: str):
    result = run("people", "add", name, *options)
    assert result.exit_code == 0, result.stderr
    return result


def network(run) -> None:
    add(run, "Sam K", "--role", "sponsor", "--reach", "555 0134", "--hard-moments")
    add(run, "Alex", "--role", "friend", "--reach", "after the Tuesday meeting")
    add(run, "Alexis", "--role", "friend in recovery", "--note", "met at the step study")
    add(run, "Dr Lee", "--role", "therapist", "--reach", "office 555 0199")


# --- 1. people -------------------------------------------------------------------------------


def test_people_are_added_listed_shown_edited_and_removed(run, db):
    assert "No one in your people yet" in run("people").stdout
    network(run)
    listed = run("people").stdout
    for expected in ("p1", "Sam K ★", "sponsor", "555 0134", "friend in recovery", "not yet"):
        assert expected in listed, expected
    data = json.loads(run("people", "--json").stdout)
    assert data[0]["id"] == "p1"  # hard-moments people first
    sam = data[0]
    assert sam["role"] == "sponsor" and sam["hard_moments"] is True and sam["reach"] == "555 0134"
    assert "met at the step study" in run("show", "p3").stdout
    assert "met at the step study" in run("people", "show", "Alexis").stdout
    result = run("people", "edit", "p2", "--reach", "555 0200", "--hard-moments")
    assert result.exit_code == 0, result.stderr
    assert db("SELECT reach, hard_moments FROM person WHERE id = 2") == [("555 0200", 1)]
    assert run("edit", "p2", input=lines("", "family", "", "", "")).exit_code == 0
    assert db("SELECT role FROM person WHERE id = 2") == [("family",)]
    run("reached", "Alexis")
    removed = run("people", "remove", "Alexis", input="y\n")
    assert removed.exit_code == 0 and "1 logged time" in removed.stdout
    assert db("SELECT count(*) FROM person WHERE name = 'Alexis'") == [(0,)]
    assert db("SELECT count(*) FROM contact") == [(0,)]
    assert db("SELECT table_name FROM tombstone ORDER BY table_name") == [("contact",), ("person",)]
    assert run("delete", "p4", "--yes").exit_code == 0
    assert db("SELECT count(*) FROM person") == [(2,)]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("people", "add", "Sam", "--role", "boss"), "not a role"),
        (("people", "add", "   "), "Give them a name"),
    ],
)
def test_bad_people_input_is_one_line_and_saves_nothing(run, db, home, args, said):
    add(run, "Jo")
    result = run(*args)
    assert result.exit_code == 2 and said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert db("SELECT name FROM person") == [("Jo",)]


def test_role_names_are_the_persons_own(run):
    assert run("config", "role_names", "friend=friend in the program").exit_code == 0
    add(run, "Jo", "--role", "friend in the program")
    assert "friend in the program" in run("people").stdout
    assert json.loads(run("people", "--json").stdout)[0]["role"] == "friend"
    assert run("config", "role_names", "boss=chief").exit_code == 2


def test_names_from_a_person_are_shown_exactly_and_never_as_markup(run):
    add(run, "[bold]Kim[/] \x1b[31m", "--reach", "[link=http://x]call[/link]")
    shown = run("people").stdout
    assert "[bold]Kim[/] ␛[31m" in shown and "[link=http://x]call[/link]" in shown
    assert "\x1b[31m" not in shown


# --- 2. reaching out -------------------------------------------------------------------------


def test_reached_finds_people_by_role_name_part_or_id(run, db, clock):
    clock("2026-11-27 20:00")
    network(run)
    assert run("reached", "sponsor", "--how", "call").exit_code == 0
    assert run("reached", "alexi", "--how", "coffee", "--note", "good talk").exit_code == 0
    assert run("reached", "dr", "--date", "yesterday").exit_code == 0
    assert run("reached", "p2", "--how", "text").exit_code == 0
    assert run("reached", "Sam K").exit_code == 0
    assert db("SELECT person_id, local_date, how, note FROM contact ORDER BY id") == [
        (1, "2026-11-27", "call", ""),
        (3, "2026-11-27", "coffee", "good talk"),
        (4, "2026-11-26", None, ""),
        (2, "2026-11-27", "text", ""),
        (1, "2026-11-27", None, ""),
    ]
    assert "Reached out" in run("log", "-k", "reached").stdout


def test_an_ambiguous_name_lists_the_candidates_and_saves_nothing(run, db):
    network(run)
    result = run("reached", "ale")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Alex (friend in recovery, p2)" in result.stderr and "Alexis" in result.stderr
    friends = run("reached", "friend")
    assert friends.exit_code == 1 and "2 people" in friends.stderr
    nobody = run("reached", "Morgan")
    assert nobody.exit_code == 1 and "No one in your people matches" in nobody.stderr
    assert run("reached", "Sam", "--how", "carrier pigeon").exit_code == 2
    assert run("reached", "Sam", "--date", "2999-01-01").exit_code == 2
    assert db("SELECT count(*) FROM contact") == [(0,)]


def test_the_guided_checkin_asks_whom_you_connected_with(run, db):
    network(run)
    typed = lines("6", "3", "", "Home group", "", "1, alexi", "", "", "")
    result = run("checkin", input=typed)
    assert result.exit_code == 0, result.stderr
    assert "Did you connect with anyone today?" in result.stdout
    assert "1 Sam K (sponsor)" in result.stdout
    [(checkin,)] = db("SELECT id FROM checkin")
    assert sorted(db("SELECT person_id, checkin_id FROM contact")) == [(1, checkin), (3, checkin)]
    assert "Sam K" in run("show", f"c{checkin}").stdout
    assert run("delete", f"c{checkin}", "--yes").exit_code == 0
    assert db("SELECT count(*) FROM contact") == [(0,)]


def test_a_stopped_checkin_resumes_without_losing_whom_you_reached(run, db):
    network(run)
    stopped = run("checkin", input=lines("6", "3", "", "", "2"))  # the menu: Sam K, Dr Lee, ...
    assert stopped.exit_code == 1
    assert db("SELECT person_id FROM contact") == [(4,)]
    resumed = run("checkin", input=lines("y", "rain", "", "", ""))
    assert resumed.exit_code == 0, resumed.stderr
    assert "Did you connect" not in resumed.stdout
    assert db("SELECT person_id FROM contact") == [(4,)]
    assert db("SELECT text FROM daily_entry") == [("rain",)]


def test_a_checkin_with_only_a_connection_is_kept(run, db):
    network(run)
    result = run("checkin", input=lines("", "", "", "", "1", "", "", ""))
    assert result.exit_code == 0 and "Check-in saved" in result.stdout
    assert db("SELECT count(*) FROM checkin") == [(1,)]


def test_without_people_the_checkin_does_not_ask(run):
    result = run("checkin", input="\n" * 10)
    assert "Did you connect" not in result.stdout


# --- 3. one home for names -------------------------------------------------------------------


def _version_7_plan(home, people_text: str) -> None:
    home.mkdir(mode=0o700)
    path = home / "stepwork.db"
    conn = open_connection(path)
    migrations.migrate(conn, path, home / "backups", migrations.MIGRATIONS[:7])
    stamp = "2026-11-01 10:00:00.000000"
    conn.execute(
        "INSERT INTO guided_session (uid, flow, step, status, local_date, started_at, "
        "updated_at, finished_at) VALUES ('s1', 'plan', NULL, 'finished', '2026-11-01', ?, ?, ?)",
        (stamp, stamp, stamp),
    )
    for position, (key, text) in enumerate(
        [("what-helps", "A walk"), ("people", people_text)], start=1
    ):
        conn.execute(
            "INSERT INTO answer (uid, session_id, position, question_key, question_text, text, "
            "state, answered_at, updated_at) VALUES (?, 1, ?, ?, 'q', ?, 'answered', ?, ?)",
            (f"a{position}", position, key, text, stamp, stamp),
        )
    conn.close()


def test_migration_moves_the_plans_people_into_the_network_without_loss(run, db, home):
    plan_people = (
        "Sam (sponsor) 555 0134\n"
        "  \n"
        "Mum - +44 (0)20 7946 0958\n"
        "my therapist Dr Lee: 555-0199\n"
        "Call the home group\n"
        "Jo 12"
    )
    _version_7_plan(home, plan_people)
    shown = run("plan")
    assert shown.exit_code == 0, shown.stderr
    people = db("SELECT name, role, reach, note, hard_moments FROM person ORDER BY id")
    assert [p[:3] for p in people] == [
        ("Sam", "sponsor", "555 0134"),
        ("Mum", "other", "+44 (0)20 7946 0958"),
        ("Dr Lee", "therapist", "555-0199"),
        ("Call the home group", "home-group", ""),
        ("Jo 12", "other", ""),
    ]
    # Every line the person wrote is kept whole in the note.
    written = [line.strip() for line in plan_people.splitlines() if line.strip()]
    assert [p[3] for p in people] == [f"From your coping plan: {line}" for line in written]
    assert all(p[4] == 1 for p in people)
    assert db("SELECT text, state FROM answer WHERE question_key = 'people'") == [("", "skipped")]
    assert db("SELECT text FROM answer WHERE question_key = 'what-helps'") == [("A walk",)]
    out = shown.stdout
    assert "Your people for hard moments" in out and "Mum (other): +44 (0)20 7946 0958" in out
    assert out.index("Sam (sponsor): 555 0134") < out.index("If you might harm")
    assert "A walk" in out
    assert list((home / "backups").iterdir())  # the copy kept before upgrading


def test_a_plan_without_people_migrates_to_an_empty_network(run, db, home):
    _version_7_plan(home, "   ")
    assert run("people").exit_code == 0
    assert db("SELECT count(*) FROM person") == [(0,)]


def test_plan_edit_chooses_hard_moments_people_from_the_network(run, db):
    network(run)
    typed = lines("", "", "2,3", "Mum 555 1111", "", "", "")  # Sam K, Dr Lee, Alex, Alexis
    result = run("plan", "--edit", input=typed)
    assert result.exit_code == 0, result.stderr
    assert "Whom from your people would you call in a hard moment?" in result.stdout
    assert "Now: Sam K (sponsor)" in result.stdout
    assert db("SELECT id FROM person WHERE hard_moments = 1 ORDER BY id") == [(2,), (4,)]
    assert db("SELECT count(*) FROM answer WHERE question_key = 'people-network'") == [(0,)]
    shown = run("plan").stdout
    assert "Alex (friend in recovery): after the Tuesday meeting" in shown
    assert "Mum 555 1111" in shown and "Sam K (sponsor): 555" not in shown
    kept = run("plan", "--edit", input=lines("", "", "", "", "", ""))
    assert kept.exit_code == 0
    assert db("SELECT id FROM person WHERE hard_moments = 1 ORDER BY id") == [(2,), (4,)]


def test_a_strong_craving_shows_hard_moments_people_first(run):
    network(run)
    result = run("checkin", "--craving", "9")
    out = result.stdout
    assert "Your people for hard moments" in out and "Sam K (sponsor): 555 0134" in out
    assert "Alex (" not in out.split("Help, right now")[1].split("If you might")[0]


STEP4 = lines("1", "My boss", "", "n", "He shouted", "", "1", "2", "I lied", "", "n", "n", "", "")


def test_step_five_offers_the_sponsor_and_therapist_from_the_network(run, db):
    network(run)
    assert run("step", "4", input=STEP4).exit_code == 0
    result = run("step", "5", input=lines("1", "", "y", "n"))
    assert result.exit_code == 0, result.stderr
    assert "1 Sam K (sponsor)   2 Dr Lee (therapist)" in result.stdout
    assert db("SELECT shared_with FROM inventory_share") == [("Sam K",)]
    packet = run("export", "--for", "sponsor")
    assert packet.exit_code == 0 and "My boss" in packet.stdout


# --- 4. stats --------------------------------------------------------------------------------


def _month(run, clock) -> None:
    """Thirty days of check-ins; a contact or a meeting on even days, with calmer numbers."""
    network(run)
    for day in range(1, 31):
        clock(f"2026-11-{day:02d} 20:00")
        connected = day % 2 == 0
        craving, mood = ("2", "7") if connected else ("6", "4")
        options = ["--mood", mood, "--craving", craving]
        if day % 4 == 0:
            options += ["--meeting", "Home group"]
        run("checkin", *options)
        if connected and day % 4 != 0:
            run("reached", "Sam K" if day < 20 else "Alex", "--how", "call")


def test_stats_show_connection_as_an_observation(run, clock):
    _month(run, clock)
    data = json.loads(run("stats", "--json").stdout)["connection"]
    assert data["contacts_per_week"] == {
        "2026-10-26": 0,
        "2026-11-02": 2,
        "2026-11-09": 2,
        "2026-11-16": 2,
        "2026-11-23": 1,
        "2026-11-30": 1,
    }
    assert data["meetings_per_week"]["2026-11-02"] == 2  # the 4th and the 8th
    assert data["days_since_sponsor"] == 12  # last on the 18th, today the 30th
    assert data["with_and_without"] == {
        "days_with_connection": 15,
        "days_without_connection": 15,
        "mood_with": 7.0,
        "mood_without": 4.0,
        "craving_with": 2.0,
        "craving_without": 6.0,
    }
    shown = flat(run("stats").stdout)
    assert "Last reached your sponsor: 12 days ago." in shown
    assert "On the 15 days with a contact or a meeting, mood averaged 7.0" in shown
    assert "Something to notice, not a rule." in shown


def test_stats_wait_for_fourteen_checkins_before_comparing(run, clock, db):
    network(run)
    for day in range(1, 14):
        clock(f"2026-11-{day:02d} 20:00")
        run("checkin", "--mood", "5")
    data = json.loads(run("stats", "--json").stdout)["connection"]
    assert data["with_and_without"] is None and data["days_since_sponsor"] is None
    shown = run("stats").stdout
    assert "With 14 check-ins or more" in shown and "(13 so far)" in shown
    assert "You have not logged reaching your sponsor yet." in shown


# --- 5. the nudge ----------------------------------------------------------------------------


def test_the_dashboard_notices_isolation_gently(run, clock):
    clock("2026-11-01 09:00")
    network(run)
    run("reached", "Alex")
    clock("2026-11-05 09:00")
    shown = flat(run().stdout)
    assert "Last reached out: 4 days ago" in shown and "It has been" not in shown
    clock("2026-11-09 09:00")
    shown = flat(run().stdout)
    assert "It has been 8 days since you last reached out to anyone." in shown
    assert "Sam K (sponsor, 555 0134) might be glad to hear from you." in shown
    run("checkin", "--meeting", "Home group")
    assert "It has been" not in flat(run().stdout)  # a meeting is connection too
    clock("2026-11-30 09:00")
    run("config", "isolation_days", "0")
    assert "It has been" not in flat(run().stdout)
    assert run("config", "isolation_days", "-3").exit_code == 2


def test_the_dashboard_suggests_a_call_when_cravings_are_strong_twice_in_three_days(run, clock):
    network(run)
    clock("2026-11-10 20:00")
    run("reached", "Alex")
    run("checkin", "--craving", "8")
    clock("2026-11-11 20:00")
    assert "Cravings have been strong" not in flat(run().stdout)
    run("checkin", "--craving", "3")
    clock("2026-11-12 20:00")
    run("checkin", "--craving", "7")
    shown = flat(run().stdout)
    assert "Cravings have been strong on two of the last three days." in shown
    assert "A call could help: Sam K (sponsor, 555 0134)." in shown
    clock("2026-11-13 20:00")
    assert "Cravings have been strong" not in flat(run().stdout)


def test_a_new_journal_has_no_nudge(run):
    shown = flat(run().stdout)
    assert "reached out" not in shown and "Cravings" not in shown


# --- 6. export, import, merge ----------------------------------------------------------------


def test_json_carries_people_and_merges_like_every_record(run, db, home, tmp_path, monkeypatch):
    network(run)
    run("reached", "sponsor", "--how", "call")
    exported = tmp_path / "one.json"
    assert run("export", "--format", "json", "-o", str(exported)).exit_code == 0
    tables = json.loads(exported.read_text())["tables"]
    assert tables["person"][0]["name"] == "Sam K"
    assert tables["contact"][0]["person_uid"] == tables["person"][0]["uid"]
    # A second machine: imports, then edits Sam later; the newer edit wins both ways.
    monkeypatch.setenv("STEPWORK_HOME", str(tmp_path / "other"))
    assert run("import", str(exported)).exit_code == 0
    assert run("people", "edit", "sponsor", "--reach", "555 7777").exit_code == 0
    second = tmp_path / "two.json"
    assert run("export", "--format", "json", "-o", str(second)).exit_code == 0
    monkeypatch.setenv("STEPWORK_HOME", str(home))
    assert run("people", "remove", "Dr Lee", "--yes").exit_code == 0
    assert run("import", str(second)).exit_code == 0
    assert db("SELECT reach FROM person WHERE name = 'Sam K'") == [("555 7777",)]
    assert db("SELECT count(*) FROM person WHERE name = 'Dr Lee'") == [(0,)]  # stays deleted
    assert db("SELECT count(*) FROM contact") == [(1,)]


def test_people_stay_out_of_markdown_and_packets_unless_asked(run):
    network(run)
    run("reached", "sponsor", "--note", "talked it through")
    run("plan", "--edit", input=lines("Nights", "", "", "", "Mum 555 1111", "", "", ""))
    run("checkin", "--mood", "5")
    plain = run("export").stdout
    assert "555 0134" not in plain and "Sam K" not in plain and "Mum 555 1111" not in plain
    packet = run("export", "--for", "therapist", "--with-trends").stdout
    assert "Nights" in packet and "Mum 555 1111" not in packet and "Sam K" not in packet
    full = run("export", "--with-people").stdout
    assert "## My people" in full and "555 0134" in full and "talked it through" in full
    packet = run("export", "--for", "therapist", "--with-trends", "--with-people").stdout
    assert "Mum 555 1111" in packet and "Sam K" in packet


def test_people_stay_out_of_the_vault_unless_asked(run, db, tmp_path):
    network(run)
    run("plan", "--edit", input=lines("Nights", "", "", "", "Mum 555 1111", "", "", ""))
    run("checkin", input=lines("6", "3", "", "", "1", "", "", ""))
    assert db("SELECT count(*) FROM contact WHERE checkin_id IS NOT NULL") == [(1,)]

    def vault_text(*options: str) -> str:
        folder = tmp_path / ("with" if options else "without")
        assert run("export", "--vault", "-o", str(folder), *options).exit_code == 0
        return "\n".join(f.read_text() for f in sorted(folder.rglob("*.md")))

    without = vault_text()
    assert "Sam K" not in without and "Mum 555 1111" not in without and "Nights" in without
    with_people = vault_text("--with-people")
    assert "Sam K" in with_people and "Mum 555 1111" in with_people


def test_deleting_a_person_says_their_logged_contacts_go_too(run, db):
    network(run)
    run("reached", "sponsor")
    run("reached", "sponsor", "--date", "yesterday")
    result = run("delete", "p1", input=lines("n"))
    assert "The 2 records of reaching them go too." in result.stdout
    assert db("SELECT count(*) FROM contact") == [(2,)]


# --- the real entry point --------------------------------------------------------------------


@pytest.mark.slow
def test_people_and_reached_run_from_the_installed_command(home):
    env = child_env(home, NO_COLOR="1")
    added = subprocess.run(
        [*stepwork_command(), "people", "add", "Sam", "--role", "sponsor"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert added.returncode == 0, added.stderr
    reached = subprocess.run(
        [*stepwork_command(), "reached", "sponsor", "--how", "call"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert reached.returncode == 0 and "you reached Sam (call)" in reached.stdout
    listed = subprocess.run(
        [*stepwork_command(), "people"], capture_output=True, text=True, env=env
    )
    assert "Sam" in listed.stdout and "today" in listed.stdout
    conn = sqlite3.connect(home / "stepwork.db")
    assert conn.execute("SELECT count(*) FROM contact").fetchone() == (1,)
    conn.close()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sam (sponsor) 555 0134", ("Sam", "555 0134", "sponsor")),
        ("my therapist Dr Lee: 555-0199", ("Dr Lee", "555-0199", "therapist")),
        ("Home group: Tuesday 7pm", ("Home group: Tuesday 7pm", "", "home-group")),
        ("sponsor Sam", ("sponsor Sam", "", "sponsor")),
        ("Jo (Sponsor)", ("Jo", "", "sponsor")),
        ("555 0134", ("555 0134", "", "other")),  # a number alone stays the name
        ("Kim, my sponsee 07700 900123", ("Kim, my sponsee", "07700 900123", "sponsee")),
    ],
)
def test_a_plan_line_splits_into_name_reach_and_role(line, expected):
    assert migrations.split_plan_line(line) == expected
