"""Running a pure per-item function on a Dask cluster (``dask.distributed``), results in order.

``kg extract --engine dask`` maps batches of articles over the cluster's workers with
:func:`dask_map`: a scheduler given by address (``dask scheduler`` / ``dask worker``
processes started by the user), else a :class:`distributed.LocalCluster` of ``workers``
single-threaded processes on this machine. A bounded window of batches is in flight, so
memory stays flat on any input size; results come back in input order. A worker that dies
loses nothing: the scheduler gives its batches to another worker (up to
``distributed.scheduler.allowed-failures`` times, then the run fails naming the batch).

>>> list(dask_map(len, [["a"], ["b", "c"]], workers=1))
[1, 2]
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from kg.errors import NewskgError

__all__ = ["ClusterError", "dask_map"]

T = TypeVar("T")
R = TypeVar("R")


class ClusterError(NewskgError):
    """The Dask scheduler cannot be reached, or a batch failed on every worker it was given to."""

    exit_code = 1


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as e:
            raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler ({e})") from e
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        yield client


def dask_map(func: Callable[[T], R], items: Iterable[T], *, scheduler: str | None = None, workers: int = 1,
             window: int | None = None) -> Iterator[R]:
    """``func(item)`` for every item, computed on the cluster, yielded in input order.

    :param func: a module-level function (workers import it by name).
    :param scheduler: ``tcp://HOST:PORT`` of a running scheduler; None starts a local cluster.
    :param window: items in flight at once (default: 4 per worker thread).
    :raises ClusterError: the scheduler is unreachable, or an item failed on every worker.
    """
    from distributed import CancelledError
    from distributed.scheduler import KilledWorker

    with _client(scheduler, workers) as client:
        if window is None:
            threads = sum(client.nthreads().values()) or workers
            window = 4 * max(1, threads)
        pending: deque[Any] = deque()
        for item in items:
            pending.append(client.submit(func, item, pure=False))
            if len(pending) >= window:
                yield _result(pending.popleft(), KilledWorker, CancelledError)
        while pending:
            yield _result(pending.popleft(), KilledWorker, CancelledError)


def _result(future: Any, *errors: type[BaseException]) -> Any:
    try:
        return future.result()
    except errors as e:
        raise ClusterError(f"a batch failed on every worker it was given to ({type(e).__name__}: {e})") from e
