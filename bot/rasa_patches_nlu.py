"""NLU-side fixes to Rasa 3.6.21 internals: the intent classifier's features, the empty domain.

Part of :mod:`bot.rasa_patches`, whose ``apply()`` installs them only on the Rasa version they
were written and measured for (``RASA_VERSION``):

* **The intent classifier builds only the features it uses.** ``LogisticRegressionClassifier``
  asks for the message's combined sparse features (a deep copy and an ``hstack`` of the
  per-token sequence matrices as well as the sentence ones) and then uses only the sentence
  features, stacked with a zero-width dense matrix. It now stacks the sentence features alone, in
  the same order: the same matrix (same values, shape and column order), at about a quarter of
  the cost (cProfile of ``parse_message``: ``_create_X`` was 29 % of the NLU time per message).
* **``Domain.is_empty`` compares against the empty domain built once.** Every parse checks
  ``domain.is_empty()``, which built a new empty ``Domain`` (from a dict, with all default
  actions and intents) each time: ~5 % of the NLU time per message.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List


def _sentence_features_X(self: Any, messages: List[Any]) -> Any:
    """``LogisticRegressionClassifier._create_X`` from the sentence features only."""
    import numpy as np
    from rasa.shared.nlu.constants import TEXT
    from scipy.sparse import csr_matrix, hstack, vstack

    rows = []
    for message in messages:
        _sequence, sentence = message._filter_sparse_features(TEXT, [])
        dense = message.get_dense_features(attribute=TEXT)[1]
        parts = [f.features for f in sentence]
        if dense is not None:
            parts.append(csr_matrix(dense.features))
        if not parts:
            row = csr_matrix([])
        elif len(parts) == 1:
            row = csr_matrix(parts[0])
        else:
            row = hstack(parts).tocsr()
        if dense is None:  # Rasa stacks a zero-width float64 matrix then: same dtype here
            target = np.result_type(row.dtype, np.float64)
            if row.dtype != target:
                row = row.astype(target)
        rows.append(row)
    return vstack(rows)


_sentence_features_X.__wrapped_by_digitalcheck__ = True  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1)
def _empty_domain_dict() -> Dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.empty().as_dict()


def _domain_is_empty(self: Any) -> bool:
    return self.as_dict() == _empty_domain_dict()


_domain_is_empty.__wrapped_by_digitalcheck__ = True  # type: ignore[attr-defined]
