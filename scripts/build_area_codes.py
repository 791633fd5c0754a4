"""Build ``analysis/data/area_codes.yaml``: the US state or Canadian province of each North American area code.

Source: phonenumbers==9.0.43 (Apache 2.0), the Python port of Google's libphonenumber; its geocoding data names
the region of every three-digit area code of the North American Numbering Plan ("1519" → "Ontario", "1806" →
"Texas"; a few name a city and its state, "1212" → "New York, NY", read here as the state). Codes shared by several
provinces ("Nova Scotia/Prince Edward Island") and the District of Columbia's are left out: they name no one
first-level region.

Run: ``.venv/bin/pip install phonenumbers==9.0.43 && .venv/bin/python scripts/build_area_codes.py``. The package is
needed only here, not at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "analysis" / "data" / "area_codes.yaml"
ABBREVIATIONS = {"CA": "California", "FL": "Florida", "IL": "Illinois", "NY": "New York", "ON": "Ontario",
                 "PA": "Pennsylvania", "QC": "Quebec", "TX": "Texas"}
SPELLINGS = {"British Colombia": "British Columbia", "Washington State": "Washington"}
CANADA = frozenset({"Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador",
                    "Nova Scotia", "Ontario", "Quebec", "Saskatchewan"})
HEADER = """\
# The US state or Canadian province of each North American area code, read from a phone number in an article
# ("call 519-661-5670" -> Ontario). Used by the locations stage as one more place of context (a "London" in a story
# whose phone numbers are Ontario's), never as a mention.
# Source: phonenumbers 9.0.43 (Apache 2.0, Google's libphonenumber geocoding data), by scripts/build_area_codes.py.
# Codes of several provinces and the District of Columbia's are left out. Toll-free codes (800, 888, ...) have none.
"""


def region_of(description: str) -> str | None:
    """The state or province an area code's description names, or None when it names several or none."""
    if "/" in description or description.startswith("Washington D.C."):
        return None
    city_state = re.fullmatch(r".+, ([A-Z]{2})", description)
    if city_state:
        return ABBREVIATIONS[city_state.group(1)]
    return SPELLINGS.get(description, description)


def main() -> None:
    from phonenumbers.geodata import GEOCODE_DATA

    lines = [HEADER, "codes:"]
    for prefix in sorted(GEOCODE_DATA):
        if not re.fullmatch(r"1\d{3}", prefix):
            continue
        region = region_of(GEOCODE_DATA[prefix]["en"])
        if region is not None:
            country = "CA" if region in CANADA else "US"
            lines.append(f'  "{prefix[1:]}": [{country}, {region}]')
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 2} area codes to {OUT}")


if __name__ == "__main__":
    main()
