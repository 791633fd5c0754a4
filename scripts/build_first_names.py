"""Build ``analysis/data/first_names.txt``: common US first names, to tell people from places.

Source: the 1990 US Census name files (``dist.female.first``, 4,275 names, and ``dist.male.first``, 1,219 names;
US Census Bureau, public domain), as shipped in the PyPI package names==0.3.0 (MIT). Every name of both files, once,
in title case.

Run: ``.venv/bin/pip install names==0.3.0 && .venv/bin/python scripts/build_first_names.py``. The package is needed
only here, not at run time.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "analysis" / "data" / "first_names.txt"
HEADER = """\
# Common US first names, one per line: the 1990 US Census first-name files (female 4,275, male 1,219; US Census
# Bureau, public domain), from the PyPI package names 0.3.0, by scripts/build_first_names.py. Used by the locations
# stage: a name the model tags as a place, that no gazetteer holds and opens with one of these, is a person's.
"""


def main() -> None:
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("package names is not installed: .venv/bin/pip install names==0.3.0")
    folder = Path(next(iter(spec.submodule_search_locations)))
    found: set[str] = set()
    for part in ("dist.female.first", "dist.male.first"):
        for line in (folder / part).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].title())
    OUT.write_text(HEADER + "\n".join(sorted(found)) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} first names to {OUT}")


if __name__ == "__main__":
    main()
