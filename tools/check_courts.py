#!/usr/bin/env python3
"""Checks data/ref/courts.csv against a national division table (code,name,... CSV files such as
../shared/realdata/divisions/{cities,areas}.csv) without copying it: prints courts whose division code is
unknown or whose name does not contain the division's name. Exit 1 when any mismatch is found.
Usage: python3 tools/check_courts.py data/ref/courts.csv DIVISIONS.csv..."""
import csv
import sys


def main():
  if len(sys.argv) < 3:
    print(__doc__)
    return 2
  names = {}
  for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
      for row in csv.DictReader(f):
        names[row["code"].ljust(6, "0")] = row["name"]
  bad = 0
  checked = 0
  with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.DictReader(f):
      div = row["division_code"]
      if not div:
        continue
      checked += 1
      real = names.get(div)
      if real is None:
        print(f"{row['code']}\t{row['name']}\t{div}: no such division")
        bad += 1
      elif real not in row["name"] and not (row["level"] == "中级" and real.rstrip("市") in row["name"]):
        print(f"{row['code']}\t{row['name']}\t{div}: division is {real}")
        bad += 1
  print(f"checked {checked} courts with division codes, {bad} mismatches", file=sys.stderr)
  return 1 if bad else 0


if __name__ == "__main__":
  sys.exit(main())
