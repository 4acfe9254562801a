"""`python -m khoi_report …`: the same CLI as the `khoi-report` command."""

from .cli import main

main()
