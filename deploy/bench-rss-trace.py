"""Memory over a studies-per-minute burst (deploy/bench-studies.sh and bench-studies-distributed.sh).

usage: bench-rss-trace.py RSS_SAMPLES REPORTING_LOG NAME=PID [NAME=PID ...]
RSS_SAMPLES has "<unix seconds> <pid> <VmRSS kB>" lines (bench_rss_sample in bench-lib.sh); REPORTING_LOG is stamped
("<unix seconds> <line>"). For each process prints its resident memory when the first quarter, half, three quarters
and all of the reports had been stored (the highest sample up to that moment), so a reader sees whether memory levels
off as more studies pass through or keeps growing with them.
"""
import re
import sys


def main():
    samples_path, log_path, named = sys.argv[1], sys.argv[2], sys.argv[3:]
    reports = sorted(float(line.split(" ", 1)[0]) for line in open(log_path, encoding="utf-8", errors="replace")
                     if re.search(r"Report version \d+ of run \S+ stored", line))
    if not reports:
        print("   memory: no report stored, nothing to show")
        return
    samples = {}
    for line in open(samples_path, encoding="utf-8"):
        parts = line.split()
        if len(parts) == 3:
            samples.setdefault(parts[1], []).append((float(parts[0]), int(parts[2])))
    marks = [(f"{q}/4 ({max(1, len(reports) * q // 4)} reports)", reports[max(1, len(reports) * q // 4) - 1]) for q in (1, 2, 3, 4)]
    print("   resident memory (MB, highest sample so far) when " + ", ".join(label for label, _ in marks) + " were stored:")
    for name, pid in (pair.split("=", 1) for pair in named):
        series = samples.get(pid, [])
        peaks = [max((rss for t, rss in series if t <= when), default=0) / 1024 for _, when in marks]
        print(f"   {name:15s} " + "  ".join(f"{peak:6.0f}" for peak in peaks))


if __name__ == "__main__":
    main()
