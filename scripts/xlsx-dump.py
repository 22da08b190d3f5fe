#!/usr/bin/env python3
"""Dumps what a user would check in an xlsx file, as JSON, read by openpyxl (an independent
reader): sheets with their cells (value, type, number format, wrap, font, a rich cell's runs),
merged ranges, column widths, row heights, print settings, conditional formats, charts (type,
title, series with their ranges, axes, legend, anchor), sheet protection, data validations,
hidden columns, frozen panes, the autofilter, links, cells' locking, the document's core and custom properties, and the zip's part
names.

    scripts/xlsx-dump.py FILE.xlsx            >  one workbook's JSON on stdout
    scripts/xlsx-dump.py FILE.xlsx FILE.xlsx…  >  {"FILE.xlsx": workbook, …}

Used by the Swift tests (Tests/*/Openpyxl.swift); needs `pip install openpyxl`.
"""
import datetime
import json
import sys
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText


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


def color(c):
    """An openpyxl colour as RRGGBB (alpha dropped), or None."""
    if c is None:
        return None
    rgb = getattr(c, "rgb", None)
    # openpyxl's default colour (no colour in the file) is 00000000.
    if isinstance(rgb, str) and len(rgb) >= 6 and rgb != "00000000":
        return rgb[-6:].upper()
    return None


def cfvo(o):
    return {"type": o.type, "value": float(o.val) if o.val is not None else None}


def conditional(ws):
    out = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            d = {
                "range": str(cf.sqref),
                "type": r.type,
                "operator": r.operator,
                "formula": list(r.formula or []),
                "text": r.text,
                "priority": r.priority,
                "stopIfTrue": bool(r.stopIfTrue),
            }
            if r.dxf is not None:
                fill = r.dxf.fill
                font = r.dxf.font
                d["style"] = {
                    # A differential fill keeps its colour in bgColor.
                    "fill": color(fill.bgColor) if fill is not None else None,
                    "fontColor": color(font.color) if font is not None else None,
                    "bold": bool(font.b) if font is not None else False,
                    "border": r.dxf.border is not None and r.dxf.border.left is not None
                    and r.dxf.border.left.style is not None,
                }
            if r.dataBar is not None:
                d["dataBar"] = {"color": color(r.dataBar.color),
                                "points": [cfvo(o) for o in r.dataBar.cfvo]}
            if r.colorScale is not None:
                d["colorScale"] = {"colors": [color(c) for c in r.colorScale.color],
                                   "points": [cfvo(o) for o in r.colorScale.cfvo]}
            out.append(d)
    out.sort(key=lambda d: d["priority"] or 0)
    return out


def runs(v):
    """The runs of a rich text cell: text and font (None/False where a run has no font)."""
    out = []
    for part in v:
        f = getattr(part, "font", None)
        out.append({
            "text": str(part.text) if f is not None else str(part),
            "font": f.rFont if f is not None else None,
            "size": float(f.sz) if f is not None and f.sz else None,
            "bold": bool(f.b) if f is not None else False,
            "italic": bool(f.i) if f is not None else False,
            "underline": f.u if f is not None else None,
            "strike": bool(f.strike) if f is not None else False,
            "color": color(f.color) if f is not None else None,
        })
    return out


def rich_text(title):
    """The text of a chart or axis title (rich text runs joined), or None."""
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    return "".join(r.t for p in title.tx.rich.p for r in (p.r or []))


def ref(data):
    """The formula of a series' categories or values, or None."""
    if data is None:
        return None
    for kind in ("numRef", "strRef"):
        r = getattr(data, kind, None)
        if r is not None:
            return r.f
    return None


def solid(fill):
    return fill.srgbClr.upper() if fill is not None and isinstance(fill.srgbClr, str) else None


