"""Sign-in with a throttle: wrong passwords slow down whoever sends them, not the account owner.

Two counters of recent failures, each with a delay that doubles per failure beyond a few
free ones:

- **per client address** (any username): the address that keeps guessing waits 1 s, 2 s,
  4 s … up to 5 minutes between attempts. This is what stops guessing at full speed.
- **per username** (from any address): catches one account guessed from many addresses,
  but is deliberately short — at most 30 seconds — and applies only to addresses that have
  themselves been failing. A stranger hammering someone's username therefore never keeps
  them out for long, and the owner, typing the right password from an address that has not
  been failing, always gets in. The price: a guesser with many fresh addresses gets one try
  per address per username delay; the per-address throttle bounds each of them.

While throttled, the password is not even checked (no hashing work is spent on it) and the
refusal says when to try again (``Retry-After``). Failures are forgotten 15 minutes after the
last one. The state lives in this process's memory (one throttle per API process; a
restart forgets it) and is bounded (the least recently failing entries go first).

Refused sign-ins are counted in Prometheus by reason — never with the username or password.
The clock is injected, so a web sign-in page can share this throttle and tests can drive it.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

from prometheus_client import Counter

from domain.errors import DomainError
from domain.messages import N_
from domain.users import User
from registry.clock import Clock
from registry.users import UserService

REFUSED = Counter(
    "nqs_sign_in_refused",
    "Sign-ins refused, by reason: wrong_credentials, throttled_address, throttled_username",
    ["reason"],
)


@dataclass(frozen=True)
class ThrottlePolicy:
    address_free_failures: int = 5
    address_max_delay: timedelta = timedelta(minutes=5)
    username_free_failures: int = 3
    username_max_delay: timedelta = timedelta(seconds=30)
    first_delay: timedelta = timedelta(seconds=1)
    forget_after: timedelta = timedelta(minutes=15)
    max_tracked: int = 100_000  # per counter: memory stays bounded under a flood of names


class SignInThrottled(DomainError):
    code = "too-many-sign-ins"
    title = N_("Too many failed sign-ins: wait before trying again")

    def __init__(self, retry_after: timedelta) -> None:
        self.retry_after_seconds = max(1, math.ceil(retry_after.total_seconds()))
        seconds = self.retry_after_seconds
        super().__init__(
            N_("Try again in {seconds} seconds."),
            seconds=seconds,
        )


@dataclass
class _Failures:
    count: int
    last: datetime
    locked_until: datetime


class _Counter:
    """Recent failures per key, with the doubling delay of ``free`` failures beyond."""

    def __init__(self, free: int, max_delay: timedelta, policy: ThrottlePolicy) -> None:
        self.free = free
        self.max_delay = max_delay
        self.policy = policy
        self.entries: OrderedDict[str, _Failures] = OrderedDict()

    def current(self, key: str, now: datetime) -> _Failures | None:
        entry = self.entries.get(key)
        if entry is not None and now - entry.last > self.policy.forget_after:
            del self.entries[key]
            return None
        return entry

    def fail(self, key: str, now: datetime) -> None:
        entry = self.current(key, now) or _Failures(0, now, now)
        entry.count += 1
        entry.last = now
        beyond = entry.count - self.free
        if beyond > 0:
            # 2 ** beyond overflows nothing: the exponent is capped long before the delay is.
            delay = min(self.policy.first_delay * 2 ** min(beyond - 1, 30), self.max_delay)
            entry.locked_until = now + delay
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.policy.max_tracked:
            self.entries.popitem(last=False)

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)


class SignInThrottle:
    def __init__(self, clock: Clock, policy: ThrottlePolicy | None = None) -> None:
        self.clock = clock
        self.policy = policy or ThrottlePolicy()
        self._lock = threading.Lock()
        self._addresses = _Counter(
            self.policy.address_free_failures, self.policy.address_max_delay, self.policy
        )
        self._usernames = _Counter(
            self.policy.username_free_failures, self.policy.username_max_delay, self.policy
        )

    def check(self, username: str, address: str) -> None:
        """Raises :class:`SignInThrottled` when this attempt must wait."""
        now = self.clock.now()
        with self._lock:
            by_address = self._addresses.current(address, now)
            if by_address is not None and by_address.locked_until > now:
                REFUSED.labels("throttled_address").inc()
                raise SignInThrottled(by_address.locked_until - now)
            by_username = self._usernames.current(_key(username), now)
            # An address without recent failures is not held back by the username's delay.
            held = by_address is not None and by_username is not None
            if held and by_username is not None and by_username.locked_until > now:
                REFUSED.labels("throttled_username").inc()
                raise SignInThrottled(by_username.locked_until - now)

    def failed(self, username: str, address: str) -> None:
        now = self.clock.now()
        with self._lock:
            self._addresses.fail(address, now)
            self._usernames.fail(_key(username), now)
        REFUSED.labels("wrong_credentials").inc()

    def succeeded(self, username: str) -> None:
        """The owner proved the password: their username's failures are forgotten. The
        address's are not, or a guesser could clear them with an account of their own."""
        with self._lock:
            self._usernames.forget(_key(username))


def _key(username: str) -> str:
    return username.strip().casefold()


class SignInService:
    """Sign-in as every entry point does it: throttle first, then the password."""

    def __init__(self, users: UserService, throttle: SignInThrottle) -> None:
        self.users = users
        self.throttle = throttle

    def sign_in(self, username: str, password: str, address: str) -> User | None:
        """The user, or None for wrong credentials; raises SignInThrottled while throttled."""
        self.throttle.check(username, address)
        user = self.users.authenticate(username, password)
        if user is None:
            self.throttle.failed(username, address)
            return None
        self.throttle.succeeded(username)
        return user
