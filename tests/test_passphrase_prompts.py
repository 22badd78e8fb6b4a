"""Passphrases asked as the tools people trust ask them: again on a mismatch, three tries for a
wrong one on a terminal, and prompts that say which passphrase they mean."""

import pexpect
import pytest

from stepwork.messages import privacy as privacy_messages

from .pty_helpers import finish, spawn

pytest.importorskip("sqlcipher3")


def encrypt(home, passphrase: str, mismatch_first: bool = False) -> pexpect.spawn:
    child = spawn(home, "encrypt")
    if mismatch_first:
        child.expect_exact(privacy_messages.NEW_PASSPHRASE_PROMPT)
        child.sendline("a long first passphrase")
        child.expect_exact(privacy_messages.PASSPHRASE_AGAIN)
        child.sendline("a long other passphrase")
        child.expect_exact(privacy_messages.PASSPHRASES_DIFFER_AGAIN)
    child.expect_exact(privacy_messages.NEW_PASSPHRASE_PROMPT)
    child.sendline(passphrase)
    child.expect_exact(privacy_messages.PASSPHRASE_AGAIN)
    child.sendline(passphrase)
    return child


@pytest.fixture
def encrypted(home, run):
    run("checkin", "--mood", "6", "--note", "a quiet day")
    child = encrypt(home, "the right passphrase", mismatch_first=True)
    assert finish(child) == 0
    return home


def test_a_mismatch_on_encrypt_asks_again_and_then_encrypts(encrypted):
    head = (encrypted / "stepwork.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_a_wrong_passphrase_on_a_terminal_gets_three_tries(encrypted):
    child = spawn(encrypted, "log")
    for _ in range(2):
        child.expect_exact(privacy_messages.PASSPHRASE_PROMPT)
        child.sendline("not it")
        child.expect_exact(privacy_messages.WRONG_PASSPHRASE_AGAIN)
    child.expect_exact(privacy_messages.PASSPHRASE_PROMPT)
    child.sendline("the right passphrase")
    child.expect_exact("a quiet day")
    assert finish(child) == 0


def test_changing_it_asks_for_the_current_one_by_name(encrypted):
    child = spawn(encrypted, "passphrase")
    child.expect_exact(privacy_messages.CURRENT_PASSPHRASE_PROMPT)
    child.sendline("the right passphrase")
    child.expect_exact(privacy_messages.NEW_PASSPHRASE_PROMPT)
    child.sendline("a brand new passphrase")
    child.expect_exact(privacy_messages.PASSPHRASE_AGAIN)
    child.sendline("a brand new passphrase")
    assert finish(child) == 0


def test_status_in_a_prompt_never_asks_for_the_passphrase(encrypted):
    child = spawn(encrypted, "status")
    child.expect(pexpect.EOF)
    assert "assphrase" not in child.before
    child.close()
    assert child.exitstatus == 0
