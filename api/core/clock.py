"""Local time of the service (Europe/Berlin) and the reporting horizon.

Tests replace :func:`now` to move the clock; every caller goes through this module.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Berlin")


def now() -> datetime:
    return datetime.now(LOCAL_TZ)


def today() -> date:
    return now().date()


def this_month() -> date:
    """The first day of the current month: the only date an assessment record stores."""
    return today().replace(day=1)


def current_hour() -> datetime:
    """Local time truncated to the hour, without tzinfo (as stored in funnel events)."""
    return now().replace(minute=0, second=0, microsecond=0, tzinfo=None)


def month_index(day: date) -> int:
    """year * 12 + month - 1: consecutive integers for consecutive months."""
    return day.year * 12 + day.month - 1


def last_closed_month() -> int:
    """Month index of the last complete month: statistics about assessments end there."""
    return month_index(today()) - 1
