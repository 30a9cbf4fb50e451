"""Tests for bot.nlu.answer_model: training, calibration range, the cache, speed."""

import json
import pickle
import socket
import time

import numpy as np
import pytest

from bot.nlu import answer_model
from bot.nlu.answer_model import LABELS, NONE, SCALE_LABELS, Example, Prediction

SMALL = [
    Example("ja", "yes_no", "yes"),
    Example("klar, haben wir", "yes_no", "yes"),
    Example("jo, machen wir", "yes_no", "yes"),
    Example("nein", "yes_no", "no"),
    Example("nö, gibt es nicht", "yes_no", "no"),
    Example("leider nicht", "yes_no", "no"),
    Example("weiß ich nicht", "yes_no", "dont_know"),
    Example("keine Ahnung", "yes_no", "dont_know"),
    Example("teilweise", "yes_partly_no", "partly"),
    Example("nur bei manchen", "yes_partly_no", "partly"),
    Example("zum Teil schon", "yes_partly_no", "partly"),
    Example("ja, überall", "yes_partly_no", "yes"),
    Example("nein, gar nicht", "yes_partly_no", "no"),
    Example("jeden Freitag", "frequency", "regularly"),
    Example("einmal im Monat", "frequency", "regularly"),
    Example("nie", "frequency", "never"),
    Example("noch nie", "frequency", "never"),
    Example("selten", "frequency", "rarely"),
    Example("einmal im Jahr", "frequency", "rarely"),
    Example("immer", "frequency", "always"),
    Example("jede Nacht automatisch", "frequency", "always"),
    Example("sehr gut", "level", "expert"),
    Example("gut", "level", "good"),
    Example("geht so", "level", "basic"),
    Example("schwach", "level", "low"),
    Example("Was meinen Sie damit?", "yes_no", NONE),
    Example("Wie wird das Wetter?", "frequency", NONE),
]


@pytest.fixture(scope="module")
def small_model():
    return answer_model.train(SMALL * 2, calibrate=True)


def test_training_on_few_examples_gives_probabilities_over_the_scale(small_model):
    for scale, labels in SCALE_LABELS.items():
        result = small_model.predict("ja, klar", scale)
        assert set(result.probabilities) <= set(labels)
        assert abs(sum(result.probabilities.values()) - 1.0) < 1e-9
        assert all(0.0 <= p <= 1.0 for p in result.probabilities.values())


def test_temperature_is_fitted_within_its_grid(small_model):
    assert 0.05 <= small_model.temperature <= 5.0
    assert small_model.info["examples"] == len(SMALL) * 2


def test_the_fast_path_gives_the_same_scores_as_scikit_learn(small_model):
    texts = ["ja, klar", "nie im Leben", "", "🙈", "Meistens, aber nicht immer. " * 30]
    for scale in SCALE_LABELS:
        slow = small_model.scores(texts, [scale] * len(texts))
        fast = np.array([small_model.fast_scores(t, scale) for t in texts])
        assert np.allclose(slow, fast, atol=1e-9)


# The same words mean different answers to different questions: "mein Neffe" to "who looks
# after IT?" is a yes, "Wandkalender" to "do you plan digitally?" a no.
WITH_QUESTIONS = [
    Example("mein Neffe", "yes_no", "yes", "strategy_responsible"),
    Example("der Sohn vom Nachbarn", "yes_no", "yes", "strategy_responsible"),
    Example("mein Schwager macht das", "yes_no", "yes", "strategy_responsible"),
    Example("Wandkalender", "yes_partly_no", "no", "processes_planning"),
    Example("alles im Papierkalender an der Wand", "yes_partly_no", "no", "processes_planning"),
    Example("Kalender an der Wand", "yes_partly_no", "no", "processes_planning"),
    Example("mein Neffe hat den Kalender", "yes_partly_no", "yes", "processes_planning"),
]


@pytest.fixture(scope="module")
def question_model():
    return answer_model.train((SMALL + WITH_QUESTIONS) * 2, calibrate=True)


def _margin(model, text, scale, slot, meant):
    """How far the meant answer's logit lies above the best other one."""
    labels, values = model.logits(model.fast_scores(text, scale, slot), scale)
    others = [v for label, v in zip(labels, values, strict=True) if label != meant]
    return values[labels.index(meant)] - max(others)


@pytest.mark.parametrize(
    ("text", "scale", "slot", "meant"),
    [
        ("Mein Neffe.", "yes_no", "strategy_responsible", "yes"),
        ("der Wandkalender", "yes_partly_no", "processes_planning", "no"),
    ],
)
def test_words_are_read_per_question(question_model, text, scale, slot, meant):
    assert question_model.predict(text, scale, slot).top == meant
    with_question = _margin(question_model, text, scale, slot, meant)
    assert with_question > _margin(question_model, text, scale, None, meant)


def test_the_fast_path_with_the_question_gives_the_same_scores(question_model):
    texts = ["Mein Neffe.", "Wandkalender", "", "ja, klar"]
    slots = ["strategy_responsible", "processes_planning", "tools_cloud", None]
    for scale in SCALE_LABELS:
        slow = question_model.scores(texts, [scale] * len(texts), slots)
        fast = np.array(
            [question_model.fast_scores(t, scale, q) for t, q in zip(texts, slots, strict=True)]
        )
        assert np.allclose(slow, fast, atol=1e-9)


def test_prediction_ranking_helpers():
    result = Prediction({"yes": 0.6, "no": 0.3, NONE: 0.1})
    assert result.top == "yes" and result.second == "no"
    assert result.answers_ranked() == [("yes", 0.6), ("no", 0.3)]
    assert result.probability("partly") == 0.0


