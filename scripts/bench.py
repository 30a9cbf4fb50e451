"""Benchmarks of the assistant; prints a table (run with `make bench`).

Measures: training time, time from start to first answer, REST turn latency p50/p95
(sequential and with 20 parallel conversations), NLU intent accuracy from cross-validation,
and the start-up time of the stock `rasa init` configuration trained on the same data.
Numbers depend on the machine; the README lists what was seen on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_probes import probe_rows, probes_of_model  # noqa: E402
from bench_serving import first_answer_seconds, latency, turn_breakdown  # noqa: E402

from tests.e2e.servers import BOT_VENV  # noqa: E402

RASA = str(BOT_VENV / "bin" / "rasa")
DATA = ["data/nlu", "data/stories", "data/rules"]

# The configuration `rasa init` writes in Rasa 3.6 (its commented default pipeline and policies).
STOCK_CONFIG = """
recipe: default.v1
language: de
assistant_id: stock
pipeline:
  - name: WhitespaceTokenizer
  - name: RegexFeaturizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: DIETClassifier
    epochs: 100
    constrain_similarities: true
  - name: EntitySynonymMapper
  - name: ResponseSelector
    epochs: 100
    constrain_similarities: true
  - name: FallbackClassifier
    threshold: 0.3
    ambiguity_threshold: 0.1
policies:
  - name: MemoizationPolicy
  - name: RulePolicy
  - name: UnexpecTEDIntentPolicy
    max_history: 5
    epochs: 100
  - name: TEDPolicy
    max_history: 5
    epochs: 100
    constrain_similarities: true
"""

# The configuration of the previous release (DIET, 80 epochs), for the side-by-side comparison of
# training time and intent accuracy.
PREVIOUS_CONFIG = """
recipe: default.v1
language: de
assistant_id: previous
pipeline:
  - name: WhitespaceTokenizer
  - name: bot.nlu.extractor.ProfileEntityExtractor
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 5
  - name: DIETClassifier
    epochs: 80
    entity_recognition: false
    constrain_similarities: true
    random_seed: 42
  - name: bot.nlu.gibberish.GibberishDetector
  - name: FallbackClassifier
    threshold: 0.35
    ambiguity_threshold: 0.05
policies:
  - name: MemoizationPolicy
    max_history: 4
  - name: RulePolicy
"""


def train(config: Path, out: Path, name: str) -> float:
    start = time.monotonic()
    subprocess.run(
        [RASA, "train", "--config", str(config), "--domain", "domain.yml", "--data", *DATA,
         "--out", str(out), "--fixed-model-name", name, "--force"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.monotonic() - start


def cross_validation(workdir: Path, folds: int, config: Path = ROOT / "config.yml") -> Dict:
    out = workdir / f"cv-{config.stem}"
    subprocess.run(
        [RASA, "test", "nlu", "--nlu", "data/nlu", "--config", str(config), "--cross-validation",
         "--folds", str(folds), "--out", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    report = json.loads((out / "intent_report.json").read_text())
    return {"accuracy": report["accuracy"], "macro_f1": report["macro avg"]["f1-score"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--skip-previous", action="store_true")
    parser.add_argument("--probes-of", type=Path, metavar="MODEL",
                        help="only the intent probes of a trained model (no servers)")  # fmt: skip
    args = parser.parse_args()
    if args.probes_of:
        probes_of_model(args.probes_of)
        return
    print("== Understanding (held-out half of the corpus)")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_understanding.py")], check=True)
    rows: List[tuple] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        models = work / "models"
        seconds = train(ROOT / "config.yml", models, "ours")
        rows.append(("Training time (our config)", f"{seconds:.0f} s"))
        start = first_answer_seconds(models / "ours.tar.gz", work / "start-ours")
        rows.append(("Start to first answer (our config)", f"{start:.1f} s"))
        if not args.skip_stock:
            stock_config = work / "stock-config.yml"
            stock_config.write_text(STOCK_CONFIG)
            seconds = train(stock_config, models, "stock")
            rows.append(("Training time (stock `rasa init` config)", f"{seconds:.0f} s"))
            start = first_answer_seconds(models / "stock.tar.gz", work / "start-stock")
            rows.append(("Start to first answer (stock config)", f"{start:.1f} s"))
        lat = latency(work / "latency", args.conversations)
        for label, key in (("sequential", "seq"), ("20 parallel", "par")):
            value = f"{lat[key + '_p50']:.0f} / {lat[key + '_p95']:.0f} ms"
            rows.append((f"REST turn p50 / p95, {label}", value))
        parts = turn_breakdown(work / "breakdown")
        rows.append(("One turn (median): whole / NLU parse / action server / tracker read",
                     f"{parts['turn']:.0f} / {parts['parse']:.0f} / {parts['action']:.0f} / "
                     f"{parts['read']:.0f} ms"))  # fmt: skip
        rows.extend(probe_rows(parts))
        cv = cross_validation(work, args.folds)
        rows.append((f"NLU intent accuracy ({args.folds}-fold CV)", f"{cv['accuracy']:.3f}"))
        rows.append((f"NLU intent macro F1 ({args.folds}-fold CV)", f"{cv['macro_f1']:.3f}"))
        if not args.skip_previous:
            previous = work / "previous-config.yml"
            previous.write_text(PREVIOUS_CONFIG)
            seconds = train(previous, models, "previous")
            rows.append(("Training time (previous release: DIET, 80 epochs)", f"{seconds:.0f} s"))
            cv = cross_validation(work, args.folds, previous)
            rows.append((f"NLU intent accuracy, previous release ({args.folds}-fold CV)",
                         f"{cv['accuracy']:.3f}"))  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print("\n| Measure | Value |\n|---|---|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
