#!/usr/bin/env python3
"""Evaluate the 案号 parser on real published judgments (make eval; docs/case-number.md).

Extracts the case number from the head of every judgment in judgments_criminal_dev.jsonl, plus every
case-number-shaped string in the other .jsonl files, runs them through `tianping case-number` and reports
how many were found, parsed and resolved to a court name. Divisions under <realdata>/divisions are imported
into a temporary data directory first so basic and intermediate courts can be named.
Skips with a message when the real-data folder is absent. Reads the data; never copies it anywhere.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

CANDIDATE = re.compile(r'[（(〔\[［【﹝]\s*[12]\d{3}\s*[）)〕\]］】﹞][^，。；：、\s（(“”"]{1,30}?号(?:之[一二三四五六七八九十]+)?')
HEAD_CHARS = 600
TYPE_CHAR = re.compile(r'[刑民行执破赔商]')
NOT_COURT = re.compile(r'[证鉴检公仲]')


def texts(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            yield ' '.join(v for v in rec.values() if isinstance(v, str))


def run_parser(binary, numbers, data_dir):
    cmd = [binary, 'case-number', '--format', 'json']
    if data_dir:
        cmd += ['--data', data_dir]
    out = subprocess.run(cmd, input='\n'.join(numbers) + '\n', capture_output=True, text=True, check=False)
    if out.returncode not in (0, 2):
        sys.exit(f'eval_case_numbers: {" ".join(cmd)} failed ({out.returncode}): {out.stderr.strip()}')
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def report(title, found_in, numbers, results):
    parsed = [r for r in results if 'error' not in r]
    legacy = [r for r in parsed if r['legacy']]
    modern = [r for r in parsed if not r['legacy']]
    resolved = [r for r in modern if r['court_name']]
    pct = lambda a, b: f'{100.0 * a / b:.1f}%' if b else '-'
    print(f'{title}: {found_in} — {len(numbers)} case numbers found; parsed {len(parsed)} ({pct(len(parsed), len(numbers))}): '
          f'{len(modern)} current style, {len(legacy)} legacy; court name resolved for {len(resolved)} of {len(modern)} '
          f'current-style ({pct(len(resolved), len(modern))})')
    errors = collections.Counter(r['error'].split("'")[0].strip() for r in results if 'error' in r)
    for reason, n in errors.most_common(6):
        print(f'    {n:5d} × {reason}')
    unresolved = collections.Counter(r['court_code'] for r in modern if not r['court_name'])
    if unresolved:
        print('    unresolved courts: ' + ', '.join(f'{c}×{n}' for c, n in unresolved.most_common(8)))
    return len(numbers), len(parsed), len(resolved)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bin', required=True)
    ap.add_argument('--realdata', required=True)
    args = ap.parse_args()
    if not os.path.isdir(args.realdata):
        print(f'eval_case_numbers: {args.realdata} not found, skipping', file=sys.stderr)
        return 0
    judgments = os.path.join(args.realdata, 'judgments_criminal_dev.jsonl')
    with tempfile.TemporaryDirectory() as data_dir:
        div_dir = os.path.join(args.realdata, 'divisions')
        files = [os.path.join(div_dir, f) for f in ('provinces.csv', 'cities.csv', 'areas.csv')]
        files = [f for f in files if os.path.exists(f)]
        if files:
            r = subprocess.run([args.bin, 'ref', 'import-divisions', '--data', data_dir] + files,
                               capture_output=True, text=True, check=False)
            if r.returncode != 0:
                print(f'eval_case_numbers: division import failed, courts resolve from data/ref only: {r.stderr.strip()}',
                      file=sys.stderr)
        if os.path.exists(judgments):
            heads, missing = [], 0
            for t in texts(judgments):
                found = list(CANDIDATE.finditer(t[:HEAD_CHARS]))
                # The title may cite a procuratorate document (…刑诉[2018]13号起诉书); the court's own number
                # follows the document name (刑事判决书（2018）苏0106刑初548号), so prefer that one.
                after_title = [m for m in found if t[max(0, m.start() - 1):m.start()] == '书']
                m = (after_title or found or [None])[0]
                if m:
                    heads.append(m.group(0))
                else:
                    missing += 1
            n = len(heads) + missing
            report('judgment heads', f'{n} judgments, {missing} without a case number in the first {HEAD_CHARS} characters',
                   heads, run_parser(args.bin, heads, data_dir))
        others = []
        for name in sorted(os.listdir(args.realdata)):
            path = os.path.join(args.realdata, name)
            if not name.endswith('.jsonl'):
                continue
            for t in texts(path):
                body = t[HEAD_CHARS:] if name == 'judgments_criminal_dev.jsonl' else t
                others.extend(m.group(0) for m in CANDIDATE.finditer(body))
        if others:
            report('（年）…号 strings cited in text', 'all .jsonl files (judgment heads excluded)', others,
                   run_parser(args.bin, others, data_dir))
            # Many of those are notarial, appraisal or agency document numbers of the same shape; the
            # court-like ones carry a case-type character and no 证/鉴/检 (notary, appraisal, procuratorate).
            court_like = [n for n in others if TYPE_CHAR.search(n) and not NOT_COURT.search(n)]
            report('court-like subset', 'has 刑/民/行/执/破/赔/商, no 证/鉴/检/公/仲', court_like,
                   run_parser(args.bin, court_like, data_dir))
    return 0


if __name__ == '__main__':
    sys.exit(main())
