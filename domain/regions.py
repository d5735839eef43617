"""The 13 administrative regions of the Kingdom, with their Arabic names."""

from __future__ import annotations

from enum import StrEnum


class Region(StrEnum):
    RIYADH = "riyadh"
    MAKKAH = "makkah"
    MADINAH = "madinah"
    QASSIM = "qassim"
    EASTERN_PROVINCE = "eastern_province"
    ASIR = "asir"
    TABUK = "tabuk"
    HAIL = "hail"
    NORTHERN_BORDERS = "northern_borders"
    JAZAN = "jazan"
    NAJRAN = "najran"
    AL_BAHAH = "al_bahah"
    AL_JAWF = "al_jawf"


REGION_NAMES: dict[Region, tuple[str, str]] = {
    Region.RIYADH: ("Riyadh", "الرياض"),
    Region.MAKKAH: ("Makkah", "مكة المكرمة"),
    Region.MADINAH: ("Madinah", "المدينة المنورة"),
    Region.QASSIM: ("Qassim", "القصيم"),
    Region.EASTERN_PROVINCE: ("Eastern Province", "المنطقة الشرقية"),
    Region.ASIR: ("Asir", "عسير"),
    Region.TABUK: ("Tabuk", "تبوك"),
    Region.HAIL: ("Hail", "حائل"),
    Region.NORTHERN_BORDERS: ("Northern Borders", "الحدود الشمالية"),
    Region.JAZAN: ("Jazan", "جازان"),
    Region.NAJRAN: ("Najran", "نجران"),
    Region.AL_BAHAH: ("Al Bahah", "الباحة"),
    Region.AL_JAWF: ("Al Jawf", "الجوف"),
}
