#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate report JSON files against docs/report.schema.json or docs/fleet.schema.json
(JSON Schema draft 2020-12; $ref to a schema beside it by its $id).

usage: validate-report.py SCHEMA REPORT.json [REPORT.json ...]   ("-" reads standard input)
Exit 0 when every report is valid; 1 with one line per error otherwise; 2 on unusable input.
"""
import json
import os
import sys

import jsonschema


def make_validator(schema, folder):
    """A validator that resolves $ref to the other schemas beside SCHEMA by their $id (the fleet
    schema's reports are report schema documents), offline: nothing is fetched."""
    others = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                other = json.load(f)
            if "$id" in other:
                others[other["$id"]] = other
    try:  # jsonschema 4.18 and later
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (uri, Resource.from_contents(contents)) for uri, contents in others.items()
        )
        return jsonschema.Draft202012Validator(schema, registry=registry)
    except ImportError:  # Debian bookworm's 4.10
        resolver = jsonschema.RefResolver.from_schema(schema, store=others)
        return jsonschema.Draft202012Validator(schema, resolver=resolver)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = make_validator(schema, os.path.dirname(os.path.abspath(argv[1])))
    failed = False
    for name in argv[2:]:
        try:
            if name == "-":
                report = json.load(sys.stdin)
            else:
                with open(name, encoding="utf-8") as f:
                    report = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: not readable JSON: {e}")
            return 2
        for error in sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path)):
            path = "/".join(str(p) for p in error.absolute_path)
            print(f"{name}: /{path}: {error.message}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
