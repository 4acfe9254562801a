"""Regenerate the built-in DOCX templates, templates/default/brief.docx and templates/dang/brief.docx,
with python-docx.

The template is a real .docx with docxtpl's Jinja tags in its text, meant to be edited in Word or
LibreOffice; this script only produces the built-in ones: the default look, and `dang` (a report as
a Party office issues it: header table, number, "BÁO CÁO", parts I-, II-, Times New Roman,
signature block and "Nơi nhận"), which shares the body. Run: python tools/make_docx_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ACCENT = RGBColor(0x8B, 0x1A, 0x1A)
SERIF, SANS = "Times New Roman", "Arial"  # every Office installation has both, with every Vietnamese letter
TIMES = "Times New Roman"  # the Party document's font (Liberation Serif in the PDF is metric-compatible)
LAYOUT = {"dang": False, "in_bloc": False}  # the preset being written, and whether inside a bloc's section


def _font(style, name: str, size: float | None = None, bold: bool | None = None, color: RGBColor | None = None) -> None:
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would win over the one named
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _toc(doc) -> None:
    """A table-of-contents field; Word fills it on open (updateFields), LibreOffice on update."""
    paragraph = doc.add_paragraph()
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, 'TOC \\o "1-1" \\h \\z \\u'), ("separate", None), (None, None), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            placeholder = OxmlElement("w:t")
            placeholder.text = "{{ labels.contents }}…"
            run._r.append(placeholder)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def _table(doc, rows: list[list[str]], widths_mm: list[float], style, header: bool = True):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = style
    if LAYOUT["dang"]:  # the text is 165 mm wide: the widths shrink to it
        widths_mm = [w * min(1.0, 165 / sum(widths_mm)) for w in widths_mm]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
            table.cell(r, c).width = Mm(widths_mm[c])
            if LAYOUT["dang"]:  # no first-line indent, not justified; a wide table 10 pt, to fit the page
                paragraph = table.cell(r, c).paragraphs[0]
                paragraph.paragraph_format.first_line_indent = Mm(0)
                paragraph.alignment = 0  # left
                for run in paragraph.runs if len(widths_mm) > 3 else []:
                    run.font.size = Pt(10)
    if header:
        _repeat_header(table.rows[0])
    return table


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _heading(doc, text: str, level: int, new_page: bool = False):
    if LAYOUT["dang"]:  # parts numbered I-, II- (a Jinja counter); the document runs on, no page breaks
        if level == 1:
            text = "{% set part.n = part.n + 1 %}{{ part.n|roman }}- " + text
        elif LAYOUT["in_bloc"]:
            level = 3
        new_page = False
    paragraph = doc.add_heading(text, level=level)
    paragraph.paragraph_format.page_break_before = new_page
    return paragraph


def _bottom_rule(paragraph, indent_mm: float) -> None:
    """A drawn line under a paragraph, as long as its words (the paragraph indented to their width)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(indent_mm)


def _line(cell_or_doc, text: str, size: float, bold: bool = False, italic: bool = False, align=None,
          underline: bool = False, first: bool = False):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size, run.bold, run.italic, run.underline = Pt(size), bold, italic, underline
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Mm(0)
    return paragraph


def _default_font(doc, name: str) -> None:
    """The document's default font (docDefaults), in place of the theme's: what a style that names
    no font of its own, a table cell or a header uses. No style keeps a theme font (Word's theme
    fonts differ between installations), and the monospaced one is Courier New, which all have."""
    fonts = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for element in doc.styles.element.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            element.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            if element.get(qn(attr)) == "Courier":
                element.set(qn(attr), "Courier New")


