"""The attribution head ``newskg_attribution``: cue, source and content spans, one token tagger.

A spaCy ``tagger`` whose model listens to the shared ``newskg_tok2vec`` (through a small CNN of
its own on top) and predicts one joint tag per token: three letters, one per part in the order
cue, source, content, each ``B`` (begins a span), ``I`` (inside) or ``O``; "OOI" is a token
inside a content span, "BOI" a cue beginning inside an outer content (attributions nest).
It leaves the small model's fine tags alone and writes the decoded spans to
``doc.spans["newskg_attribution"]`` with labels ``CUE``, ``SOURCE``, ``CONTENT``;
:mod:`kg.extract.statements` groups them into statements and combines them with its rules.

Trained on PolNeAR train by ``kg train attribution`` (:mod:`kg.extract.trained.attribution_train`);
the weights, their data's licence and their scores are in ``attribution_weights/``.

>>> decode(["OOO", "OBO", "OIO", "BOO", "OOB", "OOI", "OOI"])
[(1, 3, 'SOURCE'), (3, 4, 'CUE'), (4, 7, 'CONTENT')]
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

#: Name and version recorded in PROV next to the small model's.
NAME, VERSION = "newskg-attribution", "0.1"
COMPONENT = "newskg_attribution"
FACTORY = "newskg_attribution_tagger"
#: The parts, in the order of the letters of a tag.
PARTS = ("CUE", "SOURCE", "CONTENT")
SPANS_KEY = COMPONENT
UPSTREAM, WIDTH = "newskg_tok2vec", 96
#: The head's own CNN on top of the shared features: more context for long content spans.
DEPTH, WINDOW = 4, 1
#: An embedding of its own (0: none) of the word's norm and lemma and the parse's tag and
#: dependency label, mixed with the shared features: cue words the names never needed.
OWN_WIDTH, OWN_ATTRS, OWN_ROWS = 0, ("NORM", "LEMMA", "TAG", "DEP"), (5000, 5000, 200, 200)


def head_config(*, depth: int = DEPTH, own_width: int = OWN_WIDTH) -> dict[str, Any]:
    """Config of the head: ``spacy.Tagger.v2`` over the listener and a CNN of its own."""
    return {"model": {
        "@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
        "tok2vec": {"@architectures": "newskg.ListenerEncoder.v1", "width": WIDTH, "upstream": UPSTREAM,
                    "depth": depth, "window_size": WINDOW, "own_width": own_width}}}


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, part)`` of a sequence of joint tags; an ``I`` after ``O``
    starts a span."""
    out: list[tuple[int, int, str]] = []
    for k, part in enumerate(PARTS):
        start: int | None = None
        for i, tag in enumerate(tags + ["OOO"]):
            letter = tag[k] if len(tag) == len(PARTS) else "O"
            if start is not None and letter != "I":
                out.append((start, i, part))
                start = None
            if letter == "B" or (letter == "I" and start is None):
                start = i
    return sorted(out)


def _register() -> None:
    from spacy.language import Language
    from spacy.pipeline import Tagger
    from spacy.tokens import Span
    from spacy.util import registry
    from thinc.api import chain, with_array

    if FACTORY in Language.factories:
        return

    @registry.architectures("newskg.ListenerEncoder.v1")
    def listener_encoder(width: int, upstream: str, depth: int, window_size: int, own_width: int = 0) -> Any:
        from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed, Tok2VecListener
        from thinc.api import Maxout, concatenate

        listener = Tok2VecListener(upstream_name=upstream, width=width)
        encoder = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
        if not own_width:
            return chain(listener, with_array(encoder))
        own = MultiHashEmbed(width=own_width, attrs=list(OWN_ATTRS), rows=list(OWN_ROWS),
                             include_static_vectors=False)
        mix = Maxout(nO=width, nI=width + own_width, nP=3, normalize=True)
        return chain(concatenate(listener, own), with_array(chain(mix, encoder)))

    class AttributionTagger(Tagger):  # type: ignore[misc]
        def set_annotations(self, docs: Any, batch_tag_ids: Any) -> None:
            labels = self.labels
            for doc, ids in zip(docs, batch_tag_ids):
                tags = [labels[int(i)] for i in ids]
                spans = []
                for start, end, part in decode(tags):
                    while start < end and doc[start].is_space:
                        start += 1
                    while end > start and doc[end - 1].is_space:
                        end -= 1
                    if start < end:
                        spans.append(Span(doc, start, end, label=part))
                doc.spans[SPANS_KEY] = spans

    @Language.factory(FACTORY, default_config=head_config())
    def make_head(nlp: Any, name: str, model: Any) -> Any:
        return AttributionTagger(nlp.vocab, model, name=name, overwrite=False, scorer=None)


def head_pipeline(vocab: Any = None, *, depth: int = DEPTH, own_width: int = OWN_WIDTH) -> Any:
    """A blank English pipeline with the (untrained) head alone; its listener reads
    ``doc.tensor``, which ``newskg_tok2vec`` fills."""
    import spacy

    _register()
    nlp = spacy.blank("en", vocab=vocab) if vocab is not None else spacy.blank("en")
    nlp.meta.update(name=NAME.replace("-", "_"), version=VERSION)
    nlp.add_pipe(FACTORY, name=COMPONENT, config=head_config(depth=depth, own_width=own_width))
    return nlp


def weights_dir() -> Path:
    """The shipped weights of the head (package data)."""
    return Path(str(resources.files("kg.extract.trained").joinpath("attribution_weights")))


def attach(nlp: Any, weights: Path | None = None) -> Any:
    """``nlp`` with the attribution head (and the shared ``newskg_tok2vec`` it listens to, if
    missing) added at the end; returns ``nlp``. Without shipped weights, ``nlp`` unchanged."""
    import spacy

    from kg.extract import trained as shared

    folder = weights or weights_dir()
    if not (folder / "meta.json").is_file():
        return nlp
    _register()
    if UPSTREAM not in nlp.pipe_names:
        nlp.add_pipe(UPSTREAM, source=spacy.load(shared.weights_dir(), exclude=[shared.NAMES]))
    head = spacy.load(folder)
    nlp.add_pipe(COMPONENT, source=head)
    nlp.meta.setdefault("newskg", {})["attribution"] = f"{NAME} {head.meta.get('version', VERSION)}"
    return nlp
