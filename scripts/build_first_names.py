"""Build ``analysis/data/first_names.txt`` (common US first names, to tell people from places) and
``analysis/data/first_name_genders.tsv`` (the names borne almost only by women or only by men, so that "she" is not
resolved to a man).

Source: the 1990 US Census name files (``dist.female.first``, 4,275 names, and ``dist.male.first``, 1,219 names;
US Census Bureau, public domain), as shipped in the PyPI package names==0.3.0 (MIT). Every name of both files, once,
in title case; a name's gender where one sex holds at least ``GENDER_SHARE`` of its bearers (each file gives a
name's share of that sex's people, and the two populations are about equal).

Run: ``.venv/bin/pip install names==0.3.0 && .venv/bin/python scripts/build_first_names.py``. The package is needed
only here, not at run time.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
OUT = DATA / "first_names.txt"
GENDERS = DATA / "first_name_genders.tsv"
GENDER_SHARE = 0.95
HEADER = """\
# Common US first names, one per line: the 1990 US Census first-name files (female 4,275, male 1,219; US Census
# Bureau, public domain), from the PyPI package names 0.3.0, by scripts/build_first_names.py. Used by the locations
# stage: a name the model tags as a place, that no gazetteer holds and opens with one of these, is a person's.
"""

GENDERS_HEADER = """\
# First names borne almost only by women (F) or only by men (M): at least 95 % of their bearers in the 1990 US Census
# first-name files (US Census Bureau, public domain; from the PyPI package names 0.3.0), by
# scripts/build_first_names.py. Used by the speakers stage: "she" is not resolved to a person named Robert.
"""


def main() -> None:
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("package names is not installed: .venv/bin/pip install names==0.3.0")
    folder = Path(next(iter(spec.submodule_search_locations)))
    found: set[str] = set()
    share: dict[str, dict[str, float]] = {}
    for part, sex in (("dist.female.first", "F"), ("dist.male.first", "M")):
        for line in (folder / part).read_text(encoding="ascii").splitlines():
            if line.strip():
                name, percent = line.split()[0].title(), float(line.split()[1])
                found.add(name)
                share.setdefault(name, {"F": 0.0, "M": 0.0})[sex] = percent
    OUT.write_text(HEADER + "\n".join(sorted(found)) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} first names to {OUT}")
    genders = {name: sex for name, by_sex in share.items() for sex in ("F", "M")
               if by_sex[sex] >= GENDER_SHARE * (by_sex["F"] + by_sex["M"])}
    GENDERS.write_text(GENDERS_HEADER + "".join(f"{name}\t{genders[name]}\n" for name in sorted(genders)),
                       encoding="utf-8")
    print(f"wrote {len(genders)} gendered first names to {GENDERS}")


if __name__ == "__main__":
    main()
