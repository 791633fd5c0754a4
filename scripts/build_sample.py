"""Build the bundled sample in data/raw/ from ../shared (run once by a maintainer; the pipeline never writes there).

Takes the seed article and the public-domain US Congress press releases of
``../shared/corpora/text/immigration_topic_dev.jsonl`` and writes them in three formats
(text with YAML front matter, JSON Lines, CSV), plus the manifest ``data/SAMPLE_MANIFEST.csv``.

    python scripts/build_sample.py [--shared ../shared] [--out data/raw]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
from pathlib import Path

import yaml

PUBLIC_DOMAIN = "public domain"


def outlet_of(record: dict) -> str:
    match = re.match(r"US Congress press release \(([^;]+);", record["source"])
    return f"US Congress press release: {match.group(1)}" if match else record["source"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--out", default="data/raw")
    args = parser.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; the sample is built once into an empty folder")
    (out / "seed").mkdir(parents=True, exist_ok=True)
    (out / "congress").mkdir(parents=True, exist_ok=True)
    manifest = [{"file": "seed/dhs-ice-schools.txt", "record": "", "id": "dhs-ice-schools",
                 "source": "Fox News article (2025), the project's seed article, via ../shared/seed",
                 "license": "used as the project's test fixture (see ../shared/README.md)"}]
    shutil.copyfile(shared / "seed" / "dhs-ice-schools.txt", out / "seed" / "dhs-ice-schools.txt")

    source_file = shared / "corpora" / "text" / "immigration_topic_dev.jsonl"
    rows = [json.loads(line) for line in source_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    public = [r for r in rows if PUBLIC_DOMAIN in r["license"].lower()]
    as_text, as_jsonl, as_csv = public[:24], public[24:42], public[42:]

    for record in as_text:
        meta = {"title": record.get("title"), "outlet": outlet_of(record), "published": record.get("date"),
                "url": record.get("url")}
        front = yaml.safe_dump({k: v for k, v in meta.items() if v}, sort_keys=False, allow_unicode=True)
        name = f"congress/{record['id']}.txt"
        (out / name).write_text(f"---\n{front}---\n{record['text']}\n", encoding="utf-8")
        manifest.append({"file": name, "record": "", "id": record["id"], "source": record["source"],
                         "license": record["license"]})

    with open(out / "congress_releases.jsonl", "w", encoding="utf-8") as handle:
        for number, record in enumerate(as_jsonl, start=1):
            handle.write(json.dumps({"id": record["id"], "title": record.get("title"), "outlet": outlet_of(record),
                                     "date": record.get("date"), "url": record.get("url"),
                                     "text": record["text"]}, ensure_ascii=False) + "\n")
            manifest.append({"file": "congress_releases.jsonl", "record": number, "id": record["id"],
                             "source": record["source"], "license": record["license"]})

    with open(out / "congress_releases.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["stories_id", "media_name", "publish_date", "title", "url",
                                                    "body"])
        writer.writeheader()
        for number, record in enumerate(as_csv, start=1):
            writer.writerow({"stories_id": record["id"], "media_name": outlet_of(record),
                             "publish_date": record.get("date"), "title": record.get("title") or "",
                             "url": record.get("url") or "", "body": record["text"]})
            manifest.append({"file": "congress_releases.csv", "record": number, "id": record["id"],
                             "source": record["source"], "license": record["license"]})

    with open(out.parent / "SAMPLE_MANIFEST.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "record", "id", "source", "license"])
        writer.writeheader()
        writer.writerows(manifest)
    print(f"wrote {len(manifest)} articles into {out} ({len(as_text)} txt, {len(as_jsonl)} jsonl, {len(as_csv)} csv)")


if __name__ == "__main__":
    main()
