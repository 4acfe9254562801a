"""Check stage. In: the extracted articles. Out: `Finding`s, each with its evidence: what does not
hold together within one article (parts, shares, ordinals, places) and across articles on one bloc.

The relations between indicators are declared in the catalogue (`data/indicators.toml`); `rules`
only applies them.
"""

from .rules import check, check_across, check_article

__all__ = ["check", "check_across", "check_article"]
