"""Characters that act instead of showing, and the visible form each is shown as.

Used wherever user text is shown to a person: the terminal (`render`), and the exports people
read (markdown, the vault, the HTML packet). The JSON export keeps text exact instead. No Rich
here, so exports can use it without loading the terminal stack.
"""


def _caret(code: int) -> str:
    return "^" + chr(code ^ 0x40)


def _named(code: int) -> str:
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩


# C0 as Unicode's control pictures (ESC is ␛), DEL as ␡, C1 in `cat -v` notation (M-^[).
VISIBLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10)}
VISIBLE[0x7F] = "\u2421"
VISIBLE.update({code: "M-" + _caret(code - 0x80) for code in range(0x80, 0xA0)})
# Bytes that were not UTF-8 (in a path or the environment) arrive as lone surrogates.
VISIBLE.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
# Invisible characters that reorder or hide text: bidi embeddings, overrides and isolates,
# zero-width space, the direction marks, line and paragraph separators, the byte-order mark,
# and the two noncharacters. (Zero-width joiner and non-joiner are left alone: emoji and many
# scripts need them, and they cannot reorder anything.)
INVISIBLE = (
    0x200B,
    0x200E,
    0x200F,
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0xFEFF,
    0xFFFE,
    0xFFFF,
)
VISIBLE.update({code: _named(code) for code in INVISIBLE})

# In JSON written to a terminal, controls become \u escapes (json.dumps escapes C0 itself, but
# not DEL, C1 or the invisible characters above).
JSON_ESCAPES: dict[int, str] = {
    code: f"\\u{code:04x}" for code in (*range(0x20), *range(0x7F, 0xA0), *INVISIBLE) if code != 10
}


def visible(text: str) -> str:
    """`text` with every control and invisible character but newline and tab shown visibly."""
    return text.translate(VISIBLE)
