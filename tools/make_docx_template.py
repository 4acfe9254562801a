"""Regenerate the default DOCX template, templates/default/brief.docx, with python-docx.

The template is a real .docx with docxtpl's Jinja tags in its text, meant to be edited in Word or
LibreOffice; this script only produces the default. Run: python tools/make_docx_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ACCENT = RGBColor(0x8B, 0x1A, 0x1A)
SERIF, SANS = "Noto Serif", "Noto Sans"


def _font(style, name: str, size: float | None = None, bold: bool | None = None, color: RGBColor | None = None) -> None:
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
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
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
            table.cell(r, c).width = Mm(widths_mm[c])
    if header:
        _repeat_header(table.rows[0])
    return table


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _heading(doc, text: str, level: int, new_page: bool = False):
    paragraph = doc.add_heading(text, level=level)
    paragraph.paragraph_format.page_break_before = new_page
    return paragraph


def build(path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    section.different_first_page_header_footer = True

    styles = doc.styles
    _font(styles["Normal"], SERIF, 10)
    _font(styles["Title"], SANS, 24, True, ACCENT)
    _font(styles["Subtitle"], SANS, 13)
    _font(styles["Heading 1"], SANS, 15, True, ACCENT)
    _font(styles["Heading 2"], SANS, 11.5, True, RGBColor(0x1D, 0x1B, 0x18))
    _font(styles["Quote"], SERIF, 9)
    _font(styles["Caption"], SANS, 8)
    _font(styles["Table Grid"], SANS, 8)

    header = section.header.paragraphs[0]
    header.text = "{{ brief.title }}"
    header.style = styles["Caption"]
    footer = section.footer.paragraphs[0]
    footer.style = styles["Caption"]
    footer.add_run("{{ labels.page }} ")
    _field(footer, "PAGE")
    footer.add_run("/")
    _field(footer, "NUMPAGES")

    # Cover, contents, summary
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
    _heading(doc, "{{ labels.summary }}", 1)
    doc.add_paragraph("{%p for sentence in summary %}")
    doc.add_paragraph("{{ sentence }}")
    doc.add_paragraph("{%p endfor %}")

    # Comparison table: rows are blocs, columns the core indicators (a docxtpl column loop).
    _heading(doc, "{{ comparison.title }}", 1, new_page=True)
    # the grid follows the header's cell widths after rendering (see render._grid_from_header)
    table = _table(doc, [
        ["{{ labels.bloc }}", "{%tc for column in comparison.columns %}", "{{ column.short }}", "{%tc endfor %}"],
        ["{%tr for row in comparison.rows %}", "", "", ""],
        ["{{ row.name }}", "{%tc for cell in row.cells %}", "{{ cell.text }}{{ '*' if cell.corrected else '' }}", "{%tc endfor %}"],
        ["{%tr endfor %}", "", "", ""],
    ], [44, 13, 13, 13], styles["Table Grid"])
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    doc.add_paragraph("{{ labels.comparison_note }}", style="Caption")
    doc.add_paragraph("{%p if comparison.outside %}")
    doc.add_paragraph("{{ comparison.outside }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for column in comparison.columns %}")
    doc.add_paragraph("{{ column.short }}: {{ column.label }}", style="Caption")
    doc.add_paragraph("{%p endfor %}")
    _heading(doc, "{{ labels.derived }}", 2)
    _table(doc, [["{{ labels.bloc }}", "{{ derived.columns[0].label }}", "{{ derived.columns[1].label }}"],
                 ["{%tr for row in derived.rows %}", "", ""],
                 ["{{ row.name }}", "{{ row.cells[0].text }}", "{{ row.cells[1].text }}"],
                 ["{%tr endfor %}", "", ""]], [84, 45, 45], styles["Table Grid"])
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
    _table(doc, [["{{ labels.bloc }}", "{{ labels.term }}", "{{ labels.targets_set }}", "{{ labels.targets_met }}",
                  "{{ labels.targets_missed }}", "{{ labels.targets_unknown }}"],
                 ["{%tr for row in accountability %}", "", "", "", "", ""],
                 ["{{ row.name }}", "{{ row.cycle }}", "{{ row.set_text }}", "{{ row.met_text }}", "{{ row.missed_text }}",
                  "{{ row.unknown_text }}"],
                 ["{%tr endfor %}", "", "", "", "", ""]], [60, 24, 18, 18, 18, 18], styles["Table Grid"])
    doc.add_paragraph("{{ labels.accountability_note }}", style="Caption")
    doc.add_paragraph("{%p endif %}")
    _heading(doc, "{{ labels.versus }}", 2)
    doc.add_paragraph("{%p if versus %}")
    _table(doc, [["{{ labels.bloc }}", "{{ labels.indicator }}", "{{ labels.period }}", "{{ labels.achieved }}",
                  "{{ labels.target_value }}", "{{ labels.ratio }}"],
                 ["{%tr for row in versus %}", "", "", "", "", ""],
                 ["{{ row.name }}", "{{ row.label }}", "{{ row.period }}", "{{ row.actual_text }}",
                  "{{ row.target_text }}", "{{ row.ratio_text }}"],
                 ["{%tr endfor %}", "", "", "", "", ""]], [44, 40, 22, 22, 22, 22], styles["Table Grid"])
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ labels.versus_none }}")
    doc.add_paragraph("{%p endif %}")

    # Charts (PNG images, as wide as the text)
    doc.add_paragraph("{%p if charts %}")
    _heading(doc, "{{ labels.charts }}", 1, new_page=True)
    doc.add_paragraph("{%p for chart in charts %}")
    caption = doc.add_paragraph("{{ chart.title }}", style="Caption")
    caption.paragraph_format.keep_with_next = True
    doc.add_paragraph("{{ chart.image }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")

    # One section per bloc.
    doc.add_paragraph("{%p for bloc in blocs %}")
    _heading(doc, "{{ bloc.name }}", 1, new_page=True)
    _table(doc, [["{%tr for fact in bloc.facts %}", ""], ["{{ fact.label }}", "{{ fact.value }}"], ["{%tr endfor %}", ""]],
           [50, 70], styles["Table Grid"], header=False)
    for title, items, empty in (("achievements", "bloc.achievements", "none_reported"),
                                ("targets", "bloc.targets", "no_targets")):
        _heading(doc, f"{{{{ labels.{title} }}}}", 2)
        doc.add_paragraph(f"{{%p for figure in {items} %}}")
        line = doc.add_paragraph()
        line.add_run("{{ figure.label }}: ")
        line.add_run("{{ figure.qualifier ~ ' ' if figure.qualifier else '' }}{{ figure.text }}"
                     "{{ '* (' ~ labels.corrected ~ ')' if figure.corrected else '' }}").bold = True
        line.add_run("{{ ' (' ~ figure.period ~ ')' if figure.period else '' }}")
        line.paragraph_format.keep_with_next = True
        doc.add_paragraph("“{{ figure.evidence }}” — {{ figure.article }}", style="Quote")
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

    # Data quality and sources.
    _heading(doc, "{{ labels.quality }}", 1, new_page=True)
    doc.add_paragraph("{%p for finding in findings %}")
    doc.add_paragraph("{{ finding.severity_label }}: {{ finding.message }}", style="List Bullet")
    doc.add_paragraph("{%p if finding.evidence %}")
    doc.add_paragraph("“{{ finding.evidence }}”", style="Quote")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
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

    core = doc.core_properties
    core.title, core.author, core.language = "khoi-report brief", "khoi-report", "vi-VN"
    doc.save(path)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "templates" / "default" / "brief.docx"
    build(target)
    print(f"wrote {target}")
