"""The pages' languages: which one a visitor reads, the gettext catalogues, and dates people read.

Arabic is the default. A visitor's choice (the language toggle) is remembered in a cookie;
before they choose, their browser's ``Accept-Language`` decides. Strings live in gettext
catalogues (``api/locale/<lang>/LC_MESSAGES/messages.po``, English msgids), loaded by
``registry/i18n.py``, which also says the domain's refusals in the page's language.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from babel.dates import format_date
from hijridate import Gregorian
from jinja2 import pass_context
from litestar.connection import ASGIConnection

from registry.i18n import say, translations

LANGUAGES = ("ar", "en")
DEFAULT = "ar"
COOKIE = "nqs_lang"
DIRECTION = {"ar": "rtl", "en": "ltr"}
# Said in the other language, so a visitor who cannot read this one can still find the switch.
OTHER_NAME = {"ar": "English", "en": "العربية"}
_STATE_KEY = "nqs_lang"


def language_of(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """The page language: the remembered choice, else the browser's preference, else Arabic."""
    state = connection.scope.setdefault("state", {})
    cached = state.get(_STATE_KEY)
    if cached:
        return str(cached)
    chosen = connection.cookies.get(COOKIE)
    lang = (
        chosen
        if chosen in LANGUAGES
        else from_accept_language(connection.headers.get("accept-language"))
    )
    state[_STATE_KEY] = lang
    return lang


def from_accept_language(header: str | None) -> str:
    """The first of our languages the browser asks for, by quality; Arabic when none."""
    offers: list[tuple[float, int, str]] = []
    for index, part in enumerate((header or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGUAGES:
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            # Earlier entries win ties: browsers list languages in order of preference.
            offers.append((quality, -index, primary))
    return max(offers)[2] if offers else DEFAULT


def translate(lang: str, message: str, **variables: Any) -> str:
    """``message`` in ``lang`` (Python side: flash messages, titles set by page modules)."""
    text = translations(lang).gettext(message)
    return text % variables if variables else text


def _lang_of(context: Any) -> str:
    lang = context.get("lang")
    if lang is None:
        msg = 'a template translated text without "lang": import macros "with context"'
        raise RuntimeError(msg)
    return str(lang)


@pass_context
def _template_gettext(context: Any, message: str) -> str:
    return translations(_lang_of(context)).gettext(message)


@pass_context
def _template_ngettext(context: Any, singular: str, plural: str, n: int) -> str:
    return translations(_lang_of(context)).ngettext(singular, plural, n)


def install(environment: Any) -> None:
    """Gives a Jinja environment gettext that follows each page's ``lang``."""
    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(_template_gettext, _template_ngettext, newstyle=True)
    environment.filters["readable_date"] = _readable_date_filter
    environment.filters["number"] = _number_filter
    environment.filters["said"] = _said_filter


def readable_date(value: date | datetime | str | None, lang: str) -> str:
    """A date people read: Gregorian, with the Hijri date beside it."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = value.date()
    gregorian = format_date(value, "d MMMM y", locale=lang)
    try:
        hijri = Gregorian(value.year, value.month, value.day).to_hijri()
    except OverflowError:  # the Umm al-Qura tables end in 2077 (a certificate valid to 2099)
        return gregorian
    language: Literal["ar", "en"] = "ar" if lang == "ar" else "en"
    # Arabic: "جمادى الآخرة 1448 هـ"; English: "Jumada al-Akhirah 1448 AH".
    return f"{gregorian} ({hijri.day} {hijri.month_name(language)} {hijri.year} {hijri.notation(language)})"


@pass_context
def _readable_date_filter(context: Any, value: date | datetime | str | None) -> str:
    return readable_date(value, _lang_of(context))


@pass_context
def _said_filter(context: Any, message: Any) -> str:
    """A domain message (a refusal, a field problem's ``message``) in the page's language:
    ``{{ problem.message | said }}``."""
    return say(message, _lang_of(context))


def _number_filter(value: int | float) -> str:
    return f"{value:,}"
