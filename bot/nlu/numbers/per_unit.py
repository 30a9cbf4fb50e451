"""Staff counted per branch: "drei Filialen, in jeder zwei Verkäuferinnen, und ich" = 7.

Owners of firms with several shops or practices often count per unit. The reading is the
product plus the owner when named, and it is always confirmed first (:func:`per_unit`).
"""

from __future__ import annotations

from bot.nlu.numbers.lexicon import _fold_set
from bot.nlu.numbers.records import Mention, StaffReading
from bot.nlu.numbers.scanning import Tok, _scan_numbers

_UNITS = _fold_set(
    "filiale filialen standort standorte standorten geschäft geschäfte geschäften laden läden "
    "shop shops praxis praxen betrieb betriebe salon salons store stores branch branches "
    "location locations niederlassung niederlassungen"
)
_EACH = _fold_set("jeder jede jedem jeweils pro je each per")
_SELF = _fold_set("ich isch me mir mich myself")


def per_unit(toks: list[Tok], mentions: list[Mention]) -> StaffReading | None:
    """``N`` units, then "in jeder" / "jeweils" and a staff count ``M`` right after: N x M,
    plus one for the owner when he is named after it; confirmed first."""
    low = [t.low for t in toks]
    units = [
        n
        for n in _scan_numbers(toks)
        if n.kind != "year" and n.last + 1 < len(low) and low[n.last + 1] in _UNITS
    ]
    if not units:
        return None
    unit = units[0]
    for m in mentions:
        if m.first <= unit.last or m.kind not in ("group", "bare", "total"):
            continue
        if set(low[max(unit.last + 1, m.first - 4) : m.first]) & _EACH:
            owner = bool(set(low[m.last + 1 :]) & _SELF)  # "…, und ich bin auch noch da"
            count = unit.value * m.value + (1 if owner else 0)
            start, end = toks[unit.first].start, toks[m.last].end
            return StaffReading(count, start, end, "composition", sure=False)
    return None
