"""The attribution head ``newskg_attribution``: cue, source and content spans, one token tagger.

A spaCy ``tagger`` with an encoder of its own (no listener: it does not need the shared
``newskg_tok2vec``): a hashed embedding of the word's norm, prefix, suffix and shape and of the
small model's tags and dependency labels, then a CNN; it predicts one joint tag per token: three letters, one per part in the order
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
NAME, VERSION = "newskg-attribution", "0.4"
COMPONENT = "newskg_attribution"
FACTORY = "newskg_attribution_tagger"
#: The parts, in the order of the letters of a tag.
PARTS = ("CUE", "SOURCE", "CONTENT")
SPANS_KEY = COMPONENT
WIDTH = 96
#: The CNN over the embedding: more context for long content spans.
DEPTH, WINDOW = 4, 1
#: The embedded attributes (the parse's come from the small model before the head) and the
#: rows of each hash table.
ATTRS, ROWS = ("NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "POS"), (4000, 1000, 2000, 1000, 100, 100, 50)


def head_config(*, depth: int = DEPTH) -> dict[str, Any]:
    """Config of the head: ``spacy.Tagger.v2`` over an embedding and a CNN of its own."""
    return {"model": {
        "@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False,
        "tok2vec": {"@architectures": "newskg.AttributionEncoder.v1", "width": WIDTH,
                    "depth": depth, "window_size": WINDOW}}}


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

    @registry.architectures("newskg.AttributionEncoder.v1")
    def encoder(width: int, depth: int, window_size: int) -> Any:
        from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed

        embed = MultiHashEmbed(width=width, attrs=list(ATTRS), rows=list(ROWS), include_static_vectors=False)
        cnn = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
        return chain(embed, with_array(cnn))

    class AttributionTagger(Tagger):  # type: ignore[misc]
        def predict(self, docs: Any) -> Any:
            """Each doc on its own: its tags must not depend on the batch it came in (float sums
            over batches of other shapes can flip a near tie; stores must not depend on order)."""
            return [ids for doc in docs for ids in Tagger.predict(self, [doc])]

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


def head_pipeline(vocab: Any = None, *, depth: int = DEPTH) -> Any:
    """A blank English pipeline with the (untrained) head alone; it reads the tags and
    dependency labels of the small model's analysis."""
    import spacy

    _register()
    nlp = spacy.blank("en", vocab=vocab) if vocab is not None else spacy.blank("en")
    nlp.meta.update(name=NAME.replace("-", "_"), version=VERSION)
    nlp.add_pipe(FACTORY, name=COMPONENT, config=head_config(depth=depth))
    return nlp


def weights_dir() -> Path:
    """The shipped weights of the head (package data)."""
    return Path(str(resources.files("kg.extract.trained").joinpath("attribution_weights")))


def attach(nlp: Any, weights: Path | None = None) -> Any:
    """``nlp`` with the attribution head added at the end; returns ``nlp``. Without shipped
    weights, ``nlp`` unchanged."""
    import spacy

    folder = weights or weights_dir()
    if not (folder / "meta.json").is_file():
        return nlp
    _register()
    head = spacy.load(folder)
    nlp.add_pipe(COMPONENT, source=head)
    nlp.meta.setdefault("newskg", {})["attribution"] = f"{NAME} {head.meta.get('version', VERSION)}"
    return nlp
