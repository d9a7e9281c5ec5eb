#!/usr/bin/env python3
"""Writes data/ref/causes.csv from causes_data.py (hand-written; no external input).

Codes (documented in docs/reference-data.md; never renumber, append new causes at the end of their block):
  civil     level 1 (部分 p = 1..11)          M00pp
            level 2 (group g, 1.. in order)   Mgg00
            levels 3–4 under group g          Mggkk, k = 01.. in table order; a group with more
                                              than 99 causes continues in block gg+1 (Mhh01..),
                                              and the following groups move up one block
  criminal  chapter c (1..10)                 Xcc00; charges Xcckk
  admin     kind k (1..)                      Akk00; case kinds Akkjj
Usage: python3 tools/gen_causes.py > data/ref/causes.csv
"""
import csv
import sys

import causes_data as D


def parse(text):
  """Yields (level, name, weight or None, high_risk, aliases) from the indented text."""
  for line in text.strip("\n").splitlines():
    if not line.strip():
      continue
    indent = len(line) - len(line.lstrip(" "))
    assert indent % 2 == 0, line
    tokens = line.split()
    name, weight, risk, aliases = tokens[0], None, False, []
    for t in tokens[1:]:
      if t.startswith("~"):
        aliases.append(t[1:])
      elif t.startswith("*"):
        weight = float(t[1:])
      elif t == "!":
        risk = True
      else:
        raise SystemExit(f"bad token {t!r} in {line!r}")
    yield indent // 2 + 1, name, weight, risk, aliases


def build(text, category, letter, group_level):
  """group_level: the level whose entries own a block of 99 codes (2 for civil, 1 otherwise)."""
  items = list(parse(text))
  rows = []
  stack = []  # codes by level
  top = group = 0
  child = 0
  for i, (level, name, weight, risk, aliases) in enumerate(items):
    is_leaf = i + 1 == len(items) or items[i + 1][0] <= level
    if level == 1:
      top += 1
      if group_level == 1:
        group, child = top, 0
        code = f"{letter}{group:02d}00"
      else:
        code = f"{letter}00{top:02d}"
    elif level == group_level:
      group += 1
      child = 0
      code = f"{letter}{group:02d}00"
    else:
      child += 1
      if child == 100:  # a group with more than 99 causes continues in the next block
        group += 1
        child = 1
      assert group < 100, "out of blocks"
      code = f"{letter}{group:02d}{child:02d}"
    if weight is not None and not is_leaf:
      raise SystemExit(f"weight on non-leaf {name}")
    if is_leaf and weight is None:
      weight = D.DEFAULT_WEIGHT
    del stack[level - 1:]
    parent = stack[-1] if stack else ""
    stack.append(code)
    rows.append([code, name, category, level, parent, weight or 0.0, 1 if risk else 0, "|".join(aliases)])
  total = sum(r[5] for r in rows)
  for r in rows:
    r[5] = f"{r[5] / total:.6f}".rstrip("0").rstrip(".") if r[5] else "0"
  return rows


def main():
  w = csv.writer(sys.stdout, lineterminator="\n")
  w.writerow(["code", "name", "category", "level", "parent_code", "weight", "high_risk", "aliases"])
  for text, category, letter, group_level in ((D.CIVIL, "民事", "M", 2), (D.CRIMINAL, "刑事", "X", 1),
                                              (D.ADMINISTRATIVE, "行政", "A", 1)):
    for r in build(text, category, letter, group_level):
      w.writerow(r)


if __name__ == "__main__":
  main()
