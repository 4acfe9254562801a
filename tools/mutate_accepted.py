"""Survivors of tools/mutate.py that someone looked at and found no user could notice.

{module: {why: [mutant keys]}}; a key is what a run prints after the line number. A survivor not
listed here is new: write a test a user would care about, or add it here with the reason.
"""

ACCEPTED: dict[str, dict[str, list[str]]] = {
    "corrections": {
        "no corrections.toml: None and [] are both 'no corrections' to apply(), which only asks `if not corrections`": [
            "load: return None: return [] -> return None",
        ],
    },
    "checks": {
        "sums of counts are whole numbers: a difference is 0 or at least 1, never exactly 1e-9": [
            "check_article: comparison: abs(summed - total.value) > 1e-9 -> abs(summed - total.value) >= 1e-09",
        ],
        "a whole of 0 (no members) is never stated beside a share of it": [
            "check_article: drop operand: part and share and whole and whole.value -> part and share and whole",
        ],
        "the message and the brief print the computed share to two decimals themselves; a third only reaches "
        "the params column of findings.csv": [
            "check_article: number: 2 -> 3",
        ],
        "every ordinal read from text carries its sentence as evidence (metadata._fact), never None": [
            'check_article: drop operand: f.evidence or "" -> f.evidence',
        ],
        "a duplicate article gets no congress key (congress.group leaves duplicates out), so 'key is None' "
        "already skips it": [
            "check_across: drop operand: key is None or item.article.duplicate_of -> key is None",
        ],
        "two articles stating one value: either one's sentence is the evidence for it, both say the same": [
            "check_across: number: 0 -> -1 #2",
        ],
    },
    "accountability": {
        "the table's earlier/later congress columns are read by nothing a user sees (the brief's context and the "
        "exports take bloc, cycle, indicator, target, qualifier, result and met)": [
            '<module>: delete item: "earlier" -> (deleted)',
            '<module>: delete item: "later" -> (deleted)',
        ],
    },
}
