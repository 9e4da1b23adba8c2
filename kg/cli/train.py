"""``kg train names``: train the shipped name tagger (see :mod:`kg.extract.trained.train`)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.extract.trained import train as training


@click.group("train")
def train_command() -> None:
    """Train newskg's own components (weights ship in kg/extract/trained/weights)."""


@train_command.command("names")
@click.option("--corpora", type=click.Path(file_okay=False, path_type=Path), default=training.DEFAULT_CORPORA,
              show_default=True, help=f"Folder with {training.TRAIN_FILE} and {training.DEV_FILE}.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Weights folder [default: the package's kg/extract/trained/weights].")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N documents of each file.")
@click.option("--epochs", type=click.IntRange(min=1), default=training.EPOCHS, show_default=True)
@click.option("--seed", type=int, default=training.SEED, show_default=True)
@click.option("--max-minutes", type=float, default=60.0, show_default=True,
              help="Stop after the epoch that passes this (the weights are then not the reproducible ones).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to keep the small model's analyses of the corpora between runs.")
def names_command(corpora: Path, out: Path | None, limit: int | None, epochs: int, seed: int,
                  max_minutes: float, cache: Path | None) -> None:
    """Train the name tagger on CoNLL-2003 train, score it on dev, write the weights."""
    result = training.train(corpora, out, limit=limit, epochs=epochs, seed=seed, max_minutes=max_minutes,
                            cache=cache, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(result, indent=2))