def test_labels_cover_every_scale():
    for labels in SCALE_LABELS.values():
        assert set(labels) <= set(LABELS)
        assert labels[-2:] == ("dont_know", NONE)


def test_training_data_never_includes_the_held_out_half():
    files = answer_model.training_files()
    assert files, "the development sets and synthetic answers are the training data"
    sets = {"dev", "dev2", "dev3", "dev4", "dev5", "dev7", "dev8", "dev9", "dev11", "dev12"}
    sets |= {"dev13", "dev14", "dev17", "dev18", "dev19", "dev20", "dev22", "dev23", "dev24"}
    sets |= {"dev25", "synthetic"}
    assert all(f.parent.name in sets for f in files)
    assert {f.parent.name for f in files} == sets
    assert not any("heldout" in str(f) for f in files)


def test_fold_indices_are_a_stratified_partition():
    folds = answer_model.fold_indices(SMALL, 3, seed=1)
    flat = sorted(i for fold in folds for i in fold)
    assert flat == list(range(len(SMALL)))
    assert max(len(f) for f in folds) - min(len(f) for f in folds) <= 2


# ---- cache ------------------------------------------------------------------------------------


@pytest.fixture()
def tiny_corpus(tmp_path, monkeypatch):
    """A two-file training corpus and an empty cache directory."""
    data = tmp_path / "corpus"
    data.mkdir()
    lines = [
        json.dumps(
            {"text": e.text, "scale": e.scale, "expected": None if e.label == NONE else e.label}
        )
        for e in SMALL
    ]
    (data / "answers_a.jsonl").write_text("\n".join(lines[:15]) + "\n", encoding="utf-8")
    (data / "answers_b.jsonl").write_text("\n".join(lines[15:]) + "\n", encoding="utf-8")
    cache = tmp_path / "models"
    monkeypatch.setenv("ANSWER_MODEL_DIR", str(cache))
    monkeypatch.setattr(
        answer_model, "training_files", lambda: sorted(data.glob("answers_*.jsonl"))
    )
    return data, cache


def test_missing_cache_trains_offline_and_writes_a_keyed_pickle(tiny_corpus, monkeypatch):
    data, cache = tiny_corpus

    def no_network(*args, **kwargs):
        raise AssertionError("training must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    model = answer_model.load_or_train()
    assert isinstance(model, answer_model.AnswerModel)
    files = list(cache.glob("answer_model-*.pkl"))
    assert len(files) == 1
    assert files[0] == answer_model.cache_path()
    assert not list(cache.glob("*.tmp"))


def test_cached_model_is_loaded_without_training(tiny_corpus, monkeypatch):
    answer_model.load_or_train()

    def fail(*args, **kwargs):
        raise AssertionError("should have been loaded from the cache")

    monkeypatch.setattr(answer_model, "train", fail)
    started = time.perf_counter()
    model = answer_model.load_or_train()
    assert isinstance(model, answer_model.AnswerModel)
    assert time.perf_counter() - started < 5


def test_changed_training_data_changes_the_key_and_retrains(tiny_corpus):
    data, cache = tiny_corpus
    first = answer_model.cache_path()
    answer_model.load_or_train()
    with open(data / "answers_b.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "jawoll", "scale": "yes_no", "expected": "yes"}) + "\n")
    second = answer_model.cache_path()
    assert first != second
    answer_model.load_or_train()
    assert [p.name for p in cache.glob("answer_model-*.pkl")] == [second.name]


def test_a_corrupt_cache_is_retrained(tiny_corpus):
    data, cache = tiny_corpus
    path = answer_model.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    model = answer_model.load_or_train()
    assert isinstance(model, answer_model.AnswerModel)
    with open(path, "rb") as handle:
        assert isinstance(pickle.load(handle), answer_model.AnswerModel)


def test_the_model_is_loaded_lazily_once(tiny_corpus, monkeypatch):
    calls = []
    real = answer_model.load_or_train
    monkeypatch.setattr(answer_model, "load_or_train", lambda: calls.append(1) or real())
    answer_model.reset()
    try:
        assert calls == []
        assert answer_model.predict("ja", "yes_no") is not None
        assert answer_model.predict("nein", "yes_no") is not None
        assert calls == [1]
    finally:
        answer_model.reset()


def test_switched_off_model_leaves_the_rules(monkeypatch):
    from bot.nlu.understanding import read_answer

    monkeypatch.setenv("ANSWER_MODEL", "off")
    assert answer_model.predict("ja", "yes_no") is None
    reading = read_answer("ja", "yes_no")
    assert reading.status == "sure" and reading.answer == "yes"


def test_using_restores_the_previous_model(small_model):
    before = answer_model.get_model()
    with answer_model.using(small_model):
        assert answer_model.get_model() is small_model
    assert answer_model.get_model() is before


def test_prediction_is_fast():
    model = answer_model.get_model()
    assert model is not None
    texts = [f"Wir sichern das jeden {day} auf eine Platte." for day in range(200)]
    model.predict(texts[0], "frequency")
    started = time.process_time()
    for text in texts:
        model.predict(text, "frequency")
    assert (time.process_time() - started) / len(texts) < 0.005


def test_structure_marks_negated_clauses_the_last_clause_and_qualified_words():
    tokens = answer_model.structure("im grunde schon , nur bei den rechnungen noch nicht").split()
    assert "n_rechnungen" in tokens and "n_grunde" not in tokens  # negation marks its clause
    assert "l_rechnungen" in tokens and "f_grunde" in tokens  # last / first clause
    assert "tnur_bei" in tokens and "tnoch_nicht" in tokens  # words after a qualifier
    assert answer_model.structure("ja").split() == ["nclauses1"]
