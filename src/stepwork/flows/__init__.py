"""Asking a person things: the guided engine, reading lines, the editor, stops."""
