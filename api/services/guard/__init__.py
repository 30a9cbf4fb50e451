"""Small-group protection: the one guard for every number about assessments (staff statistics,
dashboard, public peer benchmark).

A "cell" is a set of firms described by equality filters on the profile (size class, sector,
municipality) and a month range. Reports include closed months only (the horizon is the last
complete month), so data of a month never changes once it is reported. A cell is publishable
only if
1. it holds at least MIN_GROUP_SIZE records;
2. no cell of the same period that contains it *in the data* (e.g. "Hilden" when every firm in
   Hilden has 1-9 staff contains "1-9 staff") holds 1-4 more records;
3. no coarser cell differs from it by 1 to MIN_GROUP_SIZE-1 records. Coarser cells are all
   combinations of dropping profile filters and widening the month range to the left (towards
   older months); otherwise the difference of two allowed queries (e.g. "Handwerk" minus
   "Handwerk in Hilden", or "Jan-Mar" minus "Feb-Mar") would describe 1-4 firms. Of two such
   cells the smaller one is suppressed;
4. it has grown by 0 or at least MIN_GROUP_SIZE records since the last month at which the same
   cell with an earlier end was publishable ("growth rule"). Widening a period to the right is
   what happens over time as months close; here the *newer* (larger) cell is the one suppressed,
   because the older one has already been shown. So a statistic requested before and after a
   month closes never differs by the records of one to four firms.
Rules 1-4 depend only on data up to the cell's last month, so a cell's fate never changes when
later months close. The checks run on a count cube (GROUP BY month and profile, one SQL query,
at most months x 3 x 10 x 12 rows). Breakdown tables additionally get complementary suppression:
the hidden groups of a breakdown hold 0 or at least MIN_GROUP_SIZE records together.
"""

from __future__ import annotations

from api.services.guard.cube import (
    ALL,
    PAIRS,
    data_key,
    guard_for,
    load_cube,
    month_expr,
    timeless,
)
from api.services.guard.rules import (
    SMALL,
    Guard,
    Key,
    Profile,
    complementary,
    guarded_breakdown,
)

__all__ = [
    "ALL",
    "PAIRS",
    "SMALL",
    "Guard",
    "Key",
    "Profile",
    "complementary",
    "data_key",
    "guard_for",
    "guarded_breakdown",
    "load_cube",
    "month_expr",
    "timeless",
]
