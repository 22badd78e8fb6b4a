"""The groups commands are listed under in `stepwork --help`."""

STEP_WORK = "Step work"
DAILY = "Daily practice"
WORDS = "Your words: find, change, export"
PRIVACY = "Privacy and safety"
SETUP = "Setup"
