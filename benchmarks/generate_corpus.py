"""Write a synthetic corpus of N articles with its own gold, for measuring at scale.

    .venv/bin/python benchmarks/generate_corpus.py OUT_DIR [--n 1000] [--seed 7]
    .venv/bin/khoi-report extract -i OUT_DIR/articles --json x.json
    .venv/bin/khoi-report score x.json OUT_DIR/gold.csv

Articles cover the 63 pre-2025 provinces and the four provincial bloc types, each a random
recombination of sentence patterns (some optional, some distractors) with random figures.
Accuracy on it is a sanity check only: the patterns are ours, not a newspaper's.
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


def article(rng: random.Random, province: str, kind: str) -> tuple[str, list[tuple]]:
    """One article's text and its gold rows (field, kind, value, unit, evidence)."""
    first = rng.choice([2015, 2020])
    term = f"{first}-{first + 5}"
    ordinal = rng.randint(2, 25)
    bloc = rng.choice(BLOCS[kind])
    unit = "thành phố" if province in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ") else "tỉnh"
    day, month = rng.randint(1, 27), rng.randint(6, 9)
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
    comm, cells = rng.randint(10, 60), rng.randint(10, 80)
    members = rng.randint(1500, 9000)
    figures = {
        "delegates": rng.randint(120, 300), "new_members": rng.randint(300, 2000),
        "members_good_rate": round(rng.uniform(85, 99), 2), "orgs_good_rate": round(rng.uniform(75, 98), 1),
        "committee_elected": rng.randint(15, 40), "new_members_target": rng.randint(300, 1500),
    }
    gold = [("province", "meta", province, "", province), ("bloc_type", "meta", kind, "", bloc),
            ("congress_ordinal", "meta", ordinal, "", f"lần thứ {int_to_roman(ordinal)}"),
            ("term", "meta", term, "", term), ("congress_start", "meta", f"{first}-{month:02d}-{day:02d}", "", ""),
            ("published", "meta", f"{first}-{month:02d}-{day + 1:02d}", "", ""), ("secretary", "meta", name, "", name)]
    head = f"Đảng bộ Khối {bloc} {unit} {province}"
    parts = [f"Đại hội đại biểu {head} lần thứ {int_to_roman(ordinal)}",
             f"{day + 1:02d}/{month:02d}/{first} - 09:{rng.randint(10, 59)}",
             rng.choice([f"Trong các ngày {day} và {day + 1}/{month}/{first}, {head} tổ chức Đại hội đại biểu lần thứ "
                         f"{int_to_roman(ordinal)}, nhiệm kỳ {first} - {first + 5}.",
                         f"Ngày {day}/{month}/{first}, {head} khai mạc Đại hội đại biểu lần thứ {int_to_roman(ordinal)}, "
                         f"nhiệm kỳ {first}-{first + 5}."])]
    sentences = []
    if rng.random() < 0.8:
        sentences.append(f"Đảng bộ Khối hiện có {comm + cells} tổ chức cơ sở đảng, gồm {comm} đảng bộ cơ sở và "
                         f"{cells} chi bộ cơ sở, với {vi(members)} đảng viên.")
        gold += [("party_orgs", "actual", comm + cells, "count", ""), ("grassroots_committees", "actual", comm, "count", ""),
                 ("grassroots_cells", "actual", cells, "count", ""), ("members", "actual", members, "count", "")]
    if rng.random() < 0.7:
        sentences.append(f"Tham dự đại hội có {figures['delegates']} đại biểu.")
        gold.append(("delegates", "actual", figures["delegates"], "count", ""))
    if rng.random() < 0.8:
        sentences.append(f"Nhiệm kỳ qua, Đảng bộ Khối đã kết nạp {vi(figures['new_members'])} đảng viên mới.")
        gold.append(("new_members", "actual", figures["new_members"], "count", ""))
    if rng.random() < 0.8:
        sentences.append(f"Bình quân hằng năm có {vi(figures['members_good_rate'])}% đảng viên hoàn thành tốt nhiệm vụ "
                         f"trở lên; {vi(figures['orgs_good_rate'])}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.")
        gold += [("members_good_rate", "actual", figures["members_good_rate"], "percent", ""),
                 ("orgs_good_rate", "actual", figures["orgs_good_rate"], "percent", "")]
    if rng.random() < 0.6:
        sentences.append(f"Đại hội thống nhất các chỉ tiêu nhiệm kỳ mới, trong đó: phấn đấu cả nhiệm kỳ kết nạp từ "
                         f"{vi(figures['new_members_target'])} đảng viên trở lên.")
        gold.append(("new_members", "target", figures["new_members_target"], "count", ""))
    if rng.random() < 0.7:
        sentences.append(f"Đại hội đã bầu {figures['committee_elected']} đồng chí vào Ban Chấp hành Đảng bộ Khối khóa mới; "
                         f"đồng chí {name}, Tỉnh ủy viên, tái đắc cử Bí thư Đảng ủy Khối.")
        gold.append(("committee_elected", "actual", figures["committee_elected"], "count", ""))
    else:
        sentences.append(f"Đồng chí {name}, Tỉnh ủy viên, Bí thư Đảng ủy Khối phát biểu khai mạc đại hội.")
    distractors = [f"Đảng ủy Khối tổ chức {rng.randint(5, 40)} lớp bồi dưỡng cho {vi(rng.randint(1000, 9000))} lượt cán bộ.",
                   "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp.",
                   f"Riêng Đảng bộ Sở Tài chính có {rng.randint(50, 300)} đảng viên.",
                   f"Toàn tỉnh hiện có {vi(rng.randint(40000, 200000))} đảng viên."]
    sentences += rng.sample(distractors, 2)
    rng.shuffle(sentences)
    return "\n\n".join(parts + [" ".join(sentences)]) + "\n", gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    gazetteer = tomllib.loads(resources.files("khoi_report").joinpath("data/gazetteer.toml").read_text("utf-8"))
    provinces = [p["name"] for p in gazetteer["province"] if not p.get("needs_prefix")]
    rng = random.Random(args.seed)
    folder = args.out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    with open(args.out / "gold.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["article", "field", "kind", "value", "unit", "period", "evidence"])
        for i in range(args.n):
            province, kind = provinces[i % len(provinces)], list(BLOCS)[(i // len(provinces)) % len(BLOCS)]
            text, gold = article(rng, province, kind)
            name = f"{i:05d}.txt"
            (folder / name).write_text(text, "utf-8")
            for field, kind_, value, unit, evidence in gold:
                writer.writerow([name, field, kind_, value, unit, "", evidence])
    print(f"wrote {args.n} articles and their gold to {args.out}")


if __name__ == "__main__":
    main()
