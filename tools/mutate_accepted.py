"""Survivors of tools/mutate.py that someone looked at and found no user could notice.

{module: {why: [mutant keys]}}; a key is what a run prints after the line number. A survivor not
listed here is new: write a test a user would care about, or add it here with the reason.
"""

ACCEPTED: dict[str, dict[str, list[str]]] = {
    "fetcher": {
        "only file: and data: URLs reach WeasyPrint's own fetch (any other scheme is refused before it), and "
        "neither ever redirects": [
            "fetcher.TemplateFetcher.__init__: boolean: False -> True",
        ],
        "a file found in a later folder is looked up from that folder on; from the first instead, it differs only "
        "for a stylesheet linked (not included) from a preset's folder naming a file the user's folder also has: "
        "the built-in templates include their CSS inline, so every URL resolves against the first folder, and "
        "either way the file is a template file": [
            "fetcher.TemplateFetcher.fetch: drop slice lower: dirs.index(root): -> :",
        ],
        "every attachment is named 'data/NAME.csv' (one '/'), so rsplit's count and [-1] or [1] pick the same name": [
            "attached: number: 1 -> 2",
            "attached: drop unary: -1 -> 1",
        ],
    },
    "corrections": {
        "no corrections.toml: None and [] are both 'no corrections' to apply(), which only asks `if not corrections`": [
            "load: return None: return [] -> return None",
        ],
        "congress_ordinal's upper bound is where Roman numerals end (4000); no congress is numbered 3999": [
            "_field_value: number: 4000 -> 3999",
        ],
        "the message names only the nearest bloc (near[0]); asking difflib for two changes nothing": [
            "load: number: 1 -> 2 #2",
        ],
        "apply() with no corrections: the general path gives the same tables (every bloc's 'corrected' empty, no "
        "rows added); the early return is a shortcut": [
            "apply: delete statement: if not corrections: -> pass",
            "apply: delete statement: return tables -> pass",
        ],
        "the blocs table has one row per bloc, so its first and its last row of a bloc are the same": [
            "apply: number: 0 -> -1",
        ],
        "a correction's observation has no place in any article: its span and figure offsets are filled with 0 and "
        "read only to find a qualifier word before the figure (none in the one character an offset of 1 gives, "
        "nothing for a negative or missing one); a missing qualifier or period is NaN where None was, empty in "
        "every export and 'none' to the brief": [
            'apply: delete entry: "qualifier": None -> (deleted)',
            'apply: delete entry: "period": None -> (deleted)',
            'apply: delete entry: "start": 0 -> (deleted)',
            'apply: delete entry: "end": 0 -> (deleted)',
            'apply: delete entry: "figure_start": 0 -> (deleted)',
            'apply: delete entry: "figure_end": 0 -> (deleted)',
            "apply: number: 0 -> 1 #2",
            "apply: number: 0 -> -1 #2",
            "apply: number: 0 -> 1 #3",
            "apply: number: 0 -> -1 #3",
            "apply: number: 0 -> 1 #4",
            "apply: number: 0 -> -1 #4",
            "apply: number: 0 -> 1 #5",
            "apply: number: 0 -> -1 #5",
        ],
        "nothing reads the observations' row index (every export writes index=False; rows are picked by column), so "
        "concatenating without ignore_index changes no output": [
            "apply: boolean: True -> False",
        ],
    },
    "templates": {
        "every caller passes Settings.templates, a Path already (Settings turns a string into one)": [
            "template_dirs: delete statement: user = Path(user) -> pass",
        ],
        "find_template is only asked for an entry file (brief.html.j2, screen.html.j2, brief.docx), which the "
        "default preset has and every lookup ends at: its 'not found' is never reached": [
            "find_template: delete statement: raise KhoiError(f\"{name}: template not found in {', '.join(map(shown,… -> pass",
        ],
        "one character either way at an output limit of 50 million (100 times a 63-bloc brief), or a deadline met "
        "to the exact tick of the clock: no template is stopped or let through differently": [
            "LimitedTemplate.render: number: 0 -> 1",
            "LimitedTemplate.render: number: 0 -> -1",
            "LimitedTemplate.render: comparison: size > MAX_OUTPUT -> size >= MAX_OUTPUT",
            "LimitedTemplate.render: comparison: time.monotonic() > limit[0] -> time.monotonic() >= limit[0]",
        ],
        "the class attribute 'limit = None' is only a default: render() reads it with getattr(..., None) and "
        "time_limit() sets it and puts None back": [
            "BriefSandbox: delete statement: limit: tuple[float, float] | None = None -> pass",
        ],
        "the bounds on '**' and '*' are safety margins far from any brief: a power of 63 to 65, a product one "
        "character from 50 million, or a float exponent above 64 (a float cannot grow large) is met by no template; "
        "a sequence times a non-integer is a one-line template error either way": [
            "BriefSandbox.call_binop: drop operand: operator == \"**\" and isinstance(right, int) and abs(right) > 64 "
            "-> operator == '**' and abs(right) > 64",
            "BriefSandbox.call_binop: comparison: abs(right) > 64 -> abs(right) >= 64",
            "BriefSandbox.call_binop: number: 64 -> 65",
            "BriefSandbox.call_binop: number: 64 -> 63",
            "BriefSandbox.call_binop: drop operand: isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(se… "
            "-> isinstance(seq, (str, list, tuple)) and len(seq) * n > MAX_OUTPUT",
            "BriefSandbox.call_binop: comparison: len(seq) * n > MAX_OUTPUT -> len(seq) * n >= MAX_OUTPUT",
        ],
        "'return None' is what the function returns without it": [
            "BriefSandbox.wrap_str_format: delete statement: return None -> pass",
        ],
        "the context is plain dicts, lists, strings and numbers: no object there but a str has a 'format' "
        "attribute, and None is as false as False to the sandbox": [
            "BriefSandbox.is_safe_attribute: drop operand: isinstance(obj, str) and attr in (\"format\", \"format_map\") "
            "-> attr in ('format', 'format_map')",
            "BriefSandbox.is_safe_attribute: return None: return False -> return None",
        ],
        "backslashes and drive letters ('..\\x', 'C:x') separate folders only on Windows; on Debian, the tool's "
        "platform, they are part of a name, and such a name finds no template (Jinja's own loader refuses '..' "
        "too)": [
            "ConfinedLoader.get_source: string: \"\\\\\" -> 'XX\\\\XX'",
            "ConfinedLoader.get_source: string: \"/\" -> 'XX/XX'",
            "ConfinedLoader.get_source: drop operand: template.startswith((\"/\", \"\\\\\")) or \"..\" in pieces or "
            "re.match(r\"^[A-… -> template.startswith(('/', '\\\\')) or '..' in pieces",
            "ConfinedLoader.get_source: delete item: \"\\\\\" -> (deleted)",
            "ConfinedLoader.get_source: regex drop boundary: «^»[A-Za-z]: -> «»",
            "ConfinedLoader.get_source: regex class item: ^[«A-Z»a-z]: -> «»",
            "ConfinedLoader.get_source: regex class item: ^[A-Z«a-z»]: -> «»",
        ],
        "a file the loader finds under a (resolved) templates folder by a name with no '..' can only lie outside "
        "it through a link, which the first test refuses already": [
            "ConfinedLoader.get_source: drop operand: real != os.path.abspath(filename) or not any(Path(real).is_relative_t… "
            "-> real != os.path.abspath(filename)",
        ],
        "the timer's stop raised in a frame that is not template code still unwinds through the template's, so "
        "the error names the same file and line (the time-limit tests pass); only a stop inside a finaliser would "
        "be lost, and the timer fires again": [
            "_is_template: comparison: frame.f_code.co_filename == \"<template>\" -> frame.f_code.co_filename != '<template>'",
            "_in_template: negate condition: _is_template(frame) -> not (_is_template(frame))",
            "_in_template: boolean: False -> True",
            "time_limit.expire: and/or: now > deadline + 2 and _in_template(frame) -> now > deadline + 2 or _in_template(frame)",
            "time_limit.expire: drop operand: now > deadline + 2 and _in_template(frame) -> _in_template(frame)",
            "time_limit.expire: drop operand: now > deadline + 2 and _in_template(frame) -> now > deadline + 2",
            "time_limit.expire: arithmetic: deadline + 2 -> deadline - 2",
            "time_limit.expire: and/or: here and (not stopped_at or now - stopped_at[-1] > 2) -> here or (not stopped_at or "
            "now - stopped_at[-1] > 2)",
            "time_limit.expire: drop operand: here and (not stopped_at or now - stopped_at[-1] > 2) -> not stopped_at or "
            "now - stopped_at[-1] > 2",
        ],
        "the length of the grace a filter running on in Python gets (2 s, one more or less, or met to the tick): it "
        "is stopped either way, with the same message": [
            "time_limit.expire: comparison: now > deadline + 2 -> now >= deadline + 2",
            "time_limit.expire: number: 2 -> 3",
            "time_limit.expire: number: 2 -> 1",
        ],
        "'return None' and falling off the end are as false as 'return False' to the timer": [
            "_in_template: delete statement: return False -> pass",
            "_in_template: return None: return False -> return None",
        ],
        "the pause after a stop (no second stop for 2 s, so as not to break the first one's unwinding) matters "
        "only when a timer tick falls inside that unwinding, which takes far less than the tick of 0.25 s: the "
        "first stop ends the render and the timer with it": [
            "time_limit.expire: drop operand: here and (not stopped_at or now - stopped_at[-1] > 2) -> here",
            "time_limit.expire: drop operand: not stopped_at or now - stopped_at[-1] > 2 -> not stopped_at",
            "time_limit.expire: comparison: now - stopped_at[-1] > 2 -> now - stopped_at[-1] >= 2",
            "time_limit.expire: arithmetic: now - stopped_at[-1] -> now + stopped_at[-1]",
            "time_limit.expire: drop unary: -1 -> 1",
            "time_limit.expire: number: 1 -> 2",
            "time_limit.expire: number: 1 -> 0",
            "time_limit.expire: number: 2 -> 3 #2",
            "time_limit.expire: number: 2 -> 1 #2",
            "time_limit.expire: delete statement: stopped_at.append(now) -> pass",
        ],
        "how often the timer looks again after the limit (every 0.25 s or 1.25 s): a loop in template code is met "
        "at the first tick, and a filter only after its 2 s grace": [
            "time_limit: number: 0.25 -> 1.25",
        ],
        "env.limit is set only off the main thread, and every render there runs under a time_limit of its own, "
        "which sets it again": [
            "time_limit: delete statement: env.limit = None -> pass",
        ],
        "trim_blocks, lstrip_blocks and keep_trailing_newline only change white space around block tags: in HTML it "
        "is white space like any other, and the PDF and DOCX text the tests read back (test_escaping, test_brief) "
        "is the same": [
            "environment: boolean: True -> False #2",
            "environment: boolean: True -> False #3",
            "environment: boolean: True -> False #4",
        ],
        "Jinja's SecurityError is a TemplateError, which RENDER_ERRORS catches already": [
            "<module>: delete item: SecurityError -> (deleted)",
        ],
        "signal.setitimer is missing only on Windows; on Debian, the tool's platform, the main thread always has it": [
            "time_limit: drop operand: threading.current_thread() is threading.main_thread() and hasattr(sig… "
            "-> threading.current_thread() is threading.main_thread()",
        ],
    },
    "congress": {
        "an article of no bloc (no province, or the central bloc) gets no term and no key whatever these guards "
        "say: terms_of_ordinal holds only articles with a bloc, terms[] is None without one, so known[None] stays "
        "empty, and the key needs a bloc": [
            "group: drop operand: bloc and not term and ordinal and len(found := terms_of_ordinal[(bloc… "
            "-> not term and ordinal and (len((found := terms_of_ordinal[bloc, int(or…",
            "group: drop operand: bloc and not term -> not term",
            "group: drop operand: bloc and term -> term",
            "group: drop operand: bloc and len(known[bloc]) == 1 -> len(known[bloc]) == 1",
            "group: drop operand: bloc and term -> term #2",
            "group: drop operand: bloc and not known[bloc] -> not known[bloc]",
        ],
        "an article that states its term and ordinal is itself in terms_of_ordinal, so when one term is found for "
        "its ordinal it is the article's own": [
            "group: drop operand: bloc and not term and ordinal and len(found := terms_of_ordinal[(bloc… "
            "-> bloc and ordinal and (len((found := terms_of_ordinal[bloc, int(ordina…",
        ],
        "a congress key holds two four-digit years (its term) or none (a bloc of unknown term), never one": [
            "cycle_of: number: 2 -> 1",
        ],
    },
    "merge": {
        "pandas ignores 'kind' when it sorts by more than one column": [
            '_newest_first: string: "stable" -> \'XXstableXX\'',
            'blocs_frame: string: "stable" -> \'XXstableXX\'',
        ],
        "articles published the same day are ordered by file name only so that the order is fixed; either "
        "direction is as good (nothing says which of two same-day articles is newer)": [
            "_newest_first: boolean: True -> False",
        ],
        "a count started at 1 or -1, or counting 2 a statement, shifts or doubles every value's count alike: the "
        "order of the counts, which is all _choose reads, is unchanged": [
            "_choose: number: 0 -> 1",
            "_choose: number: 0 -> -1",
            "_choose: number: 1 -> 2",
        ],
        "the pool is in newest-first order (its articles sorted by rank) and max() keeps the first of equal keys, "
        "so without the rank in the key a tie still goes to the newest": [
            "_choose: delete item: -min(rank[a] for x, a in pool if x == v) -> (deleted)",
        ],
        "the extraction lists each article's figures in text order, and a tie is broken by the articles' rank, "
        "not by the order of the list: sorting by rank alone or by position alone picks the same first statements": [
            'congresses_frame: delete item: rank.get(o["article"], len(rank)) -> (deleted)',
            'congresses_frame: delete item: o["start"] -> (deleted)',
        ],
        "an observation of no congress would be collected under the key None, which no congress reads": [
            "congresses_frame: drop operand: o[\"congress\"] is None or (o[\"article\"], o[\"indicator\"], o[\"kind\"]) in… "
            "-> (o['article'], o['indicator'], o['kind']) in seen",
        ],
        "every article of a congress has the congress's bloc, province and bloc type (its key is the bloc's), so "
        "the first or the last gives them": [
            "congresses_frame: number: 0 -> -1",
        ],
        "str() of a missing day ('None', 'nan') sorts after every ISO date, so an undated article counts as a report "
        "with or without the _missing() test": [
            "congresses_frame: drop operand: start is None or _missing(a[\"published\"]) or str(a[\"published\"])[:10]… "
            "-> start is None or str(a['published'])[:10] >= str(start)",
        ],
        "'published' is a 'YYYY-MM-DD' string, ten characters already": [
            "congresses_frame: drop slice upper: :10 -> :",
            "congresses_frame: number: 10 -> 11",
        ],
    },
    "numbers": {
        "a pattern used with .match() is anchored at the start already: '^' changes nothing": [
            '<module>: regex drop boundary: «^»[^.;:()\\n]{0 -> «»',
            '<module>: regex drop boundary: «^»[^.;:()\\n]{0 -> «» #2',
            '<module>: regex drop boundary: «^»m{0,3}(cm|cd -> «»',
        ],
        "no Vietnamese syllable ends in 'trở' or starts with 'lên'/'xuống' plus a letter: the word boundaries around "
        "'trở lên'/'trở xuống' never decide": [
            '<module>: regex drop boundary: ()\\n]{0,60}?«\\b»trở lên\\b -> «»',
            '<module>: regex drop boundary: 0}?\\btrở lên«\\b» -> «»',
            '<module>: regex drop boundary: ()\\n]{0,60}?«\\b»trở xuống\\b -> «»',
            '<module>: regex drop boundary: ?\\btrở xuống«\\b» -> «»',
        ],
        "parse_number only ever reads a token NUMBER_RE matched (no spaces, always one of its three shapes), and a "
        "widened shape reads that token to the same value": [
            'parse_number: delete statement: token = token.strip() -> pass',
            'parse_number: regex quantifier: }(?:\\.\\d{3})«+»(?:,\\d+)? -> «*»',
            'parse_number: regex quantifier: d{3})+(?:,\\d«+»)? -> «*»',
            'parse_number: regex quantifier: \\d«+»,\\d+ -> «*»',
            'parse_number: regex quantifier: \\d+,\\d«+» -> «*»',
            'parse_number: regex quantifier: \\d«+»(?:\\.\\d+)? -> «*»',
            'parse_number: regex quantifier: \\d+(?:\\.\\d«+»)? -> «*»',
            'parse_number: delete statement: raise ValueError(f"not a number: {token!r}") -> pass',
            '<module>: regex quantifier: }(?:\\.\\d{3})«+»(?:,\\d+)?|\\d -> «*»',
        ],
        "int_to_roman is only given ordinals the extraction read (three digits at most, 0 never printed) or a "
        "correction accepted (1 to 3999): its guard never decides for a real congress": [
            'int_to_roman: delete statement: if not 0 < n < 4000: -> pass',
            'int_to_roman: comparison: 0 < n < 4000 -> 0 <= n < 4000',
            'int_to_roman: comparison: 0 < n < 4000 -> 0 < n <= 4000',
            'int_to_roman: number: 0 -> -1',
            'int_to_roman: number: 4000 -> 4001',
            'int_to_roman: number: 4000 -> 3999',
            'int_to_roman: delete statement: raise ValueError(n) -> pass',
        ],
        "ORDINAL_RE: fold writes 'khoá' as 'khóa', so one of the two is never met; a 'khóa N' after a congress "
        "only stops the search for its 'lần thứ' (metadata reads no ordinal from 'khóa'), and no article writes "
        "'khóa N' then 'lần thứ M' after one mention; no congress has an ordinal of three digits; a letter glued "
        "before 'lần thứ' does not occur": [
            '<module>: regex drop boundary: «\\b»(lần thứ|khó -> «»',
            '<module>: regex repeat: ivxlcdm]+|\\d«{1,3}»)\\b -> «{1,2}»',
            '<module>: regex drop alternative: \\b(lần thứ«|khóa»|khoá)\\s+([i -> «»',
            '<module>: regex drop alternative: lần thứ|khóa«|khoá»)\\s+([ivxlcd -> «»',
        ],
        "a dataclass default every caller overrides or nothing reads: DateMatch's year_stated is always passed; "
        "Quantity.per_year's default is taken only by a number in words, and per_year is read only by the GRDP "
        "growth rule, a rate the press writes in digits ('5,25%/năm')": [
            'Quantity: boolean: False -> True',
            'DateMatch: boolean: True -> False',
        ],
        "a time after a date: portals put a space between the dash or comma and the hour ('2020 - 07:38', never "
        "'2020 -07:38'), and never a '.' after the seconds without digits": [
            '<module>: regex quantifier: :\\s*[-–,]?\\s«*»(\\d{1,2})[:h -> «+»',
            '<module>: regex quantifier: d{2})(?:\\.\\d«+»)?)?)? -> «*»',
        ],
        "an ISO date's time follows one space or 'T' and has a two-digit hour ('2020-08-24 08:14'), as pages "
        "and feeds write it": [
            '<module>: regex quantifier: 1,2})(?:[ t]«+»(\\d{1,2}):(\\ -> «*»',
            '<module>: regex repeat: )(?:[ t]+(\\d«{1,2}»):(\\d{2})(?: -> «{2,2}»',
            '<module>: regex quantifier: d{2})(?:\\.\\d«+»)?)?)? -> «*» #2',
        ],
        "a word boundary or a 'no time or digit before' guard at the start of a date: a date glued to a letter, "
        "a digit or a time ('x30/6', '10:30/6') does not occur": [
            '<module>: regex drop boundary: «\\b»( -> «»',
            '<module>: regex drop lookaround: «(?<![:\\d])»\\b(\\d{1,2})\\ -> «»',
            '<module>: regex class item: (?<![«:»\\d])\\b(\\d{1, -> «»',
            '<module>: regex class item: (?<![:«\\d»])\\b(\\d{1,2} -> «»',
            '<module>: regex drop boundary: (?<![:\\d])«\\b»(\\d{1,2})\\s* -> «»',
            '<module>: regex class item: (?<![:«\\d»])\\b(\\d{1,2} -> «» #2',
            '<module>: regex drop boundary: (?<![:\\d])«\\b»(\\d{1,2})(?: -> «»',
            '<module>: regex drop boundary: «\\b»(\\d{1,2})\\s* -> «»',
            '<module>: regex drop boundary: «\\b»ngày\\s+(\\d{1 -> «»',
            '<module>: regex drop boundary: «\\b»(?:tháng\\s+) -> «»',
            '<module>: regex drop lookaround: «(?<![\\d/.\\-])»(\\d{1,2})\\s* -> «»',
            '<module>: regex class item: (?<![«\\d»/.\\-])(\\d{1, -> «»',
            '<module>: regex class item: (?<![\\d«/».\\-])(\\d{1,2 -> «»',
            '<module>: regex class item: (?<![\\d/«.»\\-])(\\d{1,2} -> «»',
            '<module>: regex class item: (?<![\\d/.«\\-»])(\\d{1,2})\\ -> «»',
            '<module>: regex drop lookaround: «(?<![\\d/.\\-])»(\\d{1,2})(?: -> «»',
            '<module>: regex class item: (?<![«\\d»/.\\-])(\\d{1, -> «» #2',
            '<module>: regex class item: (?<![\\d«/».\\-])(\\d{1,2 -> «» #2',
            '<module>: regex class item: (?<![\\d/«.»\\-])(\\d{1,2} -> «» #2',
            '<module>: regex class item: (?<![\\d/.«\\-»])(\\d{1,2})( -> «»',
        ],
        "the press puts a space after ',', 'và', 'đến' or '–' between two day-months ('30/6 và 1/7')": [
            '<module>: regex quantifier: |và|đến|–)\\s«*»\\d{1,2}\\s*[/ -> «+»',
        ],
        "a day-month pair without a year followed by a digit, '/', '-', '%' or '.digit' is either a date with its "
        "year (the dmy patterns take it first) or no day-month at all ('30/6 và 1/70' is written nowhere)": [
            '<module>: regex drop lookaround: \\-]\\d{1,2}()«(?![\\d/\\-%]|\\.\\d)» -> «»',
            '<module>: regex class item: d{1,2}()(?![«\\d»/\\-%]|\\.\\d) -> «»',
            '<module>: regex class item: 1,2}()(?![\\d«/»\\-%]|\\.\\d) -> «»',
            '<module>: regex class item: ,2}()(?![\\d/«\\-»%]|\\.\\d) -> «»',
            '<module>: regex class item: }()(?![\\d/\\-«%»]|\\.\\d) -> «»',
            '<module>: regex drop alternative: \\d{1,2}()(?!«[\\d/\\-%]|»\\.\\d) -> «»',
            '<module>: regex drop alternative: )(?![\\d/\\-%]«|\\.\\d») -> «»',
        ],
        "the year part of a bare day-month ('28/7/2020'): a date with its year is taken first by the dmy patterns, "
        "so how that part is spaced or separated never decides": [
            '<module>: regex quantifier: d{1,2})(?:\\s«*»[/\\-]\\s*( -> «+»',
            '<module>: regex class item: 1,2})(?:\\s*[«/»\\-]\\s*( -> «»',
            '<module>: regex class item: ,2})(?:\\s*[/«\\-»]\\s*( -> «»',
            '<module>: regex quantifier: ?:\\s*[/\\-]\\s«*»( -> «+»',
            'find_dates: drop operand: kind == "dm" and not g[2] and not _looks_like_day_month(folded, m.sta… -> kind == \'dm\' and (not _looks_like_day_month(folded, m.start(), m.end(…',
        ],
        "a bare day-month followed by a digit, '-', '%' or '.digit' ('ngày 28/7-' or 'ngày 2/30'): no article "
        "writes it": [
            '<module>: regex class item: ))?(?![«\\d»/\\-%]|\\.\\d) -> «»',
            '<module>: regex class item: ))?(?![\\d/«\\-»%]|\\.\\d) -> «»',
            '<module>: regex class item: ))?(?![\\d/\\-«%»]|\\.\\d) -> «»',
            '<module>: regex drop alternative: ?(?![\\d/\\-%]«|\\.\\d») -> «»',
        ],
        "OPEN QUESTION, not a test: the 'số N/' mask is redundant for the document numbers it was written for "
        "('số 145/2019/NQ-HĐND', 'số 1087/CĐ-TTg' are masked by the code and month/year patterns without it), and "
        "without it 'tổng số 63/64 tổ chức' would read 63 of 64 where it now reads 64 (see tests/README.md)": [
            '<module>: delete item: re.compile(r"\\bsố\\s+\\d+(?=[/\\-])") -> (deleted)',
            '<module>: regex class item: số\\s+\\d+(?=[«/»\\-]) -> «»',
        ],
        "'one day or more' for the list of days before a month: a single 'd/m/yyyy' the pattern then reads is read "
        "the same by the plain date pattern after it": [
            '<module>: regex quantifier: )\\s*\\d{1,2})«+»\\s*[/.\\-]\\s* -> «*»',
        ],
        "a lookbehind emptied out of '(?:(?<=sáng )|(?<=chiều )|…)' lets the pattern match anywhere, but find_dates "
        "then keeps a bare day-month only after a word of time (_looks_like_day_month, the same words and 'hôm', "
        "'đêm', '('): the only change is that 'hôm 15.7' would become a date too": [
            '<module>: regex drop lookaround: (?:«(?<=sáng )»|(?<=chiều ) -> «»',
            '<module>: regex drop lookaround: :(?<=sáng )|«(?<=chiều )»|(?<=trưa )| -> «»',
            '<module>: regex drop lookaround: (?<=chiều )|«(?<=trưa )»|(?<=tối )|( -> «»',
            '<module>: regex drop lookaround: |(?<=trưa )|«(?<=tối )»|(?<=ngày )) -> «»',
            '<module>: regex drop lookaround: )|(?<=tối )|«(?<=ngày )»)(\\d{1,2})\\. -> «»',
        ],
        "'sáng 15.7' followed by '.', '%' or '/': a full date the dmy patterns take first, or a decimal Vietnamese "
        "writes with a comma; only 'sáng 15.7.' at a sentence's end differs, and no article seen writes it so": [
            '<module>: regex class item: ,2})()(?![\\d«.»%/]|,\\d) -> «»',
            '<module>: regex class item: 2})()(?![\\d.«%»/]|,\\d) -> «»',
            '<module>: regex class item: })()(?![\\d.%«/»]|,\\d) -> «»',
            '<module>: regex drop alternative: ()(?![\\d.%/]«|,\\d») -> «»',
        ],
        "a year or a range of years glued to a letter or a digit before or after it ('1/7/20201', "
        "'QH2020-2025') does not occur, and a five-digit figure is written with a thousands dot ('từ 20.000', "
        "not 'từ 20000'): the word boundaries around a year never decide": [
            '<module>: regex drop boundary: )«\\b» -> «»',
            '<module>: regex drop boundary: )«\\b» -> «» #2',
            '<module>: regex drop boundary: )«\\b» -> «» #3',
            '<module>: regex drop boundary: «\\b» -> «»',
            '<module>: regex drop boundary: «\\b» -> «» #2',
            '<module>: regex drop boundary: «\\b» -> «» #3',
            '<module>: regex drop boundary: «\\b» -> «» #4',
            '<module>: regex drop boundary: «\\b»( -> «» #2',
            '<module>: regex drop boundary: )«\\b» -> «» #4',
        ],
        "days across two months start at a month's end (28 to 31): the first day always has two digits": [
            '<module>: regex repeat: ![:\\d])\\b(\\d«{1,2}»)\\s*[/.\\-]\\s -> «{2,2}»',
            '<module>: regex repeat: [\\d/.\\-])(\\d«{1,2}»)\\s*[/\\-](\\d -> «{2,2}»',
        ],
        "and the second day, the next month's start (1 to 3), always has one": [
            '<module>: regex repeat: |đến|–)\\s*\\d«{1,2}»\\s*[/\\-]\\d{1 -> «{1,1}»',
            '<module>: regex repeat: ến|–|-)\\s*\\d«{1,2}»\\s*[/.\\-]\\s* -> «{1,1}»',
        ],
        "'từ' before a figure only bounds it with 'trở lên' after, which sets at_least by itself; without 'từ' in "
        "the list no other word can match in its place": [
            '<module>: delete entry: "từ": "at_least" -> (deleted)',
        ],
        "the qualifier alternatives are anchored at the end ('\\s*$'), so their order (longest first) decides "
        "nothing: no qualifier is the tail of another": [
            '<module>: boolean: True -> False',
        ],
        "a number glued to ',digit' after its decimals ('1,2,3') does not occur in the press; either way it is no "
        "figure a brief would show": [
            '<module>: regex class item: )(?!\\w|[.«,»]\\d) -> «»',
        ],
        "no Vietnamese syllable ends in the word a pattern starts with ('ngày', 'thứ', 'mục', 'quyết định', 'số', "
        "'trung ương'), and 'TW N' stands apart ('Hội nghị TW 6') or glued whole ('NQTW4', masked as a code): the "
        "'\\b' before it never decides": [
            '<module>: regex drop boundary: (?:«\\b»ngày\\s+|(?<= -> «»',
            '<module>: regex drop boundary: «\\b»(?:lần thứ|t -> «»',
            '<module>: regex drop boundary: «\\b»(?:quyết địn -> «»',
            '<module>: regex drop boundary: «\\b»số\\s+\\d+(?=[ -> «»',
            '<module>: regex drop boundary: «\\b»(?:trung ươn -> «»',
        ],
        "a document's number is followed by a '.' with no digit only as punctuation, which the mask may take or "
        "leave (the digits it blanks are the same), and the group takes a '.' and its digits before the "
        "look-ahead is tried, which then meets '.digit' only in a foreign-style decimal with a '%' after a "
        "document word ('kế hoạch 12.50%'), written with a comma in Vietnamese": [
            '<module>: regex quantifier: )?\\d+(?:\\.\\d«+»)?(?!\\d|[.,] -> «*»',
            '<module>: regex class item: \\d+)?(?!\\d|[«.»,]\\d|\\s*%) -> «»',
        ],
        "'niên khóa 2020' is masked by the 'khóa N' mask as well": [
            '<module>: regex drop alternative: oạn|nhiệm kỳ«|niên khóa»|đến|từ|trướ -> «»',
        ],
        "a code starts at its number's first digit either way; with that number optional the mask also blanks the "
        "digits of a path after letters ('/tin-tuc/8790'), which only a link's address holds, and ingest keeps a "
        "link's text, not its address": [
            '<module>: regex drop boundary: «\\b»\\d+(?:[-/.][ -> «»',
            '<module>: regex quantifier: \\b\\d«+»(?:[-/.][\\dA -> «*»',
        ],
        "a code after a bare number has two parts ('35-CT/TW', '88/KH-UBND', '16/HD/ĐUK', '145/2019/NQ-HĐND'), no "
        "empty part and no two numbers joined by '-'; a one-part code ('Quy định 12/QĐ') follows a document word, "
        'whose mask takes the number: these items of the code mask never decide': [
            '<module>: regex class item: \\b\\d+(?:[«-»/.][\\dA-Za-z -> «»',
            '<module>: regex quantifier: [\\dA-Za-zĐđ]«+»)*[-/][A-Za- -> «*»',
            '<module>: regex quantifier: dA-Za-zĐđ]+)«*»[-/][A-Za-zĐ -> «+»',
            '<module>: regex class item: -Za-zĐđ]+)*[«-»/][A-Za-zĐđ] -> «»',
        ],
        'the masks run on the folded text, which has no upper-case letter': [
            '<module>: regex class item: zĐđ]+)*[-/][«A-Z»a-zĐđ][\\w/\\- -> «»',
            '<module>: regex class item: *[-/][A-Za-z«Đ»đ][\\w/\\-]* -> «»',
        ],
        "a code's number comes before its first letter, so how many of the letters after it the mask blanks never "
        'changes a figure': [
            '<module>: regex class item: ][A-Za-zĐđ][«\\w»/\\-]* -> «»',
            '<module>: regex class item: A-Za-zĐđ][\\w«/»\\-]* -> «»',
            '<module>: regex class item: -Za-zĐđ][\\w/«\\-»]* -> «»',
            '<module>: regex quantifier: -zĐđ][\\w/\\-]«*» -> «+»',
        ],
        "NUMBER_RE never reads a number glued to a letter on either side or right after a '.', so a mask that also "
        "blanks a word without digits ('qh', 'khóa ', 'số '), a '.5' after a letter, or stops short of a number glued "
        "to letters ('QH15', '7h30', 'khoản 2b', 'x7:30') changes no figure": [
            '<module>: regex optional → required: \\b[a-zđ]+-«?»\\d+\\b -> «»',
            '<module>: regex quantifier: b[a-zđ]+-?\\d«+»\\b -> «*»',
            '<module>: regex drop boundary: [a-zđ]+-?\\d+«\\b» -> «»',
            '<module>: regex drop boundary: «\\b»\\d+\\.\\d\\b -> «»',
            '<module>: regex quantifier: \\b\\d«+»\\.\\d\\b -> «*»',
            '<module>: regex quantifier: |trang)\\s+\\d«+»\\b -> «*»',
            '<module>: regex drop boundary: trang)\\s+\\d+«\\b» -> «»',
            '<module>: regex quantifier: \\bsố\\s+\\d«+»(?=[/\\-]) -> «*»',
            '<module>: regex drop boundary: «\\b»\\d{1,2}[:h]\\ -> «»',
            '<module>: regex class item: \\b\\d{1,2}[:«h»]\\d{2}\\b -> «»',
            '<module>: regex drop boundary: ,2}[:h]\\d{2}«\\b» -> «»',
            '<module>: regex quantifier: ơng|tw)\\s+\\d«+»\\b -> «*»',
            '<module>: regex drop boundary: ng|tw)\\s+\\d+«\\b» -> «»',
        ],
        "'thứ N' masks 'lần thứ N' too, and fold writes 'khoá' as 'khóa'": [
            '<module>: regex drop alternative: \\b(?:«lần thứ|»thứ|khóa|kho -> «»',
            '<module>: regex drop alternative: thứ|thứ|khóa«|khoá»|điều|khoản| -> «»',
        ],
        "a number after 'số' followed by '-' starts a code ('số 35-CT/TW'), which the code mask takes as well": [
            '<module>: regex class item: ố\\s+\\d+(?=[/«\\-»]) -> «»',
        ],
        "a 'return None' where falling off the end of the function returns None as well": [
            '_valid: delete statement: return None -> pass',
            '_below_thousand: delete statement: return None -> pass #2',
        ],
        'a date match starts and ends with a digit or a letter, so two matches never touch without a character '
        "between them: '<' and '<=' decide the same": [
            'find_dates: comparison: s < m.end() -> s <= m.end()',
            'find_dates: comparison: m.start() < e -> m.start() <= e',
        ],
        "a time's hour and minute are matched together, both or neither, so testing the minute instead of the hour "
        'decides the same': [
            'find_dates: number: 3 -> 4',
            'find_dates: number: 3 -> 4 #3',
        ],
        "pages print hours 0 to 23 and minutes and seconds 0 to 59, which '% 25' and '% 61' leave as they are, as '% "
        "24' and '% 60' do": [
            'find_dates: number: 24 -> 25',
            'find_dates: number: 60 -> 61',
            'find_dates: number: 60 -> 61 #2',
            'find_dates: number: 24 -> 25 #2',
            'find_dates: number: 60 -> 61 #3',
            'find_dates: number: 60 -> 61 #4',
        ],
        'a ymd or dmy match always fills its third group (the day, the year), so bool(g[2]) alone says the year is '
        'stated': [
            'find_dates: drop operand: kind in ("ymd", "dmy") or bool(g[2]) -> bool(g[2])',
            'find_dates: delete item: "ymd" -> (deleted)',
            'find_dates: delete item: "dmy" -> (deleted)',
        ],
        'a word looked for right before a figure or a bare day-month is anchored at it and at most nine characters '
        "long ('tối thiểu', 'chiều', 'từ', '('), so a window of a character more or less, or the whole text before, "
        'finds the same': [
            '_looks_like_day_month: drop slice lower: max(0, start - 12) : start -> :start',
            '_looks_like_day_month: number: 12 -> 13',
            '_looks_like_day_month: number: 12 -> 11',
            'find_quantities: drop slice lower: max(0, start - 20) : start -> :start',
            'find_quantities: number: 20 -> 21',
            'find_quantities: number: 20 -> 19',
            'find_quantities: drop slice lower: max(0, start - 20) : start -> :start #2',
            'find_quantities: number: 20 -> 21 #2',
            'find_quantities: number: 20 -> 19 #2',
        ],
        "a span of days 'N đến M/K' comes right after 'từ' and one space ('từ 22 đến 23/7') or after a word of time; "
        "without either the press writes no such span (a range of figures is 'từ 3 đến 5'), and no syllable ends in "
        "'từ'": [
            '_looks_like_day_month: drop operand: re.search(r"\\btừ\\s*$", before) and "đến" in folded[start:end] -> \'đến\' in folded[start:end]',
            '_looks_like_day_month: regex drop boundary: «\\b»từ\\s*$ -> «»',
            '_looks_like_day_month: regex quantifier: \\btừ\\s«*»$ -> «+»',
            '_looks_like_day_month: regex drop boundary: \\btừ\\s*«$» -> «»',
        ],
        "the masked text is read only by NUMBER_RE and, between two figures, by '\\s*', to which a newline and a space "
        'are alike': [
            '_masked: string: "\\n" -> \'XX\\nXX\'',
        ],
        'a number glued to a letter is never read, so a unit word always follows a space; no unit word is glued to a '
        "letter after it, and 'đồng chí' is always two words": [
            '<module>: regex quantifier: \\s«*»lần\\b -> «+»',
            '<module>: regex drop boundary: \\s*lần«\\b» -> «»',
            '<module>: regex quantifier: \\s«*»(đồng(?!\\s*c -> «+»',
            '<module>: regex quantifier: s*(đồng(?!\\s«*»chí)|vnđ|vnd -> «+»',
            '<module>: regex quantifier: \\s«*»(usd|đô la|đ -> «+»',
            '<module>: regex drop boundary: đô la|đô-la)«\\b» -> «»',
        ],
        "'mười mốt' and 'mười tư' are not written (after 'mười' the press writes 'một' and 'bốn'), so whether 'mốt' "
        "and 'tư' may follow 'mười' never decides": [
            '<module>: delete item: fold("mốt") -> (deleted)',
            '<module>: delete item: fold("tư") -> (deleted)',
            '<module>: string: "mốt" -> \'XXmốtXX\'',
            '<module>: string: "tư" -> \'XXtưXX\'',
        ],
        "each word of a run of number words is whole (a space or the run's end follows it), so the order of the "
        'alternatives decides nothing': [
            '<module>: boolean: True -> False #2',
        ],
        "a number word glued after letters ('khai', 'thai' end in 'hai') is never followed by 'mươi', 'trăm' or "
        "'nghìn', so no number of ten or more starts inside a word": [
            '<module>: regex drop lookaround: «(?<!\\w)»(?: -> «»',
        ],
        "'lẻ'/'linh' or 'không trăm' with no hundred or thousand before them mean something else ('bán lẻ', 'không' "
        "for 'not') and no number in words follows them in the press; a number below ten they would give is dropped "
        'anyway': [
            '_below_thousand: boolean: False -> True',
            '_below_thousand: drop operand: (hundreds or after_thousand) and len(rest) == 2 and _DIGIT_WORDS.get(… -> len(rest) == 2 and _DIGIT_WORDS.get(rest[1], 0) > 0',
            '_below_thousand: delete statement: if words[0] == fold("không") and not after_thousand: -> pass',
            '_below_thousand: number: 0 -> 1 #3',
            '_below_thousand: number: 0 -> -1 #3',
            '_below_thousand: string: "không" -> \'XXkhôngXX\'',
            '_below_thousand: delete statement: return None -> pass',
        ],
        "only a digit comes before 'trăm', a digit from two before 'mươi' ('hai mươi') and a digit after 'lẻ'/'linh' "
        "('lẻ năm'); 'mười trăm', 'một mươi' and 'linh mốt' are not written, and a default of 1 or -1 instead of 0 "
        'for a word that is no digit fails the same comparison': [
            '_below_thousand: drop operand: len(words) >= 2 and words[1] == _HUNDRED and words[0] in _DIGIT_WORDS -> len(words) >= 2 and words[1] == _HUNDRED',
            '_below_thousand: drop operand: (hundreds or after_thousand) and len(rest) == 2 and _DIGIT_WORDS.get(… -> (hundreds or after_thousand) and len(rest) == 2',
            '_below_thousand: comparison: _DIGIT_WORDS.get(rest[1], 0) > 0 -> _DIGIT_WORDS.get(rest[1], 0) >= 0',
            '_below_thousand: number: 0 -> 1 #6',
            '_below_thousand: number: 0 -> -1 #6',
            '_below_thousand: number: 0 -> -1 #7',
            '_below_thousand: drop operand: len(rest) >= 2 and rest[1] == _TENS and _DIGIT_WORDS.get(rest[0], 0) … -> len(rest) >= 2 and rest[1] == _TENS',
            '_below_thousand: number: 0 -> 1 #10',
            '_below_thousand: number: 0 -> -1 #10',
            '_below_thousand: number: 2 -> 1 #6',
        ],
        "_below_thousand gives nothing below ten (a lone digit word, and 'lẻ N' without a hundred, are None), so "
        "parse_words' check for ten or more never decides": [
            'parse_words: drop operand: value is not None and value >= 10 -> value is not None',
            'parse_words: number: 10 -> 9',
        ],
        "a run that starts with 'nghìn' has no thousands: 'if not thousands' returns None as well": [
            'parse_words: delete statement: if cut == 0: -> pass',
            'parse_words: number: 0 -> -1',
            'parse_words: delete statement: return None -> pass',
        ],
        "'left' is read only when 'nghìn' comes third or later; 'mười nghìn' (cut == 1) takes its 10 on the next "
        "line, so the 'một' written for it is never read": [
            'parse_words: drop operand: cut == 1 and words[0] == _TEN -> cut == 1',
            'parse_words: number: 1 -> 0',
            'parse_words: comparison: words[0] == _TEN -> words[0] != _TEN',
            'parse_words: number: 0 -> 1 #2',
            'parse_words: number: 0 -> -1 #2',
            'parse_words: string: "một" -> \'XXmộtXX\'',
        ],
        'at i == len(tokens) the inner loop is empty and i passes the end: one more turn finds nothing': [
            '_word_numbers: comparison: i < len(tokens) -> i <= len(tokens)',
        ],
        "without the break the word right after a number in words is skipped; in the press that word ('năm' for "
        'years, a noun) never starts a second number, two numbers in words being split by a comma or a word': [
            '_word_numbers: delete statement: break -> pass',
        ],
        'a shortcut: a text with no digit and no number word gives no figure on the general path too': [
            'find_quantities: delete statement: if not words and not re.search(r"\\d", text): -> pass',
            'find_quantities: delete statement: return [] -> pass',
        ],
        "a part larger than its whole ('30/4' in 'Cao su 30/4', an address 'đường 30/4') is a name or an address, "
        'never a stock count an indicator reads, so the whole kept beside it is never shown': [
            'find_quantities: delete statement: whole = None -> pass',
        ],
        "a range whose two ends are equal ('5 - 5%') is not written": [
            'find_quantities: comparison: top > value -> top >= value',
        ],
        "per_year is read only by the GRDP growth rule, a percentage, and a figure with a unit sets it on the unit's "
        "match: a count's per_year is never read": [
            'find_quantities: boolean: False -> True #3',
        ],
    },
    "checks": {
        "sums of counts are whole numbers: a difference is 0 or at least 1, never exactly 1e-9": [
            "check_article: comparison: abs(summed - total.value) > 1e-9 -> abs(summed - total.value) >= 1e-09",
        ],
        "a share is only read beside its count ('kết nạp mới được 65 đảng viên, chiếm 5%'; without the count the "
        "rate indicator is read instead), so there is no share without its part": [
            "check_article: drop operand: part and share and whole and whole.value -> share and whole and whole.value",
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
            'accountability: delete entry: "earlier": earlier["congress"] -> (deleted)',
            'accountability: delete entry: "later": later["congress"] -> (deleted)',
        ],
        "the congress frame holds a figure or target no article gives as None, so 'is None' decides alone and the "
        "pd.isna() beside it is only a guard": [
            "accountability: and/or: target is None or pd.isna(target) -> target is None and pd.isna(target)",
            "accountability: drop operand: target is None or pd.isna(target) -> pd.isna(target)",
            "accountability: drop operand: target is None or pd.isna(target) -> target is None",
            "accountability: delete statement: result = None if result is None or pd.isna(result) else float(result) -> pass",
            "accountability: and/or: result is None or pd.isna(result) -> result is None and pd.isna(result)",
            "accountability: drop operand: result is None or pd.isna(result) -> pd.isna(result)",
            "accountability: drop operand: result is None or pd.isna(result) -> result is None",
        ],
        "'return None' at the end of met() is what falling off the end returns": [
            "met: delete statement: return None -> pass",
        ],
        "the rows' order by bloc: the brief and the summary pick each bloc's rows by its id": [
            "accountability: boolean: True -> False",
        ],
    },
}
