"""Each inventory section in its own columns everywhere; the trauma question first; a packet for
a therapist or a sponsor."""

import json
import re
import sqlite3
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from stepwork.content.inventory import SECTIONS, columns
from stepwork.messages import inventory as inventory_messages

from .conftest import lines
from .test_inventory import FEAR, HARM, RESENTMENT, SEX, step4

FEAR_HEADINGS = [
    "The fear",
    "Why I have it",
    "What it has led me to do",
    "What I can trust instead",
]


def flat(text: str) -> str:
    return " ".join(text.split())


def table_headers(markdown: str) -> list[list[str]]:
    """The header row of every table in a markdown document, parsed as CommonMark (+ tables)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headers, current, in_head = [], [], False
    for token in tokens:
        if token.type == "thead_open":
            in_head, current = True, []
        elif token.type == "thead_close":
            in_head = False
            headers.append(current)
        elif in_head and token.type == "inline":
            current.append(token.content)
    return headers


def test_every_section_names_its_columns_in_the_content_file():
    for key in SECTIONS:
        headings = [c.heading for c in columns(key)]
        assert len(headings) >= 4 and len(set(headings)) == len(headings)
    assert [c.heading for c in columns("fear")] == FEAR_HEADINGS


def test_a_fear_shows_under_fear_columns_in_the_list_show_markdown_and_vault(run, tmp_path):
    run("config", "higher_power", "my Higher Power")
    step4(run, 2, FEAR)
    listed = run("inventory", "list").stdout
    on_screen = re.sub(r"[\u2500-\u257f]", " ", listed).split()
    for heading in FEAR_HEADINGS:
        assert all(word in on_screen for word in heading.split()), heading
    assert "Affects" not in listed and "Who" not in listed
    assert "I cling to people" in flat(listed)

    shown = run("inventory", "show", "i1").stdout
    assert shown.index("What it has led me to do") < shown.index("I cling to people")

    markdown = run("export").stdout
    assert ["ID", *FEAR_HEADINGS, "Notes"] in table_headers(markdown)

    assert run("export", "--output", str(tmp_path / "vault"), "--vault").exit_code == 0
    [note] = (tmp_path / "vault" / "inventory").iterdir()
    text = note.read_text()
    assert "## What it has led me to do\n\nI cling to people" in text
    assert "## What I can trust instead\n\nMy sponsor" in text


def test_each_section_has_its_own_headers_in_one_export(run):
    step4(run, 1, RESENTMENT)
    step4(run, 2, FEAR)
    step4(run, 3, SEX)
    step4(run, 4, HARM)
    headers = table_headers(run("export").stdout)
    for key in SECTIONS:
        assert ["ID", *(c.heading for c in columns(key)), "Notes"] in headers
    item = {i["section"]: i for i in json.loads(run("inventory", "list", "--json").stdout)}
    assert {c["heading"]: c["text"] for c in item["harm"]["columns"]}["What I would do now"] == (
        "Pay it back and say so"
    )


def test_a_marked_fear_goes_to_the_sponsor_under_fear_columns(run):
    step4(run, 2, FEAR)
    run("inventory", "edit", "i1", "--for-sponsor")
    packet = run("export", "--for", "sponsor").stdout
    assert packet.startswith("# For my sponsor")
    assert ["ID", *FEAR_HEADINGS, "Notes"] in table_headers(packet)


def test_the_trauma_question_comes_right_after_who_and_skips_every_detail(run, db):
    result = run("step", "4", input=lines("1", "My uncle", "", "y", "n", "n", ""))
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert out.index("Who or what do you resent?") < out.index("Is this something that was done")
    assert "You do not need to give any details" in out
    assert "What happened?" not in out and "threaten" not in out and "your part" not in out
    assert "feel your feet on the floor" in out
    assert inventory_messages.NO_PART_PAUSE in out
    keys = {row[0] for row in db("SELECT question_key FROM answer")}
    assert keys == {"who", "no-part"}
    assert db("SELECT for_therapist FROM inventory_item") == [(1,)]
    [item] = json.loads(run("inventory", "list", "--json").stdout)
    assert {c["heading"]: c["text"] for c in item["columns"]} == {
        "Who or what": "My uncle",
        "What happened": "",
        "What it threatened": "",
        "My part": inventory_messages.NO_PART_COLUMN_THERAPIST,
    }
    # The questions never asked are not shown as if left blank.
    shown = flat(run("inventory", "show", "i1").stdout)
    assert "What happened" not in shown and "What it threatened" not in shown
    assert inventory_messages.COLUMN_EMPTY not in shown
    # Unmarked for a therapist, the column no longer names one.
    assert run("inventory", "edit", "i1", "--not-for-therapist").exit_code == 0
    assert "therapist" not in run("inventory", "list").stdout
    [item] = json.loads(run("inventory", "list", "--json").stdout)
    assert item["columns"][-1]["text"] == inventory_messages.NO_PART_COLUMN
    for view in (run("inventory", "show", "i1"), run("show", "i1"), run("export")):
        assert "therapist" not in view.stdout


def test_saying_yes_to_the_pause_stops_step_four_gently(run):
    result = run("step", "4", input=lines("3", "Someone", "", "y", "y"))
    assert result.exit_code == 0, result.stderr
    assert "Paused. Everything so far is saved" in flat(result.stdout)
    assert "Add another" not in result.stdout


def test_relationships_are_asked_neutrally_and_after_the_trauma_question(run):
    result = step4(run, 3, SEX)
    out = flat(result.stdout)
    assert out.index("Which relationship") < out.index("done to you") < out.index("What happened")
    assert out.index("What happened") < out.index("selfish")


def test_an_old_item_keeps_its_text_under_the_new_columns(run, home):
    """An item written before the columns changed (a fear with who, cause, effect)."""
    step4(run, 2, FEAR)
    conn = sqlite3.connect(home / "stepwork.db")
    conn.execute("DELETE FROM answer WHERE question_key IN ('no-part', 'trust')")
    conn.execute("UPDATE answer SET question_text = 'What are you afraid of?' WHERE position = 1")
    conn.commit()
    conn.close()
    listed = flat(run("inventory", "list").stdout)
    for text in ("Being alone", "I was left a lot", "I cling to people"):
        assert text in listed


# --- the packet -------------------------------------------------------------------------------


def test_a_therapist_packet_with_trends(run, clock):
    clock("2026-11-27 10:00")
    run("step", "4", input=lines("1", "My uncle", "", "y", "n", "n", ""))
    run("plan", "--edit", input=lines("Not sleeping", "", "A walk", "", "Sam 555 0101", ""))
    run("checkin", "--mood", "2", "--craving", "8", "--halt", "tired,lonely", "--date=2026-11-20")
    run("checkin", "--mood", "6", "--trigger", "place:the old bar", "--date", "2026-11-26")
    run("checkin", "--mood", "9", "--date", "2026-10-01")  # older than 30 days
    result = run("export", "--for", "therapist", "--with-trends")
    assert result.exit_code == 0, result.stderr
    doc = result.stdout
    assert doc.startswith("# For my therapist")
    assert "Shared with" not in doc
    assert "My uncle" in doc
    headers = table_headers(doc)
    assert ["Day", "Mood", "Craving", "HALT", "Triggers"] in headers
    assert "| 2026-11-20 | 2 | 8 | lonely, tired |" in doc
    assert "place: the old bar" in doc
    assert "2026-10-01" not in doc
    assert "## My coping plan" in doc and "A walk" in doc
    # The plan under its short headings, not the form's prompts.
    assert "One per line" not in doc
    assert "Sam 555 0101" not in doc  # other people's numbers only with --with-people
    with_people = run("export", "--for", "therapist", "--with-trends", "--with-people").stdout
    assert "Sam 555 0101" in with_people


def test_trends_only_go_with_a_packet(run):
    result = run("export", "--with-trends")
    assert result.exit_code == 2
    assert "--for therapist" in result.stderr


@pytest.mark.parametrize("whom", ["therapist", "y", "Sam"])
def test_an_empty_packet_says_so_and_exits_1(run, home, whom, tmp_path: Path):
    step4(run, 1, RESENTMENT)
    target = tmp_path / "packet.md"
    result = run("export", "--for", whom, "--output", str(target))
    assert result.exit_code == 1
    assert "nothing to export" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


# --- honest progress --------------------------------------------------------------------------


def step_row(run, n: int) -> str:
    for line in run("steps").stdout.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) > 2 and cells[1] == str(n):
            return " ".join(cells)
    raise AssertionError(f"no row for step {n}")


def test_steps_five_eight_and_nine_count_once_worked(run, clock):
    clock("2026-11-27 10:00")
    for n in (5, 8, 9):
        assert "not started" in step_row(run, n)
    step4(run, 1, RESENTMENT)
    run("inventory", "share", "i1", "--with", "sponsor")
    assert "worked" in step_row(run, 5) and "1 shared" in step_row(run, 5)
    # Add Dad; willing for both (living, then indirect amends); no reflection.
    typed = lines("Dad", "lied to him", "", "y", "n", "3", "y", "n", "2", "n")
    result = run("step", "8", input=typed)
    assert result.exit_code == 0, result.stderr
    row8 = step_row(run, 8)
    assert "worked" in row8 and "2 on the list" in row8
    assert "not started" in step_row(run, 9)
    result = run("step", "9", input=lines("today", "today", "n"))
    assert result.exit_code == 0, result.stderr
    assert "worked" in step_row(run, 9) and "2 planned" in step_row(run, 9)


def test_a_list_seeded_from_the_inventory_is_not_step_eight_worked(run, clock):
    clock("2026-11-27 10:00")
    step4(run, 1, RESENTMENT)  # marked as owing amends: the amends list gets "My boss"
    step4(run, 1, RESENTMENT)
    row8 = step_row(run, 8)
    assert "worked" not in row8
    assert "list ready" in row8 and "2 on the list" in row8
    row4 = step_row(run, 4)
    assert "2 items" in row4 and "session" not in row4


def test_one_item_held_for_a_therapist_is_spoken_of_as_one(run):
    from .test_inventory import RESENTMENT_NO_PART

    step4(run, 1, RESENTMENT_NO_PART)
    out = " ".join(run("step", "5", input=lines("sponsor", "", "n")).stdout.split())
    assert "1 item is marked for a therapist" in out
    assert "it comes up when you share" in out and "they come up" not in out


def test_a_name_as_typed_is_never_capitalised_mid_sentence(run):
    typed = lines("My former boss", "took credit", "", "y", "n", "1", "n")
    result = run("step", "8", input=typed)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "My former boss: are you willing, today, to make these amends?" in out
    assert "amends to My former boss" not in out
    planned = run("step", "9", input=lines("today", "n"))
    assert planned.exit_code == 0, planned.stderr
    asked = " ".join(run("step", "9", input=lines("y", "It went well", "n")).stdout.split())
    assert "My former boss: have you made these amends?" in asked


def test_owing_amends_on_an_item_where_one_was_harmed_gets_a_gentle_word_first(run, db):
    assert run("step", "4", input=lines("1", "My uncle", "", "y", "y")).exit_code == 0
    declined = run("inventory", "edit", "i1", "--owes-amends", input="n\n")
    assert declined.exit_code == 0
    said = flat(declined.stdout)
    assert flat(inventory_messages.AMENDS_WHEN_HARMED) in said
    assert inventory_messages.AMENDS_WHEN_HARMED_QUESTION in said
    assert db("SELECT 1 FROM amends") == []
    assert "owes amends" not in run("inventory", "show", "i1").stdout

    agreed = run("inventory", "edit", "i1", "--owes-amends", input="y\n")
    assert agreed.exit_code == 0
    assert "owes amends" in run("inventory", "show", "i1").stdout

    # Marking an item where the person had a part asks nothing.
    assert (
        run("inventory", "add", "harm", input=lines("A friend", "", "", "", "", "")).exit_code == 0
    )
    plain = run("inventory", "edit", "i2", "--owes-amends")
    assert plain.exit_code == 0
    assert inventory_messages.AMENDS_WHEN_HARMED_QUESTION not in plain.stdout
