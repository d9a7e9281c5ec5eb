#!/usr/bin/env python3
"""Field accuracy of the judgment parser on generated documents (make eval; docs/judgment-parser.md).

Generates a dataset with `tianping gen` (or uses --data DIR holding cases.jsonl, documents.jsonl, truth.json),
parses every document with `tianping doc parse --jsonl` and compares each field with the case record:
court, 案号, document kind, parties (set of names), judgment date (closed_date), judge (judge_name among the
panel), clerk, filing date, closure, claim amount, awarded amount. A document is left out of a field when
truth.json plants an error or a record mismatch on that field (the text then differs from the record on
purpose). Amount fields count only documents that state them (a 诉讼请求 with an amount; a first-instance
judgment or mediation that orders a payment); the coverage among all documents is printed too.
Then runs `tianping doc crosscheck --truth` and prints its recall and precision. Goal: every field ≥ 0.99.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

# Planted error kinds (truth.json document_errors) that change what the document says about a field.
ERROR_FIELDS = {
    'case_number_malformed': ['case_number'], 'case_number_wrong_year': ['case_number'],
    'party_name_inconsistent': ['parties'], 'panel_procedure_mismatch': ['judge'], 'missing_section': ['*'],
    'date_order': ['filed_date', 'date'], 'mixed_zero': ['date'], 'costs_omitted': ['costs'],
    'amount_words_mismatch': ['claim_amount', 'awarded_amount'], 'interest_arithmetic': ['claim_amount'],
}
MISMATCH_FIELDS = {'case_number': 'case_number', 'court_name': 'court', 'party_name': 'parties',
                   'filed_date': 'filed_date', 'closed_date': 'date', 'closure_method': 'closure',
                   'claim_amount': 'claim_amount', 'awarded_amount': 'awarded_amount', 'judge_name': 'judge'}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--realdata', help='unused (the data are generated)')
    ap.add_argument('--data', help='existing dataset folder instead of generating one')
    ap.add_argument('--cases', type=int, default=5000)
    ap.add_argument('--show', default='', help='comma-separated fields whose failures to print')
    args = ap.parse_args()
    tmp = None
    data = args.data
    if not data:
        tmp = tempfile.TemporaryDirectory(prefix='eval_gen_docs_')
        data = tmp.name
        subprocess.run([args.bin, 'gen', '--cases', str(args.cases), '--seed', '7', '--out', data, '--quiet'], check=True)
    cases = {}
    for line in open(os.path.join(data, 'cases.jsonl'), encoding='utf-8'):
        c = json.loads(line)
        cases[c['case_id']] = c
    docs = [json.loads(line) for line in open(os.path.join(data, 'documents.jsonl'), encoding='utf-8')]
    truth = json.load(open(os.path.join(data, 'truth.json'), encoding='utf-8'))
    excluded = collections.defaultdict(set)
    for e in truth.get('document_errors', []):
        for f in ERROR_FIELDS.get(e['kind'], []):
            excluded[e['doc_id']].add(f)
    for m in truth.get('document_mismatches', []):
        excluded[m['doc_id']].add(MISMATCH_FIELDS.get(m['field'], m['field']))
    out = subprocess.run([args.bin, 'doc', 'parse', '--jsonl', os.path.join(data, 'documents.jsonl')],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    ok, total, stated, bad = collections.Counter(), collections.Counter(), collections.Counter(), collections.defaultdict(list)

    def check(doc, field, want, got):
        ex = excluded.get(doc['doc_id'], set())
        if field in ex or '*' in ex:
            return
        total[field] += 1
        if want == got:
            ok[field] += 1
        else:
            bad[field].append((doc['doc_id'], want, got))

    for doc, line in zip(docs, out):
        r = json.loads(line)
        j, e, c = r['judgment'], r['extracted'], cases[doc['case_id']]
        check(doc, 'court', c['court_name'], j['court'][-len(c['court_name']):] if j['court'] else '')
        check(doc, 'case_number', c['case_number'], j['case_number'])
        check(doc, 'kind', doc['kind'], j['kind'])
        check(doc, 'parties', sorted(set(p['name'] for p in c['parties'])), sorted(set(p['name'] for p in j['parties'])))
        if c.get('closed_date'):
            check(doc, 'date', c['closed_date'], j['date'])
        if c.get('judge_name'):
            check(doc, 'judge', True, c['judge_name'] in [m['name'] for m in j['panel']])
        if c.get('clerk'):
            check(doc, 'clerk', c['clerk'], j['clerk'])
        check(doc, 'filed_date', c['filed_date'], e['filed_date'])
        closure = c.get('closure_method') or ''
        got = e['closure']
        if closure == '驳回起诉' and got == '判决':   # the generator's label for a judgment rejecting every claim
            got = '驳回起诉'
        if closure == '改判' and got == '判决':
            got = '改判'
        if closure and closure != '其他':
            check(doc, 'closure', closure, got)
        money = c['category'] not in ('刑事', '执行')
        if money and c.get('claim_amount') and '提出诉讼请求' in doc['text']:
            stated['claim_amount'] += 1
            check(doc, 'claim_amount', c['claim_amount'], e['claim_total'])
        first = '终' not in c['case_number'] and '再' not in c['type_code']
        if money and c.get('awarded_amount') and first and closure in ('判决', '调解'):
            stated['awarded_amount'] += 1
            check(doc, 'awarded_amount', c['awarded_amount'], e['awarded_total'])
    print(f'judgment parser on {len(docs)} generated documents ({data}):')
    for f in ['court', 'case_number', 'kind', 'parties', 'date', 'judge', 'clerk', 'filed_date', 'closure',
              'claim_amount', 'awarded_amount']:
        note = f'  (stated in {stated[f]} of {len(docs)} documents)' if f in stated else ''
        print(f'  {f:15} {ok[f]:6}/{total[f]:<6} = {ok[f] / max(1, total[f]):.4f}{note}')
    for f in filter(None, args.show.split(',')):
        for b in bad[f][:10]:
            print('   ', f, b)
    cc = subprocess.run([args.bin, 'doc', 'crosscheck', '--quiet', '--cases', os.path.join(data, 'cases.jsonl'),
                         '--documents', os.path.join(data, 'documents.jsonl'), '--truth', os.path.join(data, 'truth.json')],
                        capture_output=True, text=True, check=True).stdout
    print('crosscheck against planted mismatches:')
    started = False
    for line in cc.splitlines():
        if line.startswith('field '):
            started = True
        if started:
            print('  ' + line)
    return 0


if __name__ == '__main__':
    sys.exit(main())
