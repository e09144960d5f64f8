#!/usr/bin/env python3
"""Prefixes each line of stdin with the time it arrived, the way VS Code's Remote-SSH log does:
[hh:mm:ss.mmm] stderr> LINE"""
import datetime, sys

for raw in iter(sys.stdin.buffer.readline, b''):
    now = datetime.datetime.now().strftime('%H:%M:%S.%f')[:-3]
    sys.stdout.buffer.write(f'[{now}] stderr> '.encode() + raw)
    sys.stdout.buffer.flush()
