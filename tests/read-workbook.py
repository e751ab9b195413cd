#!/usr/bin/python3
"""read-workbook.py WORKBOOK: the workbook as an independent reader sees it, as JSON.

Prints {"sheets": [...], "properties": {...}, "cells": {sheet: [[[value, type], ...], ...]}}
with every cell's value (dates as ISO text) and openpyxl's data type; per sheet its
charts, tables (names, and name: range), freeze panes, autofilter, hyperlinks ([row, col, location]),
column widths and page setup; the custom document properties; and "numbers": every
number written in the package's XML with a decimal comma ("commas"), and how many
with a decimal point there are ("decimals").
"""
import datetime
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

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
    out.setdefault("table_ranges", {})[sheet.title] = dict(sheet.tables.items())
    out.setdefault("freeze", {})[sheet.title] = sheet.freeze_panes
    out.setdefault("autofilter", {})[sheet.title] = sheet.auto_filter.ref
    out.setdefault("hyperlinks", {})[sheet.title] = [
        [cell.row - 1, cell.column - 1, cell.hyperlink.location or cell.hyperlink.target]
        for row in sheet.iter_rows() for cell in row if cell.hyperlink is not None]
    out.setdefault("widths", {})[sheet.title] = {
        key: dimension.width for key, dimension in sheet.column_dimensions.items() if dimension.customWidth}
    out.setdefault("page", {})[sheet.title] = {
        "paper": sheet.page_setup.paperSize,
        "orientation": sheet.page_setup.orientation,
        "fit_to_page": bool(sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage),
        # Not written when 1, as the format's default is.
        "fit_width": 1 if sheet.page_setup.fitToWidth is None else sheet.page_setup.fitToWidth,
        "fit_height": sheet.page_setup.fitToHeight,
        "print_titles": sheet.print_title_rows,
        "footer": [sheet.oddFooter.left.text, sheet.oddFooter.center.text, sheet.oddFooter.right.text],
    }

NUMBER_WITH_COMMA = re.compile(r"^-?[0-9]+,[0-9]+([eE][-+]?[0-9]+)?$")
NUMBER_WITH_POINT = re.compile(r"^-?[0-9]+\.[0-9]+([eE][-+]?[0-9]+)?$")
commas = []
decimals = 0
custom = {}
with zipfile.ZipFile(sys.argv[1]) as package:
    for name in package.namelist():
        if not name.endswith(".xml") and not name.endswith(".rels"):
            continue
        root = ET.fromstring(package.read(name))
        if name == "docProps/custom.xml":
            for prop in root:
                custom[prop.get("name")] = "".join(prop.itertext())
        if name == "xl/sharedStrings.xml" or name.startswith("docProps/"):
            continue
        for element in root.iter():
            # Text is in <t> (strings) and <f> (formulas); numbers in <v> and attributes.
            values = list(element.attrib.values())
            if element.tag.split("}")[-1] == "v" and element.text:
                values.append(element.text)
            for value in values:
                if NUMBER_WITH_COMMA.match(value):
                    commas.append([name, element.tag.split("}")[-1], value])
                elif NUMBER_WITH_POINT.match(value):
                    decimals += 1
out["custom_properties"] = custom
out["numbers"] = {"commas": commas, "decimals": decimals}
json.dump(out, sys.stdout)
