"""The gettext catalogues, and the one function that says a domain message in a language.

Every string people read has one source: an English msgid in the code (``N_`` in the
domain, services and API; ``gettext`` in the templates) and its Arabic in
``api/locale/ar/LC_MESSAGES/messages.po``. The pages, the JSON problem documents (which
carry both languages) and the import's error reports all translate through here, so a
refusal reads the same on a form, in the API and in a CSV. ``make messages`` compiles the
catalogues; a catalogue whose ``.mo`` is missing or older than its ``.po`` is compiled in
memory on first use, so a fresh checkout never shows untranslated text.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import structlog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from domain.messages import Joined, Message, Param, is_bilingual

log = structlog.get_logger("nqs.i18n")

# The catalogues ship with the web package (they hold the pages' strings as well).
LOCALE_DIR = Path(__file__).resolve().parent.parent / "api" / "locale"


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of one language (English msgids need none)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return NullTranslations()
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as f:
            return Translations(f, domain="messages")
    log.info("catalogue_compiled_in_memory", lang=lang)
    with po.open("rb") as f:
        catalogue = read_po(f, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return Translations(buffer, domain="messages")


def say(value: Param, lang: str) -> str:
    """``value`` (a message, a msgid, or a placeholder's value) in ``lang``.

    A message's placeholders are filled after its msgid is translated, each in the same
    language: a nested message is translated too, a list is joined with the language's own
    separator, a bilingual word gives its ``lang`` form."""
    if isinstance(value, Message):
        text = translations(lang).gettext(value.msgid)
        return text.format_map({k: say(v, lang) for k, v in value.params.items()})
    if isinstance(value, Joined):
        separator = translations(lang).gettext(value.separator)
        return separator.join(say(v, lang) for v in value.items)
    if isinstance(value, str):
        return str(value)
    if is_bilingual(value):
        return value.ar if lang == "ar" else value.en
    return str(value)


def message(msgid: str, lang: str, **params: Param) -> str:
    """A msgid said in ``lang`` with its placeholders filled: ``say(Message(...), lang)``."""
    return say(Message(msgid, **params), lang)
