"""Benchmarks of the assistant; prints a table (run with `make bench`).

Measures: training time, time from start to first answer, REST turn latency p50/p95
(sequential and with 20 parallel conversations), NLU intent accuracy from cross-validation,
and the start-up time of the stock `rasa init` configuration trained on the same data.
Numbers depend on the machine; the README lists what was seen on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Dict, List

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.servers import BOT_VENV, TOKEN, Stack  # noqa: E402

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

TURNS = [
    "Hallo", "ja", "12", "Malerbetrieb", "Hilden", "ja", "teilweise", "nein", "weiß nicht",
    "selten", "immer", "ja", "nein", "eher regelmäßig",
]  # fmt: skip
NONSENSE = ["asdkjh qwe", "xkcd flummi", "blubb blubb", "öäü ßßß", "lorem ipsum dolor",
            "12 34 56", "???", "hmm", "jdjdjd", "zzz"]  # fmt: skip


def train(config: Path, out: Path, name: str) -> float:
    start = time.monotonic()
    subprocess.run(
        [RASA, "train", "--config", str(config), "--domain", "domain.yml", "--data", *DATA,
         "--out", str(out), "--fixed-model-name", name, "--force"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.monotonic() - start


def first_answer_seconds(model: Path, workdir: Path) -> float:
    """Seconds from starting the servers until the first chat message is answered."""
    workdir.mkdir(parents=True, exist_ok=True)
    stack = Stack(workdir, model=model)
    start = time.monotonic()
    try:
        stack.start_actions()
        stack.start_rasa()
        while True:
            reply = requests.post(
                f"{stack.rasa_url}/webhooks/rest/webhook",
                json={"sender": "bench-start", "message": "Hallo"},
                timeout=30,
            )
            if reply.ok and reply.json():
                return time.monotonic() - start
            time.sleep(0.2)
    finally:
        stack.stop()


def conversation(url: str, latencies: List[float]) -> None:
    sender = f"bench-{uuid.uuid4().hex}"
    for text in TURNS:
        start = time.monotonic()
        requests.post(url, json={"sender": sender, "message": text}, timeout=30).raise_for_status()
        latencies.append((time.monotonic() - start) * 1000)


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def latency(workdir: Path, conversations: int) -> Dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    stack = Stack(workdir)
    try:
        stack.start_api()
        stack.start_actions()
        stack.start_rasa()
        url = f"{stack.rasa_url}/webhooks/rest/webhook"
        conversation(url, [])  # warm-up
        sequential: List[float] = []
        for _ in range(conversations):
            conversation(url, sequential)
        parallel: List[float] = []
        with ThreadPoolExecutor(max_workers=20) as pool:
            for future in [pool.submit(conversation, url, parallel) for _ in range(40)]:
                future.result()
        return {
            "seq_p50": statistics.median(sequential),
            "seq_p95": percentile(sequential, 95),
            "par_p50": statistics.median(parallel),
            "par_p95": percentile(parallel, 95),
            "turns": len(sequential) + len(parallel),
        }
    finally:
        stack.stop()


def turn_breakdown(workdir: Path) -> Dict[str, float]:
    """Where a turn's time goes: NLU parse, the action server's round trip, the tracker read."""
    workdir.mkdir(parents=True, exist_ok=True)
    stack = Stack(workdir)
    token = {"token": TOKEN}
    try:
        stack.start_api()
        stack.start_actions()
        stack.start_rasa()
        url = f"{stack.rasa_url}/webhooks/rest/webhook"
        conversation(url, [])
        sender = f"bench-{uuid.uuid4().hex}"
        turns, parses, actions, reads = [], [], [], []
        for text in TURNS:
            start = time.monotonic()
            reply = requests.post(url, json={"sender": sender, "message": text}, timeout=30)
            turns.append((time.monotonic() - start) * 1000)
            conversation_id = (reply.json() or [{}])[0].get("recipient_id", f"rest-{sender}")
            start = time.monotonic()
            requests.post(f"{stack.rasa_url}/model/parse", params=token, json={"text": text},
                          timeout=30)  # fmt: skip
            parses.append((time.monotonic() - start) * 1000)
            start = time.monotonic()
            state = requests.get(f"{stack.rasa_url}/conversations/{conversation_id}/tracker",
                                 params=token, timeout=30).json()  # fmt: skip
            reads.append((time.monotonic() - start) * 1000)
            if state.get("active_loop", {}).get("name"):
                call = {"next_action": f"validate_{state['active_loop']['name']}",
                        "tracker": state, "domain": {}, "version": "3.6.2"}  # fmt: skip
                start = time.monotonic()
                requests.post(f"http://127.0.0.1:{stack.actions_port}/webhook", json=call,
                              timeout=30)  # fmt: skip
                actions.append((time.monotonic() - start) * 1000)
        parse = f"{stack.rasa_url}/model/parse"

        def top(text: str) -> Dict[str, Any]:
            reply = requests.post(parse, params=token, json={"text": text}, timeout=30).json()
            return reply["intent"]

        return {
            "turn": statistics.median(turns),
            "parse": statistics.median(parses),
            "action": statistics.median(actions) if actions else float("nan"),
            "read": statistics.median(reads),
            **intent_probes(top),
        }
    finally:
        stack.stop()


# Intents that lead to no canned reply (the message is read as an answer or not understood).
ANSWER_LIKE = {"answer", "inform", "dont_know", "nlu_fallback", "affirm", "deny"}


def intent_probes(top: Callable[[str], Dict[str, Any]]) -> Dict[str, Any]:
    """The intent (name, confidence) the NLU gives nonsense and long owner answers."""
    nonsense = [top(t) for t in NONSENSE]
    long = [top(t) for t in long_messages()]
    return {
        "nonsense": len(nonsense),
        "nonsense_fallback": sum(i["name"] == "nlu_fallback" for i in nonsense),
        "long": len(long),
        "long_confident": sum(i["confidence"] >= 0.9 for i in long),
        "long_canned": sum(i["confidence"] >= 0.9 and i["name"] not in ANSWER_LIKE for i in long),
        "long_mean": statistics.mean(i["confidence"] for i in long),
    }


def probe_rows(parts: Dict[str, Any]) -> List[tuple]:
    return [
        (f"Learned intent ≥ 0.9 on {parts['long']} long owner answers (dev sets)",
         f"{100 * parts['long_confident'] / parts['long']:.1f} % (mean {parts['long_mean']:.2f})"),
        ("… of them a canned-reply intent ≥ 0.9",
         f"{100 * parts['long_canned'] / parts['long']:.1f} %"),
        (f"Nonsense marked nlu_fallback ({parts['nonsense']} strings)",
         f"{parts['nonsense_fallback']} of {parts['nonsense']}"),
    ]  # fmt: skip


def probes_of_model(model: Path) -> None:
    """Only the intent probes, on a trained model loaded in this process (no servers)."""
    import asyncio

    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    def top(text: str) -> Dict[str, Any]:
        return asyncio.run(agent.parse_message(text))["intent"]

    rows = probe_rows(intent_probes(top))
    width = max(len(r[0]) for r in rows)
    print(f"\nIntent probes of {model.name}\n| Measure | Value |\n|---|---|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


def long_messages() -> List[str]:
    """Long owner answers (over 120 characters) of all development sets: the learned intent's
    confidence must not grow with the length of a message, and no canned reply may win."""
    texts = []
    for path in sorted((ROOT / "tests" / "corpus").glob("dev*/answers_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and len(json.loads(line)["text"]) > 120:
                texts.append(json.loads(line)["text"])
    return texts


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
