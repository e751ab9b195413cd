#!/usr/bin/python3
"""read-workbook.py WORKBOOK: the workbook as an independent reader sees it, as JSON.

Prints {"sheets": [...], "properties": {...}, "cells": {sheet: [[[value, type], ...], ...]}}
with every cell's value (dates as ISO text) and openpyxl's data type.
"""
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames,
       "properties": {"title": book.properties.title, "creator": book.properties.creator},
       "cells": {}}
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            value = cell.value
            if isinstance(value, (datetime.datetime, datetime.date)):
                value = value.isoformat()
            cells.append([value, cell.data_type])
        rows.append(cells)
    out["cells"][sheet.title] = rows
    out.setdefault("charts", {})[sheet.title] = len(sheet._charts)
    out.setdefault("tables", {})[sheet.title] = list(sheet.tables.keys())
    out.setdefault("freeze", {})[sheet.title] = sheet.freeze_panes
json.dump(out, sys.stdout)
