"""Shared pieces of the bot.nlu.answers tests: short names of the four answer scales."""

YN, YPN, FREQ, LEVEL = "yes_no", "yes_partly_no", "frequency", "level"
