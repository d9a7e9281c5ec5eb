#!/usr/bin/env python3
"""Evaluate the judgment parser on real published judgments (make eval; docs/judgment-parser.md).

Runs `tianping doc parse --jsonl` over <realdata>/judgments_criminal_dev.jsonl and checks, per document,
that court, 案号, document kind, parties and the signature date were extracted, each verified against the
text independently of the parser:
  court   ends with 法院 and occurs in the first 300 characters;
  案号     a bracket-year-…号 string that occurs in the text, and parses (reported separately);
  kind    one of the 裁判文书 kinds and occurs in the text after the court name;
  parties at least one, every name occurs in the text;
  date    required only when the text has a signature date (a Chinese-numeral date after a 审判长/审判员
          title, or in the last 80 characters); the published extracts are mostly cut before the signature.
The share of documents with all five is the goal figure (≥ 0.98). Also reports extraction coverage on the
civil segments (amounts, rates, delivery method). Skips with a message when the folder is absent.
Reads the data; never copies it anywhere.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

KINDS = {'刑事判决书', '刑事裁定书', '刑事附带民事判决书', '刑事附带民事裁定书', '民事判决书', '民事裁定书',
         '民事调解书', '行政判决书', '行政裁定书', '执行裁定书', '刑事决定书', '判决书', '裁定书', '调解书',
         '决定书', '国家赔偿决定书', '行政赔偿判决书'}
CASE_NO = re.compile(r'[（(〔\[［【]\s*[12]\d{3}\s*[）)〕\]］】][^，。；：、\s]{1,30}?号')
FACTS = re.compile('经审理查明|审理查明|原判认定|原审判决认定|原判决认定|一审法院认定|一审判决认定|原审法院认定|本院查明|经审理认定')
CLAIMS = re.compile('上诉称|上诉理由|公诉机关指控|诉称')
DEFENCE = re.compile('辩护人提出|辩护意见|辩称')
CN_DATE = re.compile(r'[一二三四五六七八九〇○零Ｏ]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日')


def parse(binary, path):
    out = subprocess.run([binary, 'doc', 'parse', '--jsonl', path], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f'eval_judgments: {binary} doc parse failed: {out.stderr.strip()}')
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def has_signature_date(text):
    for m in CN_DATE.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        if '审判员' in before or '审判长' in before or m.end() > len(text) - 80:
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--realdata', required=True)
    ap.add_argument('--show-failures', type=int, default=0, help='print up to N failing documents')
    args = ap.parse_args()
    path = os.path.join(args.realdata, 'judgments_criminal_dev.jsonl')
    if not os.path.exists(path):
        print(f'eval_judgments: {path} not found, skipping', file=sys.stderr)
        return 0
    docs = [json.loads(line) for line in open(path, encoding='utf-8') if line.strip()]
    results = parse(args.bin, path)
    if len(results) != len(docs):
        sys.exit(f'eval_judgments: {len(docs)} documents in, {len(results)} results out')
    ok = collections.Counter()
    applicable = collections.Counter()
    all_ok = 0
    failures = []
    for doc, res in zip(docs, results):
        text, j = doc['text'], res['judgment']
        checks = {}
        checks['court'] = j['court'].endswith(('法院', '分院')) and j['court'] in text[:300]
        checks['case_number'] = bool(j['case_number']) and j['case_number'] in text and bool(CASE_NO.fullmatch(j['case_number']))
        checks['kind'] = j['kind'] in KINDS and (j['court'] + j['kind']) in text.replace('\n', '').replace(' ', '')
        checks['parties'] = bool(j['parties']) and all(p['name'] and p['name'] in text for p in j['parties'])
        need_date = has_signature_date(text)
        checks['date'] = bool(j['date']) if need_date else True
        for k, v in checks.items():
            if k != 'date' or need_date:
                applicable[k] += 1
                ok[k] += v
        extra = {'case_number_parsed': bool(j['case_number_normalized']),
                 'parties_in_block': any(not p.get('from_narrative') for p in j['parties']),
                 'citations': bool(j['citations'])}
        for k, v in extra.items():
            applicable[k] += 1
            ok[k] += v
        # Sections: applicable when one of their markers occurs in the text (a marker may also occur in
        # other sentences, so these rates are lower bounds).
        for name, pattern in (('facts', FACTS), ('claims', CLAIMS), ('defence', DEFENCE)):
            if pattern.search(text):
                applicable[name + '_section'] += 1
                ok[name + '_section'] += name in j['sections']
        # First-instance 案号: applicable when the text quotes another 案号 of a first instance (…初…).
        if any(x != j['case_number'] and '初' in x for x in CASE_NO.findall(text)):
            applicable['first_instance_number'] += 1
            ok['first_instance_number'] += bool(j['first_instance_case_number'])
        if all(checks.values()):
            all_ok += 1
        else:
            failures.append((doc['id'], [k for k, v in checks.items() if not v], text[:160]))
    n = len(docs)
    print(f'judgment parser on {n} real criminal judgments ({path}):')
    print(f'  all of court, 案号, kind, parties, date: {all_ok}/{n} = {all_ok / n:.3f}  (goal ≥ 0.98)')
    for k in ['court', 'case_number', 'kind', 'parties', 'date', 'case_number_parsed', 'parties_in_block',
              'first_instance_number', 'claims_section', 'defence_section', 'facts_section', 'citations']:
        rate = f'{ok[k] / applicable[k]:.3f}' if applicable[k] else 'n/a (no document has one)'
        print(f'  {k:22} {ok[k]:4}/{applicable[k]:<4} = {rate}')
    for fid, bad, head in failures[:args.show_failures]:
        print(f'  FAIL {fid} {bad}: {head}')
    civil = os.path.join(args.realdata, 'civil_segments_dev.jsonl')
    if os.path.exists(civil):
        # The three labelled segments joined by line breaks: the parser must find each boundary.
        segs = ['诉称段', '辩称段', '裁判分析过程段']
        recs = [json.loads(line) for line in open(civil, encoding='utf-8') if line.strip()]
        recs = [r for r in recs if all(isinstance(r.get(k), str) and r.get(k) for k in segs)]
        tmp = os.path.join(os.environ.get('TMPDIR', '/tmp'), f'eval_judgments_{os.getpid()}.jsonl')
        with open(tmp, 'w', encoding='utf-8') as f:
            for i, r in enumerate(recs):
                f.write(json.dumps({'id': i, 'text': '\n'.join(r[k] for k in segs)}, ensure_ascii=False) + '\n')
        try:
            res = parse(args.bin, tmp)
        finally:
            os.remove(tmp)
        c = collections.Counter()
        for r, rec in zip(res, recs):
            e, sec = r['extracted'], r['judgment']['sections']
            d = len(rec['诉称段'].encode()) + 1
            a = d + len(rec['辩称段'].encode()) + 1
            c['claims'] += sec.get('claims', {}).get('begin', -1) == 0
            c['defence'] += abs(sec.get('defence', {}).get('begin', -99) - d) <= 3
            c['reasoning'] += sec.get('reasoning', {}).get('begin', -1) >= a - 3
            c['amount'] += bool(e['amounts'])
            c['rate'] += bool(e['rates'])
            c['delivery'] += bool(e['delivery_methods'])
            c['dated'] += any(d['role'] for d in e['dates'])
        m = len(res)
        print(f'{m} civil judgments as 诉称段 + 辩称段 + 裁判分析过程段 ({civil}):')
        print(f'  section starts found at the labelled boundary: claims {c["claims"]}/{m}, '
              f'defence {c["defence"]}/{m}, reasoning inside the analysis segment {c["reasoning"]}/{m}')
        print('  extraction coverage (no labels): ' +
              ', '.join(f'{k} {c[k]}/{m}' for k in ['amount', 'rate', 'delivery', 'dated']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
