"""Shared piece of the bot.nlu.numbers.read_staff tests: the count read from a text.

``lenient`` is the reading for an answer to "Wie viele Beschäftigte …?"; strict is for every
other message.
"""

from bot.nlu.numbers import read_staff


def count(text, lenient=True):
    reading = read_staff(text, lenient=lenient)
    return reading.count if reading else None
