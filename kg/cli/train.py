"""``kg train names|events|attribution``: train the shipped name tagger
(:mod:`kg.extract.trained.train`), event-trigger head (:mod:`kg.extract.trained.event_train`) and
attribution head (:mod:`kg.extract.trained.attribution_train`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import click

from kg.extract.trained import attribution_train as attribution_training
from kg.extract.trained import event_train as event_training
from kg.extract.trained import train as training

_FOLDER = click.Path(file_okay=False, path_type=Path)


def _training_options(module: ModuleType, *, files: str, weights: str, per: str) -> Callable[[Any], Any]:
    """The options every training command has, with ``module``'s defaults."""
    options = [
        click.option("--corpora", type=_FOLDER, default=module.DEFAULT_CORPORA, show_default=True,
                     help=f"Folder with {files}."),
        click.option("--out", type=_FOLDER, default=None,
                     help=f"Weights folder [default: the package's kg/extract/trained/{weights}]."),
        click.option("--limit", type=click.IntRange(min=1), default=None, help=f"First N documents of each {per}."),
        click.option("--epochs", type=click.IntRange(min=1), default=module.EPOCHS, show_default=True),
        click.option("--seed", type=int, default=module.SEED, show_default=True),
        click.option("--max-minutes", type=float, default=60.0, show_default=True,
                     help="Stop after the epoch that passes this (the weights are then not the reproducible ones)."),
        click.option("--cache", type=_FOLDER, default=None,
                     help="Folder to keep the small model's analyses of the corpora between runs."),
    ]

    def decorate(command: Any) -> Any:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _log(message: str) -> None:
    click.echo(message, err=True)


@click.group("train")
def train_command() -> None:
    """Train newskg's own components (weights ship in kg/extract/trained/weights, event_weights and
    attribution_weights)."""


@train_command.command("names")
@_training_options(training, files=f"{training.TRAIN_FILE} and {training.DEV_FILE}", weights="weights", per="file")
def names_command(**options: Any) -> None:
    """Train the name tagger on CoNLL-2003 train, score it on dev, write the weights."""
    click.echo(json.dumps(training.train(**options, log=_log), indent=2))


@train_command.command("events")
@_training_options(event_training, files=event_training.ECB_FILE, weights="event_weights", per="topic set")
@click.option("--train-topics", default=event_training.TRAIN_TOPICS, show_default=True,
              help="ECB+ topics to train on.")
@click.option("--test-topics", default=event_training.TEST_TOPICS, show_default=True,
              help="ECB+ topics to score at the end (never trained on; must not share a topic with --train-topics).")
def events_command(**options: Any) -> None:
    """Train the event-trigger head on ECB+ topics 1-30, score it on 31-35, write the weights."""
    click.echo(json.dumps(event_training.train(**options, log=_log), indent=2))


@train_command.command("attribution")
@_training_options(attribution_training, files=f"{attribution_training.TRAIN_FILE} and {attribution_training.DEV_FILE}",
                   weights="attribution_weights", per="file")
@click.option("--holdout", type=click.IntRange(min=0), default=attribution_training.HOLDOUT, show_default=True,
              help="Keep the last N training documents out and score on them (0: train on all, score on dev).")
@click.option("--frames-only", is_flag=True, help="Write the cue-frame table only (seconds; the head's weights stay).")
@click.option("--cues-only", is_flag=True, help="Train the cue models only, on every training document with the "
              "shipped head (run it after the head; the head's weights stay).")
@click.option("--decay", type=click.FloatRange(min=0), default=attribution_training.DECAY, show_default=True,
              help="Learning rate after t updates: the initial one / (1 + DECAY * t).")
@click.option("--last-weights", is_flag=True, help="Write the last update's weights instead of their moving averages.")
def attribution_command(*, cues_only: bool, last_weights: bool, **options: Any) -> None:
    """Train the attribution head on PolNeAR train, score it on dev, write the weights."""
    if cues_only:
        result = attribution_training.train_cues(options["corpora"], options["out"], limit=options["limit"],
                                                 cache=options["cache"], log=_log)
    else:
        result = attribution_training.train(**options, average=not last_weights, log=_log)
    click.echo(json.dumps(result, indent=2))
