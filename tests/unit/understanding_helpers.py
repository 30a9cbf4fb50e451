"""Shared pieces of the read_answer tests (``test_understanding*.py``): the scales' names."""

YN, YPN, FREQ, LEVEL = "yes_no", "yes_partly_no", "frequency", "level"
