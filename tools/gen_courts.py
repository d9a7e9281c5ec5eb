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
HIGH_NAME = {a: (n + "高级人民法院") for a, n, _ in PROVINCES}
HIGH_NAME["兵"] = "新疆维吾尔自治区高级人民法院生产建设兵团分院"

# Relative intake by city tier: 1 = first-tier megacity … 5 = small prefecture.
TIER_WEIGHT = {1: 40.0, 2: 16.0, 3: 7.0, 4: 3.0, 5: 1.4}
LEVEL_SHARE = {"最高": 0.5, "高级": 0.6, "中级": 0.55}


def jitter(code):
  """Deterministic lognormal-ish factor in about [0.45, 2.2] from the court code."""
  h = int(hashlib.sha256(code.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
  u = min(max(h, 1e-6), 1 - 1e-6)
  # inverse of a logistic approximation to the normal, sigma 0.4
  z = math.log(u / (1 - u)) / 1.702
  return math.exp(0.4 * z)


def judges_for(weight):
  return max(6, int(round(weight * 9)))


def main():
  rows = []

  def add(code, name, level, prov, parent, division, kind, weight):
    weight = round(weight, 3)
    rows.append([code, name, level, prov, parent, division, kind, f"{weight:g}", judges_for(weight)])

  add("最高法", "最高人民法院", "最高", "", "", "", "最高", 30)
  for abbr, _, _ in PROVINCES:
    add(abbr, HIGH_NAME[abbr], "高级", abbr, "最高法", "", "兵团" if abbr == "兵" else "普通",
        6 if abbr != "兵" else 1.5)
  for abbr, cities in D.CITIES.items():
    prefix = PREFIX[abbr]
    for city in cities:
      cc = city["code"]  # two digits
      tier = city["tier"]
      base = TIER_WEIGHT[tier]
      mid = abbr + cc
      division = city.get("division", prefix + cc + "00")
      add(mid, city["court"], "中级", abbr, abbr, division if division else "", city.get("kind", "普通"),
          base * LEVEL_SHARE["中级"] * jitter(mid))
      for dcode, dname, *rest in city.get("basic", []):
        code = abbr + dcode
        full = prefix + dcode
        name = rest[0] if rest else dname
        add(code, name, "基层", abbr, mid, full, "普通", base * 0.18 * jitter(code))
  for row in D.SPECIAL:
    code, name, level, prov, parent, kind, weight = row
    add(code, name, level, prov, parent, "", kind, weight * jitter(code))
  w = csv.writer(sys.stdout, lineterminator="\n")
  w.writerow(["code", "name", "level", "province", "parent_code", "division_code", "kind", "size_weight",
              "judges"])
  # Parents first: SPC, high, intermediate, basic; stable within a level.
  order = {"最高": 0, "高级": 1, "中级": 2, "基层": 3}
  rows.sort(key=lambda r: order[r[2]])
  for r in rows:
    w.writerow(r)


if __name__ == "__main__":
  main()
