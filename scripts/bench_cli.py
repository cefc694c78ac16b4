#!/usr/bin/env python3
"""Times the annalist CLI on the fixed benchmark inputs next to the baseline.

    python3 scripts/bench_cli.py [--dir /tmp/annalist-bench] [--runs 3]

Makes DIR/corpus.txt and DIR/names.txt with ../shared/bench/baseline.py (when
they are missing), builds the release binary, then prints, for the same file:
the baseline `rg -c -F -f names.txt corpus.txt` and annalist with 1 and 2
threads (best and median of --runs, MB/s of the best, peak memory from
/usr/bin/time), start-up on one sentence, and peak memory on stdin input 6x
larger than the corpus. On a shared machine the median says how far the best
is from a typical run.
Needs rg and /usr/bin/time; skips what it cannot run.
"""
import argparse, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "annalist")


def timed(cmd, stdin=None):
    """(wall seconds, peak RSS MiB) of one run."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdin=stdin,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed: {p.stderr[-500:]}")
    rss_kb = int(p.stderr.strip().splitlines()[-1])
    return wall, rss_kb / 1024


def best(cmd, runs):
    """(best wall seconds, median wall seconds, peak RSS MiB) of `runs` runs."""
    results = [timed(cmd) for _ in range(runs)]
    walls = sorted(r[0] for r in results)
    return walls[0], walls[len(walls) // 2], max(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default="/tmp/annalist-bench")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    corpus, names = os.path.join(a.dir, "corpus.txt"), os.path.join(a.dir, "names.txt")
    if not os.path.exists(corpus):
        baseline = os.path.join(ROOT, "..", "shared", "bench", "baseline.py")
        if not os.path.exists(baseline):
            sys.exit("no ../shared/bench/baseline.py: nothing to measure")
        subprocess.run([sys.executable, baseline, a.dir], check=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    mb = os.path.getsize(corpus) / 1e6
    print(f"input: {corpus} ({mb:.1f} MB); machine: {os.cpu_count()} cores")
    base = None
    if shutil.which("rg"):
        base, median, rss = best(["rg", "-c", "-F", "-f", names, corpus], a.runs)
        print(f"baseline rg -c -F -f names.txt: {base:.2f} s (median {median:.2f} s), peak {rss:.0f} MiB")
    t1, m1, rss1 = best([BIN, "extract", "--threads", "1", "--output", "/dev/null", corpus], a.runs)
    t2, m2, rss2 = best([BIN, "extract", "--threads", "2", "--output", "/dev/null", corpus], a.runs)
    ratio = f", {t1 / base:.2f}x the baseline's time" if base else ""
    print(f"annalist 1 thread: {t1:.2f} s (median {m1:.2f} s) = {mb / t1:.1f} MB/s{ratio}, peak {rss1:.0f} MiB")
    print(f"annalist 2 threads: {t2:.2f} s (median {m2:.2f} s) = {mb / t2:.1f} MB/s, {t1 / t2:.2f}x one thread, peak {rss2:.0f} MiB")
    start = min(timed([BIN, "extract"], stdin=subprocess.Popen(["echo", "Stalin met Mao in Moscow in 1950."], stdout=subprocess.PIPE).stdout)[0] for _ in range(5))
    print(f"start-up, one sentence on stdin: {start * 1000:.0f} ms")
    big = os.path.join(a.dir, "corpus6.txt")
    if not os.path.exists(big):
        with open(big, "wb") as out, open(corpus, "rb") as f:
            data = f.read()
            for _ in range(6):
                out.write(data)
    with open(corpus, "rb") as f:
        _, rss_small = timed([BIN, "extract", "--output", "/dev/null"], stdin=f)
    with open(big, "rb") as f:
        _, rss_big = timed([BIN, "extract", "--output", "/dev/null"], stdin=f)
    print(f"stdin peak memory: {rss_small:.0f} MiB on the corpus, {rss_big:.0f} MiB on 6x (+{rss_big - rss_small:.0f} MiB)")


if __name__ == "__main__":
    main()