def series(s):
    sp = s.spPr
    ln = sp.ln if sp is not None else None
    return {
        "name": (s.tx.v if s.tx.v is not None else (s.tx.strRef.f if s.tx.strRef else None))
        if s.tx is not None else None,
        "categories": ref(s.cat),
        "values": ref(s.val),
        "fill": solid(sp.solidFill) if sp is not None else None,
        "line": solid(ln.solidFill) if ln is not None else None,
        "dash": ln.prstDash if ln is not None else None,
        # Points (the file has EMU, 12700 a point).
        "lineWidth": ln.w / 12700 if ln is not None and ln.w else None,
        "marker": s.marker.symbol if s.marker is not None else None,
        "markerSize": int(s.marker.size) if s.marker is not None and s.marker.size else None,
        "showsValues": bool(s.dLbls.showVal) if s.dLbls is not None else False,
        "valueFormat": s.dLbls.numFmt if s.dLbls is not None else None,
    }


def axis(a):
    return {
        "title": rich_text(a.title),
        "min": a.scaling.min if a.scaling is not None else None,
        "max": a.scaling.max if a.scaling is not None else None,
        "numberFormat": a.numFmt.formatCode if a.numFmt is not None else None,
    }


def position(m):
    return {"col": m.col, "row": m.row, "colOffset": m.colOff, "rowOffset": m.rowOff}


def chart(c):
    """A chart openpyxl read (it reads charts into ws._charts on load)."""
    anchor = c.anchor
    return {
        # lineChart, barChart (barDir col for columns, bar for horizontal bars).
        "type": c.tagname,
        "barDirection": getattr(c, "barDir", None),
        "title": rich_text(c.title),
        "series": [series(s) for s in c.series],
        # openpyxl's x axis is the category axis, also on horizontal bar charts.
        "categoryAxis": axis(c.x_axis),
        "valueAxis": axis(c.y_axis),
        "legend": c.legend.position if c.legend is not None else None,
        "from": position(anchor._from) if hasattr(anchor, "_from") else None,
        "to": position(anchor.to) if getattr(anchor, "to", None) is not None else None,
    }


def protection(ws):
    """The sheet's protection as written (True: protected), or None when it is not protected."""
    p = ws.protection
    if not p.sheet:
        return None
    keys = ("sheet", "objects", "scenarios", "formatCells", "formatColumns", "formatRows",
            "insertColumns", "insertRows", "insertHyperlinks", "deleteColumns", "deleteRows",
            "selectLockedCells", "selectUnlockedCells", "sort", "autoFilter", "pivotTables")
    d = {k: bool(getattr(p, k)) for k in keys}
    d["password"] = p.password
    return d


def validations(ws):
    out = []
    for v in ws.data_validations.dataValidation:
        out.append({
            # None for "any value".
            "type": v.type,
            "sqref": str(v.sqref),
            "formula1": v.formula1,
            "formula2": v.formula2,
            "promptTitle": v.promptTitle,
            "prompt": v.prompt,
            "errorTitle": v.errorTitle,
            "error": v.error,
            # None for the default, stop.
            "errorStyle": v.errorStyle,
            "allowBlank": bool(v.allow_blank),
            "showInputMessage": bool(v.showInputMessage),
            "showErrorMessage": bool(v.showErrorMessage),
        })
    return out


def dump(path):
    # rich_text=True keeps a rich cell's runs; its value's str() is the text as before.
    wb = openpyxl.load_workbook(path, rich_text=True)
    out = {"sheets": [], "custom": {}, "core": {}}
    with zipfile.ZipFile(path) as z:
        out["parts"] = sorted(z.namelist())
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
                d["locked"] = bool(c.protection.locked)
                if isinstance(c.value, CellRichText):
                    d["runs"] = runs(c.value)
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
            "conditional": conditional(ws),
            "charts": [chart(c) for c in ws._charts],
            "protection": protection(ws),
            "validations": validations(ws),
            "hiddenColumns": sorted(k for k, v in ws.column_dimensions.items() if v.hidden),
            "freezePanes": ws.freeze_panes,
            "autoFilter": ws.auto_filter.ref,
            "links": {c.coordinate: c.hyperlink.target for row in ws.iter_rows() for c in row
                      if c.hyperlink is not None and c.hyperlink.target is not None},
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
                "footerLeft": ws.oddFooter.left.text if ws.oddFooter.left.text else None,
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
