"""Write a synthetic corpus with its own gold, for measuring at scale.

    .venv/bin/python benchmarks/generate_corpus.py OUT_DIR [--n 1000] [--seed 7]
    .venv/bin/python benchmarks/generate_corpus.py OUT_DIR --national [--blocs 252] [--seed 7]
    .venv/bin/khoi-report extract -i OUT_DIR/articles --json x.json
    .venv/bin/khoi-report score x.json OUT_DIR/gold.csv

By default, N articles over the 63 pre-2025 provinces and the four provincial bloc types, one
congress each, a random recombination of sentence patterns (some optional, some distractors) with
random figures: above 252 articles a bloc gets several congresses whose terms and ordinals
disagree. `--reports` instead gives each bloc one 2020 congress, reported by every article that
falls on the bloc (one article per bloc up to 252, about four each at 1,000), agreeing but for
the odd figure: what several reports of the same blocs look like. `--national` writes a national corpus as it really looks: for each bloc its 2015
and 2020 congresses (ordinals n and n+1), two to five articles per congress that agree but for the
odd figure (a preview's planned delegates), and the 2025 successors' first congresses in the 34
provinces since the merger. Accuracy on it is a sanity check only: the patterns are ours.
"""

from __future__ import annotations

import argparse
import csv
import random
import tomllib
from importlib import resources
from pathlib import Path

from babel.numbers import format_decimal

from khoi_report.extraction.numbers import int_to_roman

BLOCS = {
    "co_quan": ["các cơ quan", "CCQ"],
    "doanh_nghiep": ["Doanh nghiệp"],
    "co_quan_doanh_nghiep": ["Cơ quan và Doanh nghiệp"],
    "dan_chinh_dang": ["Dân chính Đảng", "Cơ quan Dân chính Đảng"],
}
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Minh", "Quang", "Thanh", "Hữu", "Đức"]
GIVEN = ["Hùng", "Lan", "Sơn", "Hà", "Tuấn", "Phương", "Bình", "Dũng", "Yến", "Thắng"]


def vi(n: float) -> str:
    return format_decimal(n, locale="vi")


SUCCESSORS = {"co_quan_dang": ["các cơ quan Đảng"], "uy_ban_nhan_dan": ["UBND", "Ủy ban nhân dân"]}


def congress(rng: random.Random, first: int, ordinal: int) -> dict:
    """What one congress is: its dates, secretary and figures, shared by the articles on it."""
    comm, cells = rng.randint(10, 60), rng.randint(10, 80)
    return {"first": first, "ordinal": ordinal, "day": rng.randint(1, 25), "month": rng.randint(6, 9),
            "name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}", "comm": comm, "cells": cells,
            "members": rng.randint(1500, 9000), "delegates": rng.randint(120, 300), "new_members": rng.randint(300, 2000),
            "members_good_rate": round(rng.uniform(85, 99), 2), "orgs_good_rate": round(rng.uniform(75, 98), 1),
            "committee_elected": rng.randint(15, 40), "new_members_target": rng.randint(300, 1500)}


def article(rng: random.Random, province: str, kind: str, c: dict | None = None, odd: bool = False,
            after: int = 1) -> tuple[str, list[tuple]]:
    """One article's text and its gold rows (field, kind, value, unit, evidence): about congress
    `c` (a new one if None), published `after` days after its first day; `odd`: its delegates
    figure is off by two, as a preview's planned count is."""
    c = c or congress(rng, rng.choice([2015, 2020]), rng.randint(2, 25))
    first, ordinal, day, month, name = c["first"], c["ordinal"], c["day"], c["month"], c["name"]
    term = f"{first}-{first + 5}"
    successor = kind in SUCCESSORS
    bloc = rng.choice(SUCCESSORS[kind] if successor else BLOCS[kind])
    unit = "thành phố" if province in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế") else "tỉnh"
    comm, cells, members = c["comm"], c["cells"], c["members"]
    delegates = c["delegates"] + (2 if odd else 0)
    gold = [("province", "meta", province, "", province), ("bloc_type", "meta", kind, "", bloc),
            ("congress_ordinal", "meta", ordinal, "", f"lần thứ {int_to_roman(ordinal)}"),
            ("term", "meta", term, "", term), ("congress_start", "meta", f"{first}-{month:02d}-{day:02d}", "", ""),
            ("published", "meta", f"{first}-{month:02d}-{day + after:02d}", "", ""), ("secretary", "meta", name, "", name)]
    head = f"Đảng bộ {bloc} {unit} {province}" if successor else f"Đảng bộ Khối {bloc} {unit} {province}"
    own = "Đảng bộ" if successor else "Đảng bộ Khối"
    title = f"Bí thư Đảng ủy {bloc} {unit}" if successor else "Bí thư Đảng ủy Khối"
    parts = [f"Đại hội đại biểu {head} lần thứ {int_to_roman(ordinal)}",
             f"{day + after:02d}/{month:02d}/{first} - 09:{rng.randint(10, 59)}",
             rng.choice([f"Trong các ngày {day} và {day + 1}/{month}/{first}, {head} tổ chức Đại hội đại biểu lần thứ "
                         f"{int_to_roman(ordinal)}, nhiệm kỳ {first} - {first + 5}.",
                         f"Ngày {day}/{month}/{first}, {head} khai mạc Đại hội đại biểu lần thứ {int_to_roman(ordinal)}, "
                         f"nhiệm kỳ {first}-{first + 5}."])]
    sentences = []
    if rng.random() < 0.8:
        sentences.append(f"{own} hiện có {comm + cells} tổ chức cơ sở đảng, gồm {comm} đảng bộ cơ sở và "
                         f"{cells} chi bộ cơ sở, với {vi(members)} đảng viên.")
        gold += [("party_orgs", "actual", comm + cells, "count", ""), ("grassroots_committees", "actual", comm, "count", ""),
                 ("grassroots_cells", "actual", cells, "count", ""), ("members", "actual", members, "count", "")]
    if rng.random() < 0.7 or odd:
        sentences.append(f"Tham dự đại hội có {delegates} đại biểu.")
        gold.append(("delegates", "actual", delegates, "count", ""))
    if rng.random() < 0.8 and not successor:
        sentences.append(f"Nhiệm kỳ qua, {own} đã kết nạp {vi(c['new_members'])} đảng viên mới.")
        gold.append(("new_members", "actual", c["new_members"], "count", ""))
    if rng.random() < 0.8 and not successor:
        sentences.append(f"Bình quân hằng năm có {vi(c['members_good_rate'])}% đảng viên hoàn thành tốt nhiệm vụ "
                         f"trở lên; {vi(c['orgs_good_rate'])}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.")
        gold += [("members_good_rate", "actual", c["members_good_rate"], "percent", ""),
                 ("orgs_good_rate", "actual", c["orgs_good_rate"], "percent", "")]
    if rng.random() < 0.6:
        sentences.append(f"Đại hội thống nhất các chỉ tiêu nhiệm kỳ mới, trong đó: phấn đấu cả nhiệm kỳ kết nạp từ "
                         f"{vi(c['new_members_target'])} đảng viên trở lên.")
        gold.append(("new_members", "target", c["new_members_target"], "count", ""))
    if rng.random() < 0.7 and not successor:
        sentences.append(f"Đại hội đã bầu {c['committee_elected']} đồng chí vào Ban Chấp hành {own} khóa mới; "
                         f"đồng chí {name}, Tỉnh ủy viên, tái đắc cử {title}.")
        gold.append(("committee_elected", "actual", c["committee_elected"], "count", ""))
    else:
        sentences.append(f"Đồng chí {name}, Tỉnh ủy viên, {title} phát biểu khai mạc đại hội.")
    distractors = [f"Đảng ủy tổ chức {rng.randint(5, 40)} lớp bồi dưỡng cho {vi(rng.randint(1000, 9000))} lượt cán bộ.",
                   "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp.",
                   f"Riêng Đảng bộ Sở Tài chính có {rng.randint(50, 300)} đảng viên.",
                   f"Toàn tỉnh hiện có {vi(rng.randint(40000, 200000))} đảng viên."]
    sentences += rng.sample(distractors, 2)
    rng.shuffle(sentences)
    return "\n\n".join(parts + [" ".join(sentences)]) + "\n", gold


