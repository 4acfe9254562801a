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
    "accountability": {
        "the table's earlier/later congress columns are read by nothing a user sees (the brief's context and the "
        "exports take bloc, cycle, indicator, target, qualifier, result and met)": [
            '<module>: delete item: "earlier" -> (deleted)',
            '<module>: delete item: "later" -> (deleted)',
        ],
    },
}
