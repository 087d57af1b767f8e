"""Write N synthetic but valid resources across ~40 countries, both languages.

    python bench/generate.py N OUT_DIR

OUT_DIR gets kinds.yml, topics.yml, short-codes.yml and resources/<cc>/<slug>.yml, like data/.
Each entry answers every topic of data/topics.yml that one of its kinds may answer (the most
lines a danger page can have).
Phone numbers are phonenumbers' own example numbers for each country with their
last four digits made unique per entry (every number must belong to one entry only).
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import phonenumbers
import yaml

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = [
    "lb",
    "eg",
    "tn",
    "ma",
    "dz",
    "jo",
    "iq",
    "ps",
    "sy",
    "sa",
    "ae",
    "kw",
    "qa",
    "bh",
    "om",
    "ye",
    "ly",
    "sd",
    "mr",
    "tr",
    "ir",
    "il",
    "gb",
    "de",
    "fr",
    "se",
    "nl",
    "ca",
    "us",
    "be",
    "ch",
    "at",
    "es",
    "it",
    "gr",
    "cy",
    "dk",
    "no",
    "fi",
    "au",
]
KINDS = ["hotline", "relocation", "legal_aid", "safe_space", "health", "digital_security", "information"]
CITIES = [
    ("Capital", "العاصمة"),
    ("North City", "مدينة الشمال"),
    ("Port Town", "مدينة الميناء"),
    ("Old Town", "المدينة القديمة"),
]
WORDS_EN = ["support", "network", "centre", "line", "aid", "collective", "house", "circle", "project", "alliance"]
TOPIC_KINDS = {
    key: spec["kinds"]
    for key, spec in yaml.safe_load((ROOT / "data" / "topics.yml").read_text(encoding="utf-8")).items()
}
WORDS_AR = ["دعم", "شبكة", "مركز", "خط", "مساعدة", "تجمع", "بيت", "دائرة", "مشروع", "تحالف"]


def phone(serial: int, cc: str) -> str | None:
    """A valid number for cc, unique per serial (< 10,000): the example number's last 4 digits replaced."""
    example = phonenumbers.example_number_for_type(cc.upper(), phonenumbers.PhoneNumberType.MOBILE)
    base = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    candidate = phonenumbers.parse(base[:-4] + f"{serial % 10000:04d}")
    if phonenumbers.is_valid_number(candidate):
        return phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return None


def entry(rng: random.Random, i: int, cc: str) -> str:
    w = rng.randrange(len(WORDS_EN))
    kinds = rng.sample(KINDS, rng.randint(1, 3))
    city_en, city_ar = rng.choice(CITIES)
    lines = [
        "name:",
        f"  en: Synthetic {WORDS_EN[w].title()} {i}",
        f"  ar: {WORDS_AR[w]} تجريبي {i}",
        "kinds: [" + ", ".join(kinds) + "]",
        f"countries: [{cc}]",
        "city:",
        f"  en: {city_en}",
        f"  ar: {city_ar}",
        "summary:",
        f"  en: Synthetic entry {i} offering {', '.join(k.replace('_', ' ') for k in kinds)} for benchmark runs; not a real service.",
        f"  ar: جهة تجريبية رقم {i} لاختبار الأداء فقط، وليست خدمة حقيقية.",
        "contacts:",
    ]
    number = phone(i // len(COUNTRIES), cc) if cc != "international" else None
    if number:
        lines += ["  - type: phone", f'    value: "{number}"']
        if rng.random() < 0.3:
            lines += ["    hours:", "      en: 24/7", "      ar: على مدار الساعة"]
    lines += ["  - type: website", f"    value: https://example.org/{cc}/{i}"]
    if rng.random() < 0.5:
        lines += ["  - type: email", f"    value: help{i}@example.org"]
    lines += [
        "languages: [ar, en]",
        "sources:",
        f"  - https://example.org/{cc}/{i}/about",
        "status: " + rng.choice(["active"] * 18 + ["paused", "closed"]),
    ]
    answers = [key for key, wanted in TOPIC_KINDS.items() if set(wanted) & set(kinds)]
    if answers:
        lines.append("answers:")
        for key in answers:
            lines += [f"  - topic: {key}", f"    source: https://example.org/{cc}/{i}/services"]
    return "\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "resources").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "kinds.yml", out / "kinds.yml")
    shutil.copy(ROOT / "data" / "topics.yml", out / "topics.yml")
    shutil.copy(ROOT / "data" / "short-codes.yml", out / "short-codes.yml")
    for i in range(n):
        cc = "international" if i % 100 == 99 else COUNTRIES[i % len(COUNTRIES)]
        folder = out / "resources" / cc
        folder.mkdir(exist_ok=True)
        (folder / f"synthetic-{i}.yml").write_text(entry(rng, i, cc), encoding="utf-8")
    return out


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
