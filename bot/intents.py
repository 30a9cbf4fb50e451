"""Intent names that the Rasa domain, the rules and the actions share."""

from __future__ import annotations

# Intents with which profile data (staff, sector, town) may be given or corrected at any time.
PROFILE_INTENTS = ("inform", "greet", "start_check", "deny")
