"""Court knowledge for gen_courts.py, written by hand: per province its intermediate courts (two-digit code =
division digits 3–4, or 01, 02 … for municipalities), city tier, and basic courts as
(four-digit code, court name) — the code is division digits 3–6 (GB/T 2260)."""

CITIES = {
    "京": [
        {"code": "01", "court": "北京市第一中级人民法院", "tier": 1, "division": "", "basic": [
            ("0107", "北京市石景山区人民法院"), ("0108", "北京市海淀区人民法院"), ("0109", "北京市门头沟区人民法院"),
            ("0114", "北京市昌平区人民法院"), ("0119", "北京市延庆区人民法院")]},
        {"code": "02", "court": "北京市第二中级人民法院", "tier": 1, "division": "", "basic": [
            ("0101", "北京市东城区人民法院"), ("0102", "北京市西城区人民法院"), ("0106", "北京市丰台区人民法院"),
            ("0111", "北京市房山区人民法院"), ("0115", "北京市大兴区人民法院")]},
        {"code": "03", "court": "北京市第三中级人民法院", "tier": 1, "division": "", "basic": [
            ("0105", "北京市朝阳区人民法院"), ("0112", "北京市通州区人民法院"), ("0113", "北京市顺义区人民法院"),
            ("0116", "北京市怀柔区人民法院"), ("0117", "北京市平谷区人民法院"), ("0118", "北京市密云区人民法院")]},
        {"code": "04", "court": "北京市第四中级人民法院", "tier": 1, "division": "", "kind": "跨行政区划"},
    ],
}

# (code, name, level, province, parent, kind, weight)
SPECIAL = [
    ("京0491", "北京互联网法院", "基层", "京", "京04", "互联网", 4.0),
]
