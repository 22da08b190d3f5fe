#!/usr/bin/env python3
"""Dumps what a user would check in an xlsx file, as JSON, read by openpyxl (an independent
reader): sheets with their cells (value, type, number format, wrap, font), merged ranges, column
widths, row heights, print settings, and the document's core and custom properties.

    scripts/xlsx-dump.py FILE.xlsx            >  one workbook's JSON on stdout
    scripts/xlsx-dump.py FILE.xlsx FILE.xlsx…  >  {"FILE.xlsx": workbook, …}

Used by the Swift tests (Tests/*/Openpyxl.swift); needs `pip install openpyxl`.
"""
import datetime
import json
import sys

import openpyxl


def value(v):
    if isinstance(v, datetime.datetime):
        return {"date": v.date().isoformat()} if v.time() == datetime.time(0) else {"datetime": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, (int, float)):
        return {"number": float(v)}
    return {"text": str(v)}


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": [], "custom": {}, "core": {}}
    for p in wb.custom_doc_props.props:
        out["custom"][p.name] = str(p.value)
    core = wb.properties
    out["core"] = {
        "title": core.title,
        "creator": core.creator,
        "created": core.created.isoformat() if core.created else None,
    }
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                d = value(c.value)
                d["type"] = c.data_type
                d["format"] = c.number_format
                d["wrap"] = bool(c.alignment.wrap_text)
                d["font"] = c.font.name
                d["size"] = float(c.font.sz) if c.font.sz else None
                d["bold"] = bool(c.font.b)
                d["border"] = c.border.left.style is not None
                cells[c.coordinate] = d
        ps = ws.page_setup
        out["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "columns": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
            "rows": {str(k): v.height for k, v in ws.row_dimensions.items() if v.height},
            "maxRow": ws.max_row,
            "print": {
                "paper": int(ps.paperSize) if ps.paperSize is not None else None,
                "orientation": ps.orientation,
                # Absent attributes mean the schema's default, 1.
                "fitToWidth": int(ps.fitToWidth) if ps.fitToWidth is not None else 1,
                "fitToHeight": int(ps.fitToHeight) if ps.fitToHeight is not None else 1,
                "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr else False,
                "titleRows": ws.print_title_rows,
                "footer": ws.oddFooter.center.text if ws.oddFooter.center.text else None,
                "footerRight": ws.oddFooter.right.text if ws.oddFooter.right.text else None,
                "centered": bool(ws.print_options.horizontalCentered),
                "rowBreaks": [b.id for b in ws.row_breaks.brk],
                "margins": {"left": ws.page_margins.left, "right": ws.page_margins.right,
                            "top": ws.page_margins.top, "bottom": ws.page_margins.bottom},
            },
        })
    return out


if __name__ == "__main__":
    paths = sys.argv[1:]
    result = dump(paths[0]) if len(paths) == 1 else {p: dump(p) for p in paths}
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)
