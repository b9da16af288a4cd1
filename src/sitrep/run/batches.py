"""Batching and in-order collection of work handed to other processes or machines."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result", covariant=True)


class Pending(Protocol[Result]):
    """What `concurrent.futures.Future` and `distributed.Future` have in common."""

    def result(self) -> Result: ...


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of `size` items (the last may be shorter), taken lazily."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def in_order(
    submit: Callable[[list[Item]], Pending[list[Result]]], batches: Iterable[list[Item]], max_in_flight: int
) -> Iterator[Result]:
    """Submit batches, keeping at most `max_in_flight` outstanding, and yield their results in input order.

    The bound keeps memory flat on inputs of any size: the reader is never more than `max_in_flight`
    batches ahead of the writer. Waiting on the oldest batch first gives input order, so the database is
    written in the same order as a single-process run.
    """
    if max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
    pending: deque[Pending[list[Result]]] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= max_in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
