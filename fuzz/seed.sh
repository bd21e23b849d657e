#!/usr/bin/env bash
# Seed corpora for the fuzz targets from the project's own fixtures (small,
# invented articles) and a few scraper records written here.
set -euo pipefail
cd "$(dirname "$0")"
for t in decode article extract scraper; do mkdir -p "corpus/$t"; done
i=0
while IFS= read -r -d '' f; do
  # libFuzzer inputs are best kept small: the first 4 KB of each fixture.
  for t in decode article extract; do head -c 4096 "$f" > "corpus/$t/fixture-$i"; done
  i=$((i + 1))
done < <(find ../fixtures -name '*.txt' -print0)
printf '%s\n' '{"title": "Ferry resumes", "maintext": "KELSO, March 9 - The ferry resumed on Tuesday, said Mara Quint. \"We are back,\" she said.", "date_publish": "2025-03-09 10:00:00", "source_domain": "example.org"}' > corpus/scraper/news-please.json
printf '%s\n%s\n' '{"title": "A", "text": "The council said 1,200 homes were flooded.", "date": "2025-03-10", "hostname": "example.net"}' \
  '{"title": "B", "text": "\u201cWe will rebuild,\u201d said the mayor on Monday."}' > corpus/scraper/trafilatura.jsonl
