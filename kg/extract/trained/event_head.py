"""The event-trigger head ``newskg_events``: a spaCy ``ner`` over ECB+ action classes, with a
small tok2vec of its own.

Labels are ECB+'s action classes without their ``ACTION_`` prefix (``OCCURRENCE``, ``STATE``,
``REPORTING``, ``PERCEPTION``, ``ASPECTUAL``, ``CAUSATIVE``, ``GENERIC``), and ``NEG_`` + the
class for ECB+'s negated actions. Weights, licence, command and scores: ``event_weights/README.md``.
Its tok2vec embeds the small model's lemma, tag, part of speech and dependency label with the
word's norm and shape: measured against a head listening to the shared (frozen) names tok2vec,
it finds many more triggers (exact F1 0.73 against 0.49 on ECB+ topics 26-30, trained on 1-25).
:func:`attach_events` adds the head to a pipeline right after its tagger, parser and
lemmatizer (whose output it reads).
The head writes its spans to ``doc.spans["newskg_events"]`` and leaves ``doc.ents`` as it was.

>>> head_label("NEG_ACTION_STATE"), head_label("ACTION_OCCURRENCE"), split_label("NEG_STATE")
('NEG_STATE', 'OCCURRENCE', ('STATE', True))
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any


#: Component name, its factory, the ``doc.spans`` key it writes, and the name and version in PROV.
EVENTS = "newskg_events"
FACTORY = "newskg_event_ner"
NAME, VERSION = "newskg-events", "0.3"
#: ECB+ action classes, as the head labels them (and ``NEG_`` + each).
CLASSES = ("OCCURRENCE", "STATE", "REPORTING", "PERCEPTION", "ASPECTUAL", "CAUSATIVE", "GENERIC")


def head_label(ecb_type: str) -> str:
    """The head's label of an ECB+ mention type (``ACTION_X`` -> ``X``, ``NEG_ACTION_X`` -> ``NEG_X``).

    :raises ValueError: not an ECB+ action type.
    """
    negated = ecb_type.startswith("NEG_")
    cls = ecb_type.removeprefix("NEG_").removeprefix("ACTION_")
    if cls not in CLASSES or not ecb_type.removeprefix("NEG_").startswith("ACTION_"):
        raise ValueError(f"{ecb_type!r} is not an ECB+ action type (ACTION_X or NEG_ACTION_X, X in {CLASSES})")
    return f"NEG_{cls}" if negated else cls


def split_label(label: str) -> tuple[str, bool]:
    """``(class, negated)`` of a head label."""
    return label.removeprefix("NEG_"), label.startswith("NEG_")


def _register() -> None:
    """Register :data:`FACTORY`: spaCy's ``ner`` that reads and leaves ``doc.ents`` alone and
    writes its spans to ``doc.spans["newskg_events"]`` (a ``ner`` would replace the names)."""
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
    from spacy.language import Language
    from spacy.pipeline.ner import EntityRecognizer
    from spacy.util import minibatch

    if Language.has_factory(FACTORY):
        return
    attrs = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]

    class EventRecognizer(EntityRecognizer):
        """Event triggers as a span group; the doc's entities untouched."""

        def __call__(self, doc: Any) -> Any:
            return next(iter(self.pipe([doc])))

        def pipe(self, docs: Any, *, batch_size: int = 256) -> Any:
            for batch in minibatch(docs, size=batch_size):
                saved = [d.to_array(attrs) for d in batch]
                for d in batch:  # preset entities would constrain the transitions
                    d.set_ents([], default="missing")
                self.set_annotations(batch, self.predict(batch))
                for d, array in zip(batch, saved):
                    d.spans[EVENTS] = list(d.ents)
                    d.set_ents([], default="missing")
                    d.from_array(attrs, array)
                yield from batch

    @Language.factory(FACTORY, default_config={"model": None, "update_with_oracle_cut_size": 100})
    def make(nlp: Any, name: str, model: Any, update_with_oracle_cut_size: int) -> Any:
        return EventRecognizer(nlp.vocab, model, name, update_with_oracle_cut_size=update_with_oracle_cut_size)


#: The head's own tok2vec: hashed features of the small model's analysis, and a CNN.
ATTRS = (("NORM", 5000), ("LEMMA", 5000), ("PREFIX", 1000), ("SUFFIX", 2500), ("SHAPE", 1000),
         ("TAG", 200), ("DEP", 200), ("POS", 100))
#: Chosen on ECB+ topics 26-30 with heads trained on 1-25 (benchmarks/quality.md): width 64, one CNN
#: layer and a hidden layer of 32 find as many triggers through the whole pipeline as width 96, two
#: layers and 64, in 60% of the time.
WIDTH, DEPTH, HIDDEN = 64, 1, 32


def events_config() -> dict[str, Any]:
    """Config of the head: spaCy's transition-based ``ner`` over its own tok2vec."""
    return {"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": False, "hidden_width": HIDDEN, "maxout_pieces": 2, "use_upper": True,
        "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                    "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": WIDTH,
                              "attrs": [a for a, _ in ATTRS], "rows": [n for _, n in ATTRS],
                              "include_static_vectors": False},
                    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": WIDTH,
                               "depth": DEPTH, "window_size": 1, "maxout_pieces": 3}}}}


def events_dir() -> Path:
    """The shipped weights of the head (package data)."""
    return Path(str(resources.files("kg.extract.trained").joinpath("event_weights")))


def blank_events() -> Any:
    """A blank English pipeline with the (untrained) head alone."""
    import spacy

    _register()
    nlp = spacy.blank("en")
    nlp.meta.update(name=NAME.replace("-", "_"), version=VERSION)
    nlp.add_pipe(FACTORY, name=EVENTS, config=events_config())
    return nlp


def attach_events(nlp: Any, weights: Path | None = None) -> Any:
    """``nlp`` with the event head of ``weights`` (default: the shipped ones) after its
    lemmatizer (else at the end); returns ``nlp``."""
    import spacy

    _register()
    trained = spacy.load(weights or events_dir())
    nlp.add_pipe(EVENTS, source=trained, **({"after": "lemmatizer"} if "lemmatizer" in nlp.pipe_names else {}))
    for label in trained.get_pipe(EVENTS).labels:
        nlp.vocab.strings.add(label)
    extra = nlp.meta.setdefault("newskg", {})
    extra["events"] = f"{NAME} {trained.meta.get('version', VERSION)}"
    return nlp
