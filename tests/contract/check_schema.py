#!/usr/bin/env python3
"""Validates real `jixiao parse --format json` output against docs/schema/declaration.schema.json.

Usage: check_schema.py JIXIAO SCHEMA SAMPLES_DIR [PDF_DIR]
Parses every *.txt in SAMPLES_DIR one by one (output: one object) and all together (output: an
array), plus up to two PDFs of PDF_DIR when that directory exists, and validates each document.
Exit status 0 when all validate, 1 otherwise (every violation is printed).
"""
import glob
import json
import os
import subprocess
import sys

from jsonschema import Draft202012Validator


def run_parse(jixiao, files):
    proc = subprocess.run([jixiao, "parse", "--format", "json", *files], capture_output=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"jixiao parse failed with status {proc.returncode} on {files}")
    return json.loads(proc.stdout)


def main():
    jixiao, schema_path, samples = sys.argv[1:4]
    pdf_dir = sys.argv[4] if len(sys.argv) > 4 else None
    schema = json.load(open(schema_path, encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    texts = sorted(glob.glob(os.path.join(samples, "*.txt")))
    if not texts:
        raise SystemExit(f"no *.txt samples in {samples}")
    pdfs = sorted(glob.glob(os.path.join(pdf_dir, "*.pdf")))[:2] if pdf_dir and os.path.isdir(pdf_dir) else []

    documents = []
    for path in texts + pdfs:
        out = run_parse(jixiao, [path])
        if not isinstance(out, dict):
            raise SystemExit(f"one file must give one object, got {type(out).__name__} for {path}")
        documents.append((path, out))
    together = run_parse(jixiao, texts)
    if not isinstance(together, list) or len(together) != len(texts):
        raise SystemExit("several files must give an array with one document per file")
    documents += [(f"{path} (in array)", doc) for path, doc in zip(texts, together)]

    failures = 0
    for path, doc in documents:
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
            failures += 1
    print(f"validated {len(documents)} documents, {failures} violation(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
