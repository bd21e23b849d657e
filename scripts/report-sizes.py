#!/usr/bin/env python3
"""Bytes per key of an analyze JSON report (compact re-serialization per subtree)."""
import json, sys
from collections import defaultdict
r = json.load(open(sys.argv[1]))
total = len(json.dumps(r, separators=(',', ':'), ensure_ascii=False).encode())
def size(x): return len(json.dumps(x, separators=(',', ':'), ensure_ascii=False).encode())
print(f"total {total:>12,}")
rows = []
for k, v in r.items():
    rows.append((k, size(v)))
    if k == 'comparison':
        for k2, v2 in v.items(): rows.append((f"comparison.{k2}", size(v2)))
for k, s in rows: print(f"{k:40} {s:>12,} {100*s/total:5.1f}%")
# per nested key inside list items
def fields(path, items):
    acc = defaultdict(int)
    for it in items:
        if isinstance(it, dict):
            for k, v in it.items(): acc[k] += size(v) + len(k) + 4
    return acc
lists = {p: r[p] for p in ['articles','entities','quotes','dates','claims']}
for k2 in r['comparison']: lists['comparison.'+k2] = r['comparison'][k2]
lists['claims[].quantities[]'] = [q for c in r['claims'] for q in c.get('quantities', [])]
lists['claims[].facts[]'] = [q for c in r['claims'] for q in c.get('facts', [])]
lists['claims[].clauses[]'] = [q for c in r['claims'] for q in c.get('clauses', [])]
lists["articles[].blocks[]"] = [b for a in r["articles"] for b in a.get("blocks", [])]
lists['entities[].mentions[]'] = [m for e in r['entities'] for m in e['mentions']]
lists['agreements[].values[]'] = [v for t in r['comparison']['agreements'] for v in t['values']]
lists['conflicts[].values[]'] = [v for t in r['comparison']['conflicts'] for v in t['values']]
for p, items in lists.items():
    acc = fields(p, items)
    if not acc: continue
    print(f"\n{p} ({len(items):,} items)")
    for k, s in sorted(acc.items(), key=lambda x: -x[1])[:12]:
        print(f"  {k:30} {s:>12,} {100*s/total:5.1f}%")
