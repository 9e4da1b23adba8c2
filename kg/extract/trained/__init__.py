"""newskg's trained components: one shared tok2vec of their own and task heads that listen to it.

The first head is the name tagger (``newskg_names``, a spaCy ``ner``), trained on CoNLL-2003
(see ``weights/README.md`` for data, licence, command and scores). It *replaces* the small
model's ``ner``: the loaded pipeline is the small model's tok2vec, tagger, parser,
attribute_ruler and lemmatizer, then ``newskg_tok2vec`` and its heads. Later heads (attribution
spans, event triggers) are added to :func:`heads_pipeline` and listen to the same tok2vec.

>>> nlp = heads_pipeline()
>>> nlp.pipe_names
['newskg_tok2vec', 'newskg_names']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

#: Name and version recorded in PROV next to the small model's.
NAME, VERSION = "newskg-names", "0.2"
TOK2VEC, NAMES = "newskg_tok2vec", "newskg_names"
#: The shared tok2vec: hash embeddings of the word's norm, prefix, suffix and shape, plus the
#: small model's fine tag and dependency label (its tagger and parser run before), and a CNN.
WIDTH = 96
FEATURES = {"lexical": (["NORM", "PREFIX", "SUFFIX", "SHAPE"], [5000, 1000, 2500, 2500]),
            "parse": (["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"], [5000, 1000, 2500, 2500, 200, 200])}
DEFAULT_FEATURES = "parse"


def tok2vec_config(features: str = DEFAULT_FEATURES) -> dict[str, Any]:
    """Config of the shared tok2vec component."""
    attrs, rows = FEATURES[features]
    return {"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": WIDTH, "attrs": attrs,
                  "rows": rows, "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": WIDTH, "depth": 4,
                   "window_size": 1, "maxout_pieces": 3}}}


def names_config() -> dict[str, Any]:
    """Config of the name head: spaCy's transition-based ``ner`` listening to the shared tok2vec."""
    return {"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
        "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": WIDTH, "upstream": TOK2VEC}}}


def heads_pipeline(*, features: str = DEFAULT_FEATURES) -> Any:
    """A blank English pipeline with the shared tok2vec and the heads (untrained)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.meta.update(name=NAME.replace("-", "_"), version=VERSION)
    nlp.add_pipe("tok2vec", name=TOK2VEC, config=tok2vec_config(features))
    nlp.add_pipe("ner", name=NAMES, config=names_config())
    return nlp


def weights_dir() -> Path:
    """The shipped weights (package data)."""
    return Path(str(resources.files("kg.extract.trained").joinpath("weights")))


#: Where the small model's own entities wait for :mod:`kg.extract.trained.combine` (``doc.spans``).
SMALL_ENTS = "newskg_small_ents"
KEEP, COMBINE = "newskg_keep_small_ents", "newskg_combine_names"


def _keep_small_ents(doc: Any) -> Any:
    """Set the small model's entities aside and leave the tagger a blank slate (missing, not
    "outside", so that it predicts freely)."""
    doc.spans[SMALL_ENTS] = list(doc.ents)
    doc.set_ents([], default="missing")
    return doc


def _combine_names(doc: Any) -> Any:
    """The tagger's entities combined with the small model's set-aside ones."""
    from kg.extract.trained.combine import combine
    from kg.extract.nlp import doc_text

    small = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(SMALL_ENTS, [])]
    tagged = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    spans = [doc.char_span(b, e, label=label) for b, e, label in combine(doc_text(doc), small, tagged)]
    doc.set_ents([s for s in spans if s is not None], default="outside")
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(KEEP):
        Language.component(KEEP, func=_keep_small_ents)
        Language.component(COMBINE, func=_combine_names)


def attach(nlp: Any, weights: Path | None = None, *, combine: bool = True) -> Any:
    """``nlp`` with the trained components of ``weights`` (default: the shipped ones) added at
    the end; returns ``nlp``. With ``combine`` (the default) the small model's ``ner`` stays
    and the two models' entities are combined (:mod:`kg.extract.trained.combine`); without,
    the tagger replaces it."""
    import spacy

    trained = spacy.load(weights or weights_dir())
    if "ner" in nlp.pipe_names:
        if combine:
            _register()
            nlp.add_pipe(KEEP, after="ner")
        else:
            nlp.remove_pipe("ner")
    for name in trained.pipe_names:
        nlp.add_pipe(name, source=trained)
    if combine and KEEP in nlp.pipe_names:
        nlp.add_pipe(COMBINE)
    nlp.meta.setdefault("newskg", {})["trained"] = f"{NAME} {trained.meta.get('version', VERSION)}"
    return nlp
