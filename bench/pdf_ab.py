#!/usr/bin/env python3
"""Alternating per-file CPU comparison of two jixiao builds and pdftotext on the same PDFs.

    bench/pdf_ab.py OLD/jixiao NEW/jixiao DIR [DIR ...] [--rounds N]

Each round runs, for every PDF of a directory, `pdftotext -q F -`, `OLD parse --format json F`
and `NEW parse --format json F`, one process per file pinned to core 0; CPU = user + sys from
wait4. The three alternate inside every round, so a change of the machine's load hits them alike
(bench/run times all pdftotext runs before all jixiao runs). Prints best and median sums and the
ratios to pdftotext. Standard library only.
"""
import argparse
import glob
import os


def cpu_seconds(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    pid = os.fork()
    if pid == 0:
        os.sched_setaffinity(0, {0})
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(argv[0], argv)
    _, _, usage = os.wait4(pid, 0)
    os.close(devnull)
    return usage.ru_utime + usage.ru_stime


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("dirs", nargs="+")
    p.add_argument("--rounds", type=int, default=9)
    args = p.parse_args()
    programs = {
        "pdftotext": lambda f: ["pdftotext", "-q", f, "-"],
        "old": lambda f: [args.old, "parse", "--format", "json", f],
        "new": lambda f: [args.new, "parse", "--format", "json", f],
    }
    for directory in args.dirs:
        files = sorted(glob.glob(os.path.join(directory, "*.pdf")))
        if not files:
            continue
        times = {k: [] for k in programs}
        for _ in range(args.rounds):
            for name, argv_of in programs.items():
                times[name].append(sum(cpu_seconds(argv_of(f)) for f in files))
        best = {k: min(v) for k, v in times.items()}
        median = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
        print(f"{directory} ({len(files)} PDFs, {args.rounds} rounds), CPU s best / median:")
        for name in programs:
            print(f"  {name:10} {best[name]:.3f} / {median[name]:.3f}")
        for name in ("old", "new"):
            print(f"  {name} ÷ pdftotext: best {best[name] / best['pdftotext']:.3f}, "
                  f"median {median[name] / median['pdftotext']:.3f}")


if __name__ == "__main__":
    main()