def _fixed(table, widths_mm: list[float]) -> None:
    """A borderless layout table of fixed column widths whose one row never splits over two pages."""
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for cell, width in zip(table.rows[0].cells, widths_mm):
        cell.width = Mm(width)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _dang_page(doc, styles) -> None:
    """Page, styles and page numbers of a Party document (Hướng dẫn 36-HD/VPTW)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = doc.sections[0]
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    black = RGBColor(0, 0, 0)
    _default_font(doc, TIMES)
    _font(styles["Normal"], TIMES, 14)
    normal = styles["Normal"].paragraph_format
    normal.first_line_indent, normal.space_after, normal.line_spacing = Mm(12.7), Pt(6), Pt(19)
    normal.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, bold in (("Title", 16, True), ("Subtitle", 14, True), ("Heading 1", 14, True),
                             ("Heading 2", 14, True), ("Heading 3", 14, True), ("Quote", 13, False),
                             ("Caption", 12, False), ("Table Grid", 12, False), ("List Bullet", 13, False),
                             ("List Number", 13, False)):
        _font(styles[name], TIMES, size, bold, black)
        styles[name].paragraph_format.first_line_indent = Mm(0)
    styles["Heading 1"].font.all_caps = True
    styles["Heading 3"].font.italic = True
    styles["Quote"].font.italic = True
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        styles[name].paragraph_format.space_before, styles[name].paragraph_format.space_after = Pt(12), Pt(6)
    # Page numbers from page 2, centred at the top; the first page has an empty header.
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.first_line_indent = Mm(0)
    _field(number, "PAGE")
    for run in number._p.iter(qn("w:r")):
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "28")
        run.insert(0, OxmlElement("w:rPr"))
        run[0].append(size)


def _dang_header(doc) -> None:
    """The header table (issuer left, the Party and the date right), then "BÁO CÁO" and its subject."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{%p set part = namespace(n=0) %}")
    table = doc.add_table(rows=1, cols=2)
    _fixed(table, [71, 94])
    left, right = table.rows[0].cells
    _line(left, "{{ document.parent_organisation_text }}", 14, align=center, first=True)
    _line(left, "{{ document.organisation_text }}", 14, bold=True, align=center)
    _line(left, "*", 14, align=center)
    _line(left, "{{ document.number_text }}", 14, align=center)
    _bottom_rule(_line(right, "{{ document.party }}", 15, bold=True, align=center, first=True), 8)
    date = _line(right, "{{ document.place_date }}", 14, italic=True, align=center)
    date.paragraph_format.space_before = Pt(8)
    title = _line(doc, "{{ document.type }}", 16, bold=True, align=center)
    title.paragraph_format.space_before = Pt(18)
    _line(doc, "{{ document.subject }}", 14, bold=True, align=center)
    _line(doc, "-----", 14, align=center).paragraph_format.space_after = Pt(12)


def _dang_signature(doc) -> None:
    """Recipients on the left, level with the authority line; the signature block on the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center = WD_ALIGN_PARAGRAPH.CENTER
    table = doc.add_table(rows=1, cols=2)
    _fixed(table, [80, 85])
    left, right = table.rows[0].cells
    _line(left, "{{ document.recipients_label }}", 14, bold=True, italic=True, underline=True, first=True)
    _line(left, "{%p for recipient in document.recipients %}", 12)
    _line(left, "{{ recipient }}", 12)
    _line(left, "{%p endfor %}", 12)
    _line(right, "{{ document.on_behalf }}", 14, bold=True, align=center, first=True)
    _line(right, "{{ document.signer_title }}", 14, align=center)
    for _ in range(4):  # room for the signature and the seal
        _line(right, "", 14, align=center)
    _line(right, "{{ document.signer }}", 14, bold=True, align=center)


def build(path: Path, dang: bool = False) -> None:
    LAYOUT["dang"], LAYOUT["in_bloc"] = dang, False
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    section.different_first_page_header_footer = True

    styles = doc.styles
    _default_font(doc, SERIF)
    _font(styles["Normal"], SERIF, 10)
    _font(styles["Title"], SANS, 24, True, ACCENT)
    _font(styles["Subtitle"], SANS, 13)
    _font(styles["Heading 1"], SANS, 15, True, ACCENT)
    _font(styles["Heading 2"], SANS, 11.5, True, RGBColor(0x1D, 0x1B, 0x18))
    _font(styles["Heading 3"], SANS, 10, True, RGBColor(0x1D, 0x1B, 0x18))
    _font(styles["Quote"], SERIF, 9)
    _font(styles["Caption"], SANS, 8)
    _font(styles["Table Grid"], SANS, 8)

    if dang:
        _dang_page(doc, styles)
        _dang_header(doc)
    else:
        _cover(doc, section, styles)
    _heading(doc, "{{ labels.summary }}", 1)
    doc.add_paragraph("{%p for sentence in summary %}")
    doc.add_paragraph("{{ sentence }}")
    doc.add_paragraph("{%p endfor %}")
    _body(doc, styles)
    if dang:
        _dang_signature(doc)

    core = doc.core_properties
    core.title, core.author, core.language = "khoi-report brief", "khoi-report", "vi-VN"
    doc.save(path)


def _cover(doc, section, styles) -> None:
    """The default's running title, page numbers, cover and contents."""
    header = section.header.paragraphs[0]
    header.text = "{{ brief.title }}"
    header.style = styles["Caption"]
    footer = section.footer.paragraphs[0]
    footer.style = styles["Caption"]
    footer.add_run("{{ labels.page }} ")
    _field(footer, "PAGE")
    footer.add_run("/")
    _field(footer, "NUMPAGES")

    # Cover, contents
    doc.add_paragraph("{%p if brief.logo_image %}")
    doc.add_paragraph("{{ brief.logo_image }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if brief.organisation %}")
    doc.add_paragraph("{{ brief.organisation }}", style="Subtitle")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ brief.title }}", style="Title")
    doc.add_paragraph("{{ brief.subtitle }}", style="Subtitle")
    doc.add_paragraph("{{ labels.built }}: {{ brief.built }}")
    doc.add_paragraph("{%p if brief.edition %}")
    doc.add_paragraph("{{ labels.edition }}: {{ brief.edition }}")
    doc.add_paragraph("{%p endif %}")
    for key in ("articles", "blocs", "cycle", "findings"):
        doc.add_paragraph(f"{{{{ labels.{key} }}}}: {{{{ brief.{key} }}}}")
    doc.add_paragraph("{{ labels.generated_by }} {{ brief.generator }}", style="Caption")
    contents = doc.add_paragraph("{{ labels.contents }}", style="TOC Heading" if "TOC Heading" in [s.name for s in styles] else "Subtitle")
    contents.paragraph_format.page_break_before = True
    _toc(doc)


