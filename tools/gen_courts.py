#!/usr/bin/env python3
"""Writes data/ref/courts.csv from the court knowledge written in courts_data.py (hand-written from public
GB/T 2260 codes and court names; no external files are read). Deterministic: sizes come from city tiers
and a fixed-seed lognormal factor. Usage: python3 tools/gen_courts.py > data/ref/courts.csv
"""
import csv
import hashlib
import math
import sys

import courts_data as D

PROVINCES = [  # abbr, name, prefix
    ("京", "北京市", "11"), ("津", "天津市", "12"), ("冀", "河北省", "13"), ("晋", "山西省", "14"),
    ("内", "内蒙古自治区", "15"), ("辽", "辽宁省", "21"), ("吉", "吉林省", "22"), ("黑", "黑龙江省", "23"),
    ("沪", "上海市", "31"), ("苏", "江苏省", "32"), ("浙", "浙江省", "33"), ("皖", "安徽省", "34"),
    ("闽", "福建省", "35"), ("赣", "江西省", "36"), ("鲁", "山东省", "37"), ("豫", "河南省", "41"),
    ("鄂", "湖北省", "42"), ("湘", "湖南省", "43"), ("粤", "广东省", "44"), ("桂", "广西壮族自治区", "45"),
    ("琼", "海南省", "46"), ("渝", "重庆市", "50"), ("川", "四川省", "51"), ("黔", "贵州省", "52"),
    ("云", "云南省", "53"), ("藏", "西藏自治区", "54"), ("陕", "陕西省", "61"), ("甘", "甘肃省", "62"),
    ("青", "青海省", "63"), ("宁", "宁夏回族自治区", "64"), ("新", "新疆维吾尔自治区", "65"),
    ("兵", "新疆生产建设兵团", "66"),
]
PREFIX = {a: p for a, _, p in PROVINCES}
PROV_NAME = {a: n for a, n, _ in PROVINCES}
MUNICIPALITIES = {"京", "津", "沪", "渝"}
HIGH_NAME = {a: (n + "高级人民法院") for a, n, _ in PROVINCES}
HIGH_NAME["兵"] = "新疆维吾尔自治区高级人民法院生产建设兵团分院"

# Relative intake by city tier: 1 = first-tier megacity … 5 = small prefecture.
# One unit of size_weight is roughly 7,000 new cases a year: a tier-1 district court ≈ 14 (100k cases),
# a small county court ≈ 0.27 (2k cases), an intermediate court ≈ 0.3 + 12 % of its city's basic volume.
TIER_WEIGHT = {1: 80.0, 2: 30.0, 3: 10.0, 4: 4.0, 5: 1.5}
BASIC_SHARE = 0.18


def jitter(code):
  """Deterministic lognormal-ish factor in about [0.45, 2.2] from the court code."""
  h = int(hashlib.sha256(code.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
  u = min(max(h, 1e-6), 1 - 1e-6)
  # inverse of a logistic approximation to the normal, sigma 0.4
  z = max(-2.0, min(2.0, math.log(u / (1 - u)) / 1.702))
  return math.exp(0.4 * z)


def judges_for(weight):
  """员额法官: about 150 cases per judge in small courts, 300+ in the busiest."""
  return int(round(8 + 14 * weight ** 0.9))


def mid_weight(base, kind):
  return (0.3 + base * 0.12) if kind == "普通" else base * 0.03


def main():
  rows = []

  def add(code, name, level, prov, parent, division, kind, weight):
    weight = round(weight, 3)
    rows.append([code, name, level, prov, parent, division, kind, f"{weight:g}", judges_for(weight),
                 D.FORMER.get(code, "")])

  add("最高法", "最高人民法院", "最高", "", "", "", "最高", 4.0)
  for abbr, _, _ in PROVINCES:
    add(abbr, HIGH_NAME[abbr], "高级", abbr, "最高法", "", "兵团" if abbr == "兵" else "普通",
        1.5 if abbr != "兵" else 0.3)
  for abbr, text in D.CITIES.items():
    prefix = PREFIX[abbr]
    prov_name = PROV_NAME[abbr]
    for line in text.strip().splitlines():
      head, _, tail = line.partition("|")
      fields = head.split()
      cc, city, tier = fields[0], fields[1], int(fields[2])
      kind = fields[3] if len(fields) > 3 else "普通"
      base = TIER_WEIGHT[tier]
      mid = abbr + cc
      numbered = city.endswith("法院")  # municipalities' numbered courts, 海南一中院/二中院
      court = city if numbered else city + "中级人民法院"
      add(mid, court, "中级", abbr, abbr, "" if numbered else prefix + cc + "00", kind,
          mid_weight(base, kind) * jitter(mid))
      for token in tail.split():
        token, _, override = token.partition("=")
        digits = token[:4] if token[:4].isdigit() else token[:2]
        name = token[len(digits):]
        if len(digits) == 2:
          digits = cc + digits
        if override:
          court_name = override
        elif abbr in MUNICIPALITIES:
          court_name = prov_name + name + "人民法院"
        elif name.endswith("区") and not numbered:
          court_name = city + name + "人民法院"
        else:
          court_name = name + "人民法院"
        code = abbr + digits
        add(code, court_name, "基层", abbr, mid, prefix + digits, "普通", base * BASIC_SHARE * jitter(code))
  for row in D.SPECIAL:
    code, name, level, prov, parent, kind, weight = row
    add(code, name, level, prov, parent, "", kind, weight * jitter(code))
  w = csv.writer(sys.stdout, lineterminator="\n")
  w.writerow(["code", "name", "level", "province", "parent_code", "division_code", "kind", "size_weight",
              "judges", "former_codes"])
  # Parents first: SPC, high, intermediate, basic; stable within a level.
  order = {"最高": 0, "高级": 1, "中级": 2, "基层": 3}
  rows.sort(key=lambda r: order[r[2]])
  codes = {r[0] for r in rows}
  missing = set(D.FORMER) - codes
  if missing:
    raise SystemExit(f"FORMER names unknown courts: {sorted(missing)}")
  for r in rows:
    w.writerow(r)


if __name__ == "__main__":
  main()
