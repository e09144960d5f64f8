#!/usr/bin/env python3
"""Grammar coverage: the share of ssh's debug1, verbose, info, error and fatal lines that get a specific
event type (not UnknownMessage or Text).

Usage (from the repo root): tests/tools/grammar-coverage.py [--top N] [--catalog TSV] FILE_OR_DIR...

debug1 lines are recognised by their level. Lines without a level count when they match a verbose, info,
error or fatal format of the OpenSSH client catalog (../shared/openssh/client-messages.alltags.tsv by
default), which is read at run time and never copied into the project."""
import argparse, collections, glob, json, os, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument('paths', nargs='+')
ap.add_argument('--top', type=int, default=25)
ap.add_argument('--catalog', default=os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'openssh', 'client-messages.alltags.tsv'))
ap.add_argument('--cmd', default=None, help='loglens command (default: dotnet src/LogLens.Cli/bin/Release/net10.0/loglens.dll)')
a = ap.parse_args()

def to_regex(fmt):
    fmt = fmt.replace('\\"', '"').replace('\\r', '').replace('\\n', '\n').split('\n')[0]
    out, i = '', 0
    for m in re.finditer(r'%[-+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|z|j|t|L|q)?[diouxXeEfgGcsp%]', fmt):
        out += re.escape(fmt[i:m.start()])
        out += '%' if m.group(0) == '%%' else '.*?'
        i = m.end()
    out += re.escape(fmt[i:])
    return out

levels = {'verbose', 'info', 'error', 'fatal'}
patterns = []
for row in open(a.catalog, encoding='utf-8'):
    cols = row.rstrip('\n').split('\t')
    if len(cols) < 5 or not (set(cols[0].split('|')) & levels):
        continue
    prefix = (cols[1] + ': ') if cols[1] else ''
    rx = to_regex(cols[4])
    literal = re.sub(r'%[-+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|z|j|t|L|q)?[diouxXeEfgGcsp%]', '', cols[4])
    if len(literal.strip()) < 8:
        continue  # "%s: %s" and the like say nothing about the line
    patterns.append(re.compile('^' + re.escape(prefix) + rx + r'\s*$'))
    if prefix:
        patterns.append(re.compile('^' + rx + r'\s*$'))
big = re.compile('|'.join('(?:%s)' % p.pattern for p in patterns))

files = []
for p in a.paths:
    files += [f for f in sorted(glob.glob(os.path.join(p, '**', '*.log'), recursive=True)) if os.path.basename(f) != 'server.log'] if os.path.isdir(p) else [p]
cmd = a.cmd.split() if a.cmd else ['dotnet', 'src/LogLens.Cli/bin/Release/net10.0/loglens.dll']
total = specific = 0
unknown = collections.Counter()
for f in files:
    out = subprocess.run(cmd + ['events', f], capture_output=True, text=True).stdout
    for line in out.splitlines():
        e = json.loads(line)
        content = e.get('content', '')
        message = e.get('message', '')
        counted = e.get('level') == 'debug1' or (e.get('level') is None and big.match(content) is not None)
        if not counted:
            continue
        total += 1
        if e['type'] in ('UnknownMessage', 'Text'):
            key = re.sub(r'\d+', 'N', message)[:90]
            unknown[(e['type'], key)] += 1
        else:
            specific += 1
print(f'{specific}/{total} debug1/verbose/info/error/fatal lines typed ({(specific / total if total else 1):.1%}) over {len(files)} files')
for (t, k), n in unknown.most_common(a.top):
    print(f'{n:6} {t:15} {k}')
