"""``kg publish``: a release folder of dumps, description, ontology, docs and SHACL report.

The folder holds ``newskg.nq.gz``, ``newskg.trig``, ``newskg.jsonld`` (sorted dumps),
``ontology/`` (the Turtle files and the JSON-LD context), ``ontology.html`` (the terms
documented), ``shacl-report.ttl`` and ``void.ttl`` (VoID + DCAT, with the size and SHA-256
of every other file). Validation runs first: on violations nothing is written, unless
``force``, which publishes and records the violations in ``void.ttl``.

>>> [f"newskg{ending}" for ending, _, _ in DUMPS]
['newskg.nq.gz', 'newskg.trig', 'newskg.jsonld']
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.atomic import atomic_folder
from kg.errors import ValidationFailed
from kg.ontology import ontology_text
from kg.publish.describe import Counts, FileInfo, dataset_counts, describe, file_info
from kg.publish.docs import ontology_html
from kg.publish.dump import write_dump
from kg.publish.validate import ValidationResult, validate
from kg.store import KGStore
from kg.vocab import DEFAULT_BASE

__all__ = ["Release", "publish", "DEFAULT_LICENSE"]

#: Licence of a release unless told otherwise (the ontology's own).
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
#: Dumps of a release: (file name ending, dump format, gzip).
DUMPS = ((".nq.gz", "nq", True), (".trig", "trig", False), (".jsonld", "jsonld", False))
#: Ontology files copied into ``ontology/``.
ONTOLOGY_FILES = ("newskg.ttl", "event-types.ttl", "shapes.ttl", "context.jsonld")


@dataclass
class Release:
    """What :func:`publish` wrote: the files (``void.ttl`` last), the counts, the validation."""

    folder: Path
    files: list[FileInfo] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    validation: ValidationResult = field(default_factory=lambda: ValidationResult(True))
    statements: dict[str, int] = field(default_factory=dict)

    def table(self) -> str:
        """The files and their sizes, one per line.

        >>> print(Release(Path("."), [FileInfo("void.ttl", 2048, "ab", "text/turtle", "description")]).table())
        void.ttl       2,048 B  description
        """
        width = max((len(f.name) for f in self.files), default=0)
        return "\n".join(f"{f.name:<{width}}  {f.byte_size:>10,} B  {f.kind}" for f in self.files)


def publish(store: KGStore, outdir: str | os.PathLike[str], *, no_text: bool = False,
            license: str | None = DEFAULT_LICENSE, version: str = __version__, force: bool = False,
            title: str = "newskg: a knowledge graph of the news",
            description: str = ("Actors, posts, events and statements extracted from news articles by newskg, "
                                "each grounded in the span of text that supports it (NIF offsets)."),
            publisher: str = "newskg", base: str = DEFAULT_BASE, base_url: str = "",
            name: str = "newskg") -> Release:
    """Validate the store and write a release folder (see the module docstring).

    :param no_text: leave out article texts (copyright); mentions keep offsets and anchors.
    :param force: publish despite SHACL violations, recording them in ``void.ttl``.
    :param base_url: where the folder will be served (download URLs); empty keeps them relative.
    :raises ValidationFailed: the data violates the shapes and ``force`` is not set.
    :raises OutputError: ``outdir`` cannot be written, or is a file, or a non-empty folder that
        is not a release (an existing release is replaced as a whole: the folder is built
        beside it and swapped in, so it always holds the old release or the new one).
    """
    with atomic_folder(outdir, replaceable=lambda old: (old / "void.ttl").is_file()) as folder:
        validation = validate(store)
        if not validation.conforms and not force:
            raise ValidationFailed(f"{outdir}: not published, the data violates the shapes "
                                   "(fix it, or publish anyway with --force, which records the violations).\n"
                                   + validation.text(limit=20))
        release = Release(folder=Path(outdir), validation=validation)
        _write_release(store, folder, release, no_text=no_text, name=name, base=base, title=title,
                       description=description, license=license, version=version, publisher=publisher,
                       base_url=base_url)
    return release


def _write_release(store: KGStore, folder: Path, release: Release, *, no_text: bool, name: str, base: str,
                   **about: Any) -> None:
    """Write every file of the release into ``folder`` (a temporary folder, swapped in after)."""
    (folder / "ontology").mkdir()
    for ending, fmt, compress in DUMPS:
        path = folder / f"{name}{ending}"
        release.statements[path.name] = write_dump(store, path, format=fmt, compress=compress, no_text=no_text)
        release.files.append(file_info(path, kind="dump"))
    for filename in ONTOLOGY_FILES:
        (folder / "ontology" / filename).write_text(ontology_text(filename), encoding="utf-8")
        release.files.append(file_info(folder / "ontology" / filename, kind="ontology",
                                       name=f"ontology/{filename}"))
    (folder / "ontology.html").write_text(ontology_html(), encoding="utf-8")
    release.files.append(file_info(folder / "ontology.html", kind="documentation"))
    (folder / "shacl-report.ttl").write_text(release.validation.report_turtle, encoding="utf-8")
    release.files.append(file_info(folder / "shacl-report.ttl", kind="validation report"))
    release.counts = dataset_counts(store, no_text=no_text, base=base)
    graph = describe(release.counts, release.files, base=base, no_text=no_text, validation=release.validation,
                     **about)
    (folder / "void.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")
    release.files.append(file_info(folder / "void.ttl", kind="description"))
