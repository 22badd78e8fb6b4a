"""Reading what a person typed, one way everywhere: IDs, whole numbers, days, choices
and how long a text may be. Each reader says what went wrong in one line."""
