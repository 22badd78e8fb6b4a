"""The rules and the day arithmetic, as plain values: no SQL, no terminal."""
