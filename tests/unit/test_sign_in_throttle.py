"""The sign-in throttle's policy, driven by a manual clock (issue 10 §6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from registry.clock import ManualClock
from registry.sign_in_throttle import SignInThrottle, SignInThrottled, ThrottlePolicy

START = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def wait_of(throttle: SignInThrottle, username: str, address: str) -> int | None:
    """Seconds this attempt must wait, or None when it may go ahead."""
    try:
        throttle.check(username, address)
    except SignInThrottled as refused:
        return refused.retry_after_seconds
    return None


def test_one_address_guessing_waits_longer_and_longer_up_to_a_cap(clock: ManualClock) -> None:
    throttle = SignInThrottle(clock)
    waits = []
    for attempt in range(16):
        username = f"user{attempt}"  # a new name each time: only the address is counted
        wait = wait_of(throttle, username, "10.0.0.9")
        if wait is not None:
            waits.append(wait)
            clock.advance(timedelta(seconds=wait))
            assert wait_of(throttle, username, "10.0.0.9") is None
        throttle.failed(username, "10.0.0.9")
    # Five free failures, then 1 s, 2 s, 4 s … doubling, never beyond five minutes.
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert wait_of(throttle, "someone", "10.0.0.10") is None  # other addresses unaffected


def test_a_username_guessed_from_many_addresses_is_held_briefly_and_capped(
    clock: ManualClock,
) -> None:
    throttle = SignInThrottle(clock)
    waits = []
    for attempt in range(20):
        address = f"10.1.{attempt // 4}.1"  # four tries per address: no address is throttled
        wait = wait_of(throttle, "alice", address)
        if wait is not None:
            waits.append(wait)
            clock.advance(timedelta(seconds=wait))
        throttle.failed("alice", address)
    # Growing (each fresh address gets its one try, then waits like the others) but never
    # more than 30 seconds.
    assert waits == sorted(waits) and waits[0] <= 2 and max(waits) == 30


def test_the_owner_from_an_address_that_has_not_been_failing_is_never_held_back(
    clock: ManualClock,
) -> None:
    throttle = SignInThrottle(clock)
    for _ in range(4):
        throttle.failed("alice", "203.0.113.66")  # a stranger guessing
    assert wait_of(throttle, "alice", "203.0.113.66") == 1
    assert wait_of(throttle, "ALICE", "203.0.113.66") == 1  # usernames compare case-blind
    assert wait_of(throttle, "alice", "198.51.100.7") is None  # the owner's own address
    throttle.succeeded("alice")
    # The owner proved the password: the username is free again, even for the stranger
    # (whose own address counter still holds its failures).
    assert wait_of(throttle, "alice", "203.0.113.66") is None


def test_failures_are_forgotten_after_a_quiet_quarter_of_an_hour(clock: ManualClock) -> None:
    throttle = SignInThrottle(clock)
    for _ in range(8):
        throttle.failed("bob", "10.2.0.1")
    assert wait_of(throttle, "bob", "10.2.0.1") is not None
    clock.advance(timedelta(minutes=15, seconds=1))
    assert wait_of(throttle, "bob", "10.2.0.1") is None
    throttle.failed("bob", "10.2.0.1")  # counting starts again from one
    assert wait_of(throttle, "bob", "10.2.0.1") is None


def test_the_memory_it_keeps_is_bounded(clock: ManualClock) -> None:
    throttle = SignInThrottle(clock, ThrottlePolicy(max_tracked=3))
    for _ in range(7):
        throttle.failed("carol", "10.3.0.1")
    for n in range(3):  # three newer addresses push the oldest one out
        throttle.failed(f"other{n}", f"10.3.1.{n}")
    assert wait_of(throttle, "dave", "10.3.0.1") is None
