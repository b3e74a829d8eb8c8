#!/usr/bin/env python3
"""Accuracy gate: `jixiao parse` on every sample, scored by ../shared/tools/score_parse.py against
the sample's gold file; every sample must reach F1=1.0000 with wrong_amounts=0.

Usage: check_accuracy.py JIXIAO SCORE_PY SAMPLES_DIR
Exit status 0 when all pass, 1 when one does not, 77 (skipped) when SCORE_PY is absent.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile


def main():
    jixiao, score_py, samples = sys.argv[1:4]
    if not os.path.exists(score_py):
        print(f"SKIP: {score_py} not found (../shared is not beside the clone)")
        return 77
    golds = sorted(glob.glob(os.path.join(samples, "*.gold.json")))
    if not golds:
        print(f"no *.gold.json in {samples}")
        return 1
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            name = os.path.basename(gold)[: -len(".gold.json")]
            text = os.path.join(samples, name + ".txt")
            out_path = os.path.join(tmp, name + ".json")
            with open(out_path, "wb") as out:
                proc = subprocess.run([jixiao, "parse", "--format", "json", text], stdout=out,
                                      stderr=subprocess.PIPE)
            if proc.returncode != 0:
                print(f"{name}: jixiao parse failed: {proc.stderr.decode('utf-8', 'replace')}")
                failed += 1
                continue
            score = subprocess.run([sys.executable, score_py, gold, out_path, "--verbose"],
                                   capture_output=True, text=True)
            lines = score.stdout.strip().splitlines()
            summary = lines[-1] if lines else ""
            print(f"{name}: {summary}")
            m = re.search(r"F1=([0-9.]+).*wrong_amounts=(\d+)", summary)
            if not m or m.group(1) != "1.0000" or m.group(2) != "0":
                failed += 1
                for line in lines[:-1]:
                    print("   " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
