#!/usr/bin/env python3
"""Python XlsxWriter baseline: replays a cell script (Benchmarks/Sources/CellScript.swift) with
XlsxWriter, writing the same workbooks, cells, formats, merges, properties and print set-up as
PlanBook. The script is read and split first; only the writing is timed.

    replay.py SCRIPT OUTDIR [--constant-memory]

Prints one JSON line: {"seconds": ..., "workbooks": ..., "cells": ..., "version": ...,
"peak_kib": ...} (peak_kib: VmHWM, the process's own peak resident memory).
"""
import datetime
import json
import os
import sys
import time

import xlsxwriter


def unescape(s):
    if "\\" not in s:
        return s
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def opt(s):
    return s[1:] if s.startswith("=") else None


def peak_kib():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    script, outdir = sys.argv[1], sys.argv[2]
    constant = "--constant-memory" in sys.argv[3:]
    with open(script, encoding="utf-8") as f:
        records = [[unescape(x) for x in line.rstrip("\n").split("\t")] for line in f]

    styles = {}
    workbooks = cells = 0
    book = sheet = None
    formats = {}
    start = time.perf_counter()
    for r in records:
        kind = r[0]
        if kind == "F":
            spec = {"font_name": r[2], "font_size": float(r[3])}
            if r[4] == "1":
                spec["bold"] = True
            spec_align = {"l": "left", "c": "center", "r": "right"}.get(r[5])
            if spec_align:
                spec["align"] = spec_align
            spec["valign"] = {"t": "top", "c": "vcenter", "b": "bottom"}[r[6]]
            if r[7] == "1":
                spec["text_wrap"] = True
            if r[8] == "1":
                spec["border"] = 1
            if opt(r[9]) is not None:
                spec["num_format"] = opt(r[9])
            if opt(r[10]) is not None:
                spec["pattern"] = 1
                spec["bg_color"] = "#%06X" % int(opt(r[10]))
            if opt(r[11]) is not None:
                spec["font_color"] = "#%06X" % (int(opt(r[11])) & 0xFFFFFF)
            styles[r[1]] = spec
        elif kind == "W":
            path = os.path.join(outdir, r[1])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            book = xlsxwriter.Workbook(path, {"constant_memory": constant,
                                              "tmpdir": os.path.dirname(path)})
            formats = {}
            workbooks += 1
        elif kind == "P":
            props = {}
            for key, value in zip(["title", "subject", "author", "company", "comments"], r[1:6]):
                if opt(value) is not None:
                    props[key] = opt(value)
            props["created"] = datetime.datetime.fromtimestamp(int(r[6]), datetime.timezone.utc)
            book.set_properties(props)
        elif kind == "U":
            book.set_custom_property(r[1], r[2], "text")
        elif kind == "S":
            sheet = book.add_worksheet(r[1])
        elif kind == "K":
            c = int(r[1])
            sheet.set_column(c, c, float(r[2]))
        elif kind == "R":
            sheet.set_row(int(r[1]), float(r[2]))
        elif kind in "TNDBM":
            cells += 1
            fid = r[4] if kind == "M" else r[3]
            fmt = formats.get(fid)
            if fmt is None:
                fmt = formats[fid] = book.add_format(styles[fid])
            row = int(r[1])
            if kind == "T":
                sheet.write_string(row, int(r[2]), r[4], fmt)
            elif kind == "N":
                sheet.write_number(row, int(r[2]), float(r[4]), fmt)
            elif kind == "D":
                sheet.write_datetime(row, int(r[2]),
                                     datetime.date(int(r[4]), int(r[5]), int(r[6])), fmt)
            elif kind == "B":
                sheet.write_blank(row, int(r[2]), None, fmt)
            else:
                sheet.merge_range(row, int(r[2]), row, int(r[3]), r[5], fmt)
        elif kind == "G":
            sheet.set_paper(int(r[1]))
            if r[2] == "p":
                sheet.set_portrait()
            else:
                sheet.set_landscape()
            sheet.set_margins(float(r[3]), float(r[4]), float(r[5]), float(r[6]))
            if r[7] == "1":
                sheet.center_horizontally()
            if int(r[8]) > 0:
                sheet.fit_to_pages(int(r[8]), 0)
            if r[12] == "1":
                sheet.hide_gridlines(2)
            if r[9] != "-":
                sheet.repeat_rows(int(r[9]), int(r[10]))
            if opt(r[11]) is not None:
                sheet.set_footer(opt(r[11]))
            if r[13] != "-":
                # Excel (and XlsxWriter) keep at most 1023 manual breaks, as libxlsxwriter does.
                sheet.set_h_pagebreaks([int(x) for x in r[13].split(",")][:1023])
        elif kind == "E":
            book.close()
            book = None
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "workbooks": workbooks, "cells": cells,
                      "version": xlsxwriter.__version__, "peak_kib": peak_kib()}))


if __name__ == "__main__":
    main()