def national(rng: random.Random, provinces: list[str], units_2025: list[str], blocs: int):
    """(province, kind, congress, odd, days after) for every article of a national corpus."""
    pairs = [(p, k) for k in BLOCS for p in provinces][:blocs]
    for province, kind in pairs:
        ordinal = rng.randint(2, 24)
        for first, n in ((2015, ordinal), (2020, ordinal + 1)):
            c = congress(rng, first, n)
            reports = rng.randint(2, 5)
            for i in range(reports):
                yield province, kind, c, i == 0 and rng.random() < 0.3, 1 + i
    for province in units_2025:
        for kind in SUCCESSORS:
            c = congress(rng, 2025, 1)
            for i in range(rng.randint(2, 4)):
                yield province, kind, c, False, 1 + i


def reports(rng: random.Random, provinces: list[str], n: int):
    """(province, kind, congress, odd, days after) for n articles over the blocs, each bloc's one 2020
    congress shared by every article on it."""
    pairs = [(p, k) for k in BLOCS for p in provinces]
    congresses: dict[tuple[str, str], dict] = {}
    for i in range(n):
        province, kind = pairs[i % len(pairs)]
        report = i // len(pairs)
        c = congresses.setdefault((province, kind), congress(rng, 2020, rng.randint(2, 24)))
        yield province, kind, c, report == 0 and rng.random() < 0.3, 1 + report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reports", action="store_true", help="one 2020 congress per bloc, reported by every "
                        "article on the bloc")
    parser.add_argument("--national", action="store_true", help="every bloc's 2015 and 2020 congresses, several "
                        "articles each, and the 2025 successors")
    parser.add_argument("--blocs", type=int, default=252, help="with --national: how many pre-2025 blocs")
    parser.add_argument("--units", type=int, default=34, help="with --national: in how many of the 34 units since 2025")
    args = parser.parse_args()
    gazetteer = tomllib.loads(resources.files("khoi_report").joinpath("data/gazetteer.toml").read_text("utf-8"))
    provinces = [p["name"] for p in gazetteer["province"] if not p.get("needs_prefix")]
    rng = random.Random(args.seed)
    folder = args.out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    with open(args.out / "gold.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["article", "field", "kind", "value", "unit", "period", "evidence"])
        if args.national:
            plan = list(national(rng, provinces, gazetteer["units_2025"][: args.units], args.blocs))
        elif args.reports:
            plan = list(reports(rng, provinces, args.n))
        else:
            plan = [(provinces[i % len(provinces)], list(BLOCS)[(i // len(provinces)) % len(BLOCS)], None, False, 1)
                    for i in range(args.n)]
        for i, (province, kind, c, odd, after) in enumerate(plan):
            text, gold = article(rng, province, kind, c, odd, after)
            name = f"{i:05d}.txt"
            (folder / name).write_text(text, "utf-8")
            for field, kind_, value, unit, evidence in gold:
                writer.writerow([name, field, kind_, value, unit, "", evidence])
    print(f"wrote {len(plan)} articles and their gold to {args.out}")


if __name__ == "__main__":
    main()
