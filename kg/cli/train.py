"""``kg train names|events|attribution``: train the shipped name tagger
(:mod:`kg.extract.trained.train`), event-trigger head (:mod:`kg.extract.trained.event_train`) and
attribution head (:mod:`kg.extract.trained.attribution_train`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.errors import NewskgError
from kg.extract.trained import attribution_train as attribution_training
from kg.extract.trained import event_train as event_training
from kg.extract.trained import train as training


@click.group("train")
def train_command() -> None:
    """Train newskg's own components (weights ship in kg/extract/trained/weights and event_weights)."""


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


@train_command.command("events")
@click.option("--corpora", type=click.Path(file_okay=False, path_type=Path), default=event_training.DEFAULT_CORPORA,
              show_default=True, help=f"Folder with {event_training.ECB_FILE}.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Weights folder [default: the package's kg/extract/trained/event_weights].")
@click.option("--train-topics", default=event_training.TRAIN_TOPICS, show_default=True,
              help="ECB+ topics to train on.")
@click.option("--test-topics", default=event_training.TEST_TOPICS, show_default=True,
              help="ECB+ topics to score at the end (never trained on; must not share a topic with --train-topics).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N documents of each topic set.")
@click.option("--epochs", type=click.IntRange(min=1), default=event_training.EPOCHS, show_default=True)
@click.option("--seed", type=int, default=event_training.SEED, show_default=True)
@click.option("--max-minutes", type=float, default=60.0, show_default=True,
              help="Stop after the epoch that passes this (the weights are then not the reproducible ones).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to keep the small model's analyses of the corpus between runs.")
def events_command(corpora: Path, out: Path | None, train_topics: str, test_topics: str, limit: int | None,
                   epochs: int, seed: int, max_minutes: float, cache: Path | None) -> None:
    """Train the event-trigger head on ECB+ topics 1-30, score it on 31-35, write the weights."""
    try:
        result = event_training.train(corpora, out, train_topics=train_topics, test_topics=test_topics,
                                      limit=limit, epochs=epochs, seed=seed, max_minutes=max_minutes,
                                      cache=cache, log=lambda m: click.echo(m, err=True))
    except NewskgError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        sys.exit(exc.exit_code)
    click.echo(json.dumps(result, indent=2))


@train_command.command("attribution")
@click.option("--corpora", type=click.Path(file_okay=False, path_type=Path), default=attribution_training.DEFAULT_CORPORA,
              show_default=True,
              help=f"Folder with {attribution_training.TRAIN_FILE} and {attribution_training.DEV_FILE}.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Weights folder [default: the package's kg/extract/trained/attribution_weights].")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="First N documents of each file.")
@click.option("--holdout", type=click.IntRange(min=0), default=attribution_training.HOLDOUT, show_default=True,
              help="Keep the last N training documents out and score on them (0: train on all, score on dev).")
@click.option("--epochs", type=click.IntRange(min=1), default=attribution_training.EPOCHS, show_default=True)
@click.option("--seed", type=int, default=attribution_training.SEED, show_default=True)
@click.option("--max-minutes", type=float, default=60.0, show_default=True,
              help="Stop after the epoch that passes this (the weights are then not the reproducible ones).")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to keep the small model's analyses of the corpora between runs.")
def attribution_command(corpora: Path, out: Path | None, limit: int | None, holdout: int, epochs: int, seed: int,
                        max_minutes: float, cache: Path | None) -> None:
    """Train the attribution head on PolNeAR train, score it on dev, write the weights."""
    result = attribution_training.train(corpora, out, limit=limit, holdout=holdout, epochs=epochs, seed=seed,
                                        max_minutes=max_minutes, cache=cache,
                                        log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(result, indent=2))