def _orientation(doc, landscape: bool) -> None:
    """A new section from here on, on landscape or portrait pages, with the same running header
    and footer on its first page as on the others."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    short, long = sorted((section.page_width, section.page_height))
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.different_first_page_header_footer = False


def _by_region(doc, groups: str, rows: str) -> None:
    """Opens a loop over `group`s: one per region with its caption past 30 rows (as the PDF splits
    its long tables), else one group of all the rows without a caption. Close it with `{%p endfor %}`."""
    doc.add_paragraph(f"{{%p for group in ({groups} if {rows}|length > 30 else [dict(region=none, rows={rows})]) %}}")
    doc.add_paragraph("{%p if group.region %}")
    doc.add_paragraph("{{ group.region }}", style="Caption").paragraph_format.keep_with_next = True
    doc.add_paragraph("{%p endif %}")


def _body(doc, styles) -> None:
    """Everything after the summary: the same in every preset."""
    # Comparison table: rows are blocs, columns the core indicators (a docxtpl column loop); past
    # 30 blocs one table per region (as in the PDF), then the national row. On landscape pages, a
    # section of their own, so that no figure and no header word is split in its cell.
    _orientation(doc, landscape=True)
    _heading(doc, "{{ comparison.title }}", 1)
    _by_region(doc, "comparison.groups", "comparison.rows")
    # the grid follows the header's cell widths after rendering (see render._grid_from_header)
    table = _table(doc, [
        ["{{ labels.bloc }}", "{%tc for column in comparison.columns %}", "{{ column.short }}", "{%tc endfor %}"],
        ["{%tr for row in group.rows %}", "", "", ""],
        ["{{ row.name }}", "{%tc for cell in row.cells %}", "{{ cell.text }}{{ '*' if cell.corrected else '' }}", "{%tc endfor %}"],
        ["{%tr endfor %}", "", "", ""],
    ], [62, 19, 19, 19], styles["Table Grid"])
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if comparison.rows|length > 1 %}")
    national = _table(doc, [
        ["{{ labels.bloc }}", "{%tc for column in comparison.columns %}", "{{ column.short }}", "{%tc endfor %}"],
        ["{{ comparison.national.name }}", "{%tc for cell in comparison.national.cells %}", "{{ cell.text }}", "{%tc endfor %}"],
    ], [62, 19, 19, 19], styles["Table Grid"])
    national.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in national.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    doc.add_paragraph("{{ comparison.national_note }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ labels.comparison_note }}", style="Caption")
    doc.add_paragraph("{%p if comparison.outside %}")
    doc.add_paragraph("{{ comparison.outside }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for column in comparison.columns %}")
    doc.add_paragraph("{{ column.short }}: {{ column.label }}", style="Caption")
    doc.add_paragraph("{%p endfor %}")
    _heading(doc, "{{ labels.derived }}", 2)
    _by_region(doc, "derived.groups", "derived.rows")
    _table(doc, [["{{ labels.bloc }}", "{{ derived.columns[0].label }}", "{{ derived.columns[1].label }}"],
                 ["{%tr for row in group.rows %}", "", ""],
                 ["{{ row.name }}", "{{ row.cells[0].text }}", "{{ row.cells[1].text }}"],
                 ["{%tr endfor %}", "", ""]], [84, 45, 45], styles["Table Grid"])
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ labels.derived_note }}", style="Caption")
    doc.add_paragraph("{%p if successors %}")
    _heading(doc, "{{ successors.title }}", 2)
    _table(doc, [["{{ labels.unit_2025 }}", "{{ successors.before }}", "{{ successors.after }}"],
                 ["{%tr for row in successors.rows %}", "", ""],
                 ["{{ row.unit }}",
                  "{% for b in row.before %}{{ b.name }} ({{ b.members_text }}){{ '; ' if not loop.last else '' }}"
                  "{% else %}—{% endfor %}",
                  "{% for b in row.after %}{{ b.name }} ({{ b.members_text }}){{ '; ' if not loop.last else '' }}"
                  "{% else %}—{% endfor %}"],
                 ["{%tr endfor %}", "", ""]], [40, 67, 67], styles["Table Grid"])
    doc.add_paragraph("{{ successors.note }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if accountability %}")
    _heading(doc, "{{ labels.accountability_all }}", 2)
    _by_region(doc, "accountability_groups", "accountability")
    _table(doc, [["{{ labels.bloc }}", "{{ labels.term }}", "{{ labels.targets_set }}", "{{ labels.targets_met }}",
                  "{{ labels.targets_missed }}", "{{ labels.targets_unknown }}"],
                 ["{%tr for row in group.rows %}", "", "", "", "", ""],
                 ["{{ row.name }}", "{{ row.cycle }}", "{{ row.set_text }}", "{{ row.met_text }}", "{{ row.missed_text }}",
                  "{{ row.unknown_text }}"],
                 ["{%tr endfor %}", "", "", "", "", ""]], [60, 24, 18, 18, 18, 18], styles["Table Grid"])
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ labels.accountability_note }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    _heading(doc, "{{ labels.versus }}", 2)
    doc.add_paragraph("{%p if versus %}")
    _by_region(doc, "versus_groups", "versus")
    _table(doc, [["{{ labels.bloc }}", "{{ labels.indicator }}", "{{ labels.period }}", "{{ labels.achieved }}",
                  "{{ labels.target_value }}", "{{ labels.ratio }}"],
                 ["{%tr for row in group.rows %}", "", "", "", "", ""],
                 ["{{ row.name }}", "{{ row.label }}", "{{ row.period }}", "{{ row.actual_text }}",
                  "{{ row.target_text }}", "{{ row.ratio_text }}"],
                 ["{%tr endfor %}", "", "", "", "", ""]], [44, 40, 22, 22, 22, 22], styles["Table Grid"])
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ labels.versus_none }}")
    doc.add_paragraph("{%p endif %}")
    _orientation(doc, landscape=False)

    # Rankings: the top and bottom ten on each core indicator, where enough blocs state it.
    doc.add_paragraph("{%p if rankings %}")
    _heading(doc, "{{ labels.rankings }}", 1)
    doc.add_paragraph("{%p for ranking in rankings %}")
    doc.add_paragraph("{{ ranking.title }}", style="Caption").paragraph_format.keep_with_next = True
    _table(doc, [["{{ labels.rank }}", "{{ labels.bloc }}", "{{ ranking.label }}"],
                 ["{%tr for entry in ranking.top + ranking.bottom %}", "", ""],
                 ["{{ entry.rank }}", "{{ entry.name }}", "{{ entry.text }}"],
                 ["{%tr endfor %}", "", ""]], [14, 110, 40], styles["Table Grid"])
    doc.add_paragraph("{{ ranking.note }}", style="Caption")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")

    # Charts (PNG images, as wide as the text)
    doc.add_paragraph("{%p if charts %}")
    _heading(doc, "{{ labels.charts }}", 1, new_page=True)
    doc.add_paragraph("{%p for chart in charts %}")
    caption = doc.add_paragraph("{{ chart.title }}", style="Caption")
    caption.paragraph_format.keep_with_next = True
    doc.add_paragraph("{{ chart.image }}")
    doc.add_paragraph("{%p if chart.note %}")
    doc.add_paragraph("{{ chart.note }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")

    # Tile maps, three to a row (PNG images).
    doc.add_paragraph("{%p if maps %}")
    _heading(doc, "{{ labels.maps }}", 1, new_page=True)
    doc.add_paragraph("{{ maps[0].note }}", style="Caption")
    grid = _table(doc, [["{%tr for trio in maps|batch(3) %}", "", ""],
                        [f"{{{{ trio[{i}].title if trio|length > {i} else '' }}}}" for i in range(3)],
                        ["{%tr endfor %}", "", ""]], [58, 58, 58], styles["Normal Table"], header=False)
    row = grid.rows[1]  # each map's title over its picture, in one row that never splits over two pages
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for i, cell in enumerate(row.cells):
        cell.paragraphs[0].style = styles["Caption"]
        cell.add_paragraph(f"{{{{ trio[{i}].image if trio|length > {i} else '' }}}}")
    doc.add_paragraph("{%p endif %}")

    # One section per bloc (in `dang`, numbered 1-, 2- under one part).
    if LAYOUT["dang"]:
        _heading(doc, "{{ labels.blocs_part }}", 1)
    doc.add_paragraph("{%p for bloc in blocs %}")
    if LAYOUT["dang"]:
        _heading(doc, "{{ loop.index }}- {{ bloc.name }}", 2)
        LAYOUT["in_bloc"] = True
    else:
        _heading(doc, "{{ bloc.name }}", 1, new_page=True)
    _table(doc, [["{%tr for fact in bloc.facts %}", ""], ["{{ fact.label }}", "{{ fact.value }}"], ["{%tr endfor %}", ""]],
           [50, 70], styles["Table Grid"], header=False)
    # Each sentence once: the figures it carries, one line each, then the sentence quoted (a target's
    # sentence that the achievements quote already points there).
    for title, items, quotes, empty in (("achievements", "bloc.achievements", "bloc.achievement_quotes", "none_reported"),
                                        ("targets", "bloc.targets", "bloc.target_quotes", "no_targets")):
        _heading(doc, f"{{{{ labels.{title} }}}}", 2)
        doc.add_paragraph(f"{{%p for quote in {quotes} %}}")
        doc.add_paragraph("{%p for figure in quote.figures %}")
        line = doc.add_paragraph()
        line.add_run("{{ figure.label }}: ")
        line.add_run("{{ figure.qualified_text }}"
                     "{{ '* (' ~ labels.corrected ~ ')' if figure.corrected else '' }}"
                     "{{ labels.low_confidence_mark ~ ' (' ~ labels.low_confidence ~ ')' if figure.low_confidence else '' }}").bold = True
        line.add_run("{{ ' (' ~ figure.period ~ ')' if figure.period else '' }}"
                     "{{ ' (' ~ labels.also_in ~ ' ' ~ figure.also|join(', ') ~ ')' if figure.also else '' }}")
        line.paragraph_format.keep_with_next = True
        doc.add_paragraph("{%p endfor %}")
        doc.add_paragraph("{%p if quote.quoted_in_achievements %}")  # a target's sentence quoted above already
        doc.add_paragraph("({{ labels.quoted_in_achievements }} — {{ quote.article }})", style="Caption")
        doc.add_paragraph("{%p else %}")
        doc.add_paragraph("“{{ quote.evidence }}” — {{ quote.article }}", style="Quote")
        doc.add_paragraph("{%p endif %}")
        doc.add_paragraph("{%p endfor %}")
        doc.add_paragraph(f"{{%p if not {items} %}}")
        doc.add_paragraph(f"{{{{ labels.{empty} }}}}")
        doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if bloc.history|length > 1 %}")
    _heading(doc, "{{ labels.history }}", 2)
    _table(doc, [
        ["{{ labels.term }}", "{%tc for cell in bloc.history[0].cells %}", "{{ cell.short }}", "{%tc endfor %}"],
        ["{%tr for congress in bloc.history %}", "", "", ""],
        ["{{ congress.cycle }}{{ ' (' ~ congress.ordinal_roman ~ ')' if congress.ordinal_roman else '' }}",
         "{%tc for cell in congress.cells %}", "{{ cell.text }}", "{%tc endfor %}"],
        ["{%tr endfor %}", "", "", ""],
    ], [44, 13, 13, 13], styles["Table Grid"])
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if bloc.accountability %}")
    _heading(doc, "{{ labels.accountability|replace('{cycle}', bloc.accountability[0].cycle) }}", 2)
    _table(doc, [["{{ labels.indicator }}", "{{ labels.target_set }}", "{{ labels.result }}", "{{ labels.met }}"],
                 ["{%tr for row in bloc.accountability %}", "", "", ""],
                 ["{{ row.label }}", "{{ row.target_text }}", "{{ row.result_text }}", "{{ row.met_text }}"],
                 ["{%tr endfor %}", "", "", ""]], [66, 36, 36, 36], styles["Table Grid"])
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if bloc.findings %}")
    _heading(doc, "{{ labels.findings }}", 2)
    doc.add_paragraph("{%p for finding in bloc.findings %}")
    doc.add_paragraph("{{ finding.severity_label }}: {{ finding.message }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")

    LAYOUT["in_bloc"] = False

    # Data quality and sources.
    _heading(doc, "{{ labels.quality }}", 1, new_page=True)
    doc.add_paragraph("{%p if findings %}")
    doc.add_paragraph("{{ labels.findings_by_kind }}", style="Caption").paragraph_format.keep_with_next = True
    _table(doc, [["{%tr for kind in quality.kinds %}", ""], ["{{ kind.severity_label }}: {{ kind.label }}", "{{ kind.count_text }}"],
                 ["{%tr endfor %}", ""]], [120, 30], styles["Table Grid"], header=False)
    doc.add_paragraph("{%p for group in quality.groups %}")
    _heading(doc, "{{ group.name }}", 3)
    doc.add_paragraph("{%p for quote in group.quotes %}")  # the findings that quote one sentence, then it once
    doc.add_paragraph("{%p for finding in quote.findings %}")
    doc.add_paragraph("{{ finding.severity_label }}: {{ finding.message }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if quote.evidence %}")
    doc.add_paragraph("“{{ quote.evidence }}”", style="Quote")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if corrections %}")
    _heading(doc, "{{ labels.corrections }}", 2)
    doc.add_paragraph("{%p for c in corrections %}")
    doc.add_paragraph("{{ c.name }}: {{ c.label }} = {{ c.text }}* — {{ labels.reason }}: {{ c.reason or '' }} ({{ c.where }})",
                      style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if not findings %}")
    doc.add_paragraph("{{ labels.no_findings }}")
    doc.add_paragraph("{%p endif %}")
    _heading(doc, "{{ labels.methodology }}", 1, new_page=True)
    doc.add_paragraph("{{ labels.methodology_text }}")
    _heading(doc, "{{ labels.sources }}", 2)
    doc.add_paragraph("{%p for source in sources %}")
    item = doc.add_paragraph(style="List Number")
    item.add_run("{{ source.title or source.id }}. ").bold = True
    item.add_run("{{ source.outlet ~ '. ' if source.outlet else '' }}{{ source.published ~ '. ' if source.published else '' }}"
                 "{{ labels.file }}: {{ source.id }}{{ ' (' ~ labels.duplicate_of ~ ' ' ~ source.duplicate_of ~ ')' if source.duplicate_of else '' }}. "
                 "{{ labels.sha256 }} {{ source.sha256 }}")
    doc.add_paragraph("{%p endfor %}")


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1] / "templates"
    for preset in sys.argv[1:] or ["default", "dang"]:
        build(root / preset / "brief.docx", dang=preset == "dang")
        print(f"wrote {root / preset / 'brief.docx'}")
