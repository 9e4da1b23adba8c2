"""Abbreviations of tokenized text read as the model would read them untokenized
(``newskg_abbreviations``, the pipeline's first component).

Corpora such as ECB+ and CoNLL-2003 give their texts as tokens joined by spaces: "U . S .
Surgeon General", "Dr . Benjamin", "George W . Bush", "Bethesda , Md .". spaCy's tokenizer keeps
"U.S.", "Dr." and "W." as one token in running text, but here it sees a word and a period:
the tagger reads "U" and "Dr" as names of their own, and the parser ends a sentence after
"Dr". Where the word and its period, written together, would be one token for spaCy's own
tokenizer (its exceptions and rules: "Dr.", "Calif.", "U.S.", "W."), or the word is an
honorific of ``kg/wordlists/honorifics.txt`` ("Msgr ."), and the line goes on after the period
(these corpora give one sentence a line: "Acme Co ." at a line's end is the sentence's
period, as CoNLL-2003's names show), this component merges them into one
token and gives that token the features (norm, shape, prefix, suffix) of the written-together
form, so the models see what they were trained on. Offsets do not move: the merged token's
text is the article's own ("U . S ."), and :func:`compact` gives names their usual form.

>>> from kg.extract.nlp import load_model
>>> doc = load_model()("The U . S . Surgeon General , Dr . Regina M . Benjamin , spoke .")
>>> [t.text for t in doc][:4], [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"]
(['The', 'U . S .', 'Surgeon', 'General'], [('Regina M . Benjamin', 'PERSON')])
>>> compact("Regina M . Benjamin"), compact("U . S ."), compact("Smith .")
('Regina M. Benjamin', 'U.S.', 'Smith .')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kg.wordlists import words

NAME = "newskg_abbreviations"
#: Longest word taken for an abbreviation ("Calif", "Messrs").
_LONGEST = 6
#: A word of a tokenized text, a space, its period ("Dr .", "U . S .").
_SPACED = re.compile(rf"\b(?:[^\W\d_] \. )*[^\W\d_]{{1,{_LONGEST}}} \.(?= \S|$)")


def compact(name: str) -> str:
    """``name`` with the spaces before the periods of its abbreviations taken out ("Dr .
    Benjamin" is "Dr. Benjamin"); other text unchanged."""
    return _SPACED.sub(_written, name) if " ." in name else name


def _written(match: re.Match[str]) -> str:
    written = match.group(0).replace(" ", "")
    return written if _is_abbreviation(written) else match.group(0)


@lru_cache(maxsize=4096)
def _is_abbreviation(written: str) -> bool:
    """Whether ``written`` ("Dr.", "U.S.", not "a.") is capitalised and one token for spaCy's
    English tokenizer, or an honorific ("Msgr.")."""
    return written[0].isupper() and (len(_english()(written)) == 1 or written[:-1].lower() in words("honorifics"))


@lru_cache(maxsize=1)
def _english() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def _runs(doc: Any) -> list[tuple[int, int, str]]:
    """``(start, end, written)`` token runs to merge: a word, a space, a period, and for single
    letters more such pairs ("U . S .")."""
    runs = []
    i, n = 0, len(doc)
    while i < n - 1:
        tok = doc[i]
        if not (tok.is_alpha and tok.text[0].isupper() and len(tok) <= _LONGEST and tok.whitespace_ == " "
                and doc[i + 1].text == "."):
            i += 1
            continue
        j, written = i + 2, tok.text + "."
        while len(tok) == 1 and j + 1 < n and doc[j - 1].whitespace_ == " " and len(doc[j]) == 1 \
                and doc[j].is_alpha and doc[j].whitespace_ == " " and doc[j + 1].text == ".":
            written += doc[j].text + "."
            j += 2
        if _is_abbreviation(written) and _more_on_the_line(doc, j):
            runs.append((i, j, written))
            i = j
        else:
            i += 1
    return runs


def _more_on_the_line(doc: Any, end: int) -> bool:
    """Whether words follow the period that ends at token ``end`` on its line: a period at a
    line's end, or before a closing quotation mark, ends the sentence there (tokenized corpora
    give one sentence a line: 'an analyst at Schroder Wertheim & Co . "')."""
    return end < len(doc) and doc[end - 1].whitespace_ == " " and not doc[end].is_space and not doc[end].is_quote


def merge_abbreviations(doc: Any, tokenizer: Any) -> Any:
    """Merge each spaced abbreviation of ``doc`` into one token that reads as the written-together
    form does for ``tokenizer`` (the model's); returns ``doc``. Text without a space before a
    period is left as it is."""
    if " ." not in doc.text:
        return doc
    runs = _runs(doc)
    if not runs:
        return doc
    with doc.retokenize() as retokenizer:
        for start, end, written in runs:
            span = doc[start:end]
            _read_as_written(doc.vocab, span.text, written)
            retokenizer.merge(span, attrs={"NORM": tokenizer(written)[0].norm_})
    return doc


def _read_as_written(vocab: Any, spaced: str, written: str) -> None:
    """Give the word ``spaced`` ("U . S .") the shape, prefix and suffix of ``written`` ("U.S.");
    its norm is set on each merged token (and kept by a ``DocBin``), these on the vocabulary."""
    merged, source = vocab[spaced], vocab[written]
    merged.shape_, merged.prefix_, merged.suffix_ = source.shape_, source.prefix_, source.suffix_


def restore(docs: list[Any]) -> list[Any]:
    """``docs`` read back from a ``DocBin`` (which keeps each token's norm but not the
    vocabulary's shapes and affixes), their merged abbreviations read as written again, so that
    a model sees what it saw at parse time; returns ``docs``."""
    for doc in docs:
        for token in doc if " ." in doc.text else ():
            written = token.text.replace(" ", "")
            if " " in token.text and not token.is_space and _is_abbreviation(written):
                _read_as_written(doc.vocab, token.text, written)
    return docs


def register() -> None:
    """Register the component's factory with spaCy (once)."""
    from spacy.language import Language

    if NAME not in Language.factories:
        Language.factory(NAME, func=lambda nlp, name: lambda doc: merge_abbreviations(doc, nlp.tokenizer))
