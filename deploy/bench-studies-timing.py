"""Studies per minute from stamped logs (deploy/bench-studies.sh and bench-studies-distributed.sh).

usage: bench-studies-timing.py INTAKE_LOG REPORTING_LOG T0 STUDIES
Each log line starts with the time it was written ("<unix seconds> <line>"). A study's completion is Intake's
"announced as run R" line, its report Reporting's "Report version N of run R stored" line (one log for both in the
embedded shape). Prints the reports, the time from T0 (first instance sent) to the last report, studies per minute,
and min/p50/p95/max of completion to report; the median of "quantified in N ms" when the log has it.
"""
import re
import statistics
import sys


def stamped(path, pattern):
    found = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        stamp, _, text = line.partition(" ")
        if m := re.search(pattern, text):
            found.setdefault(m.group(1), float(stamp))
    return found


def main():
    intake, reporting, t0, studies = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    announced = stamped(intake, r"announced as run ([0-9a-f-]+)")
    reported = stamped(reporting, r"Report version \d+ of run ([0-9a-f-]+) stored")
    # Quantification's line is in the embedded log only (the distributed bench stamps Intake's and Reporting's).
    quantified = [float(m.group(1)) for line in open(reporting, encoding="utf-8", errors="replace")
                  if (m := re.search(r"Run \S+ quantified in ([\d.]+) ms", line))]
    delays = sorted(reported[run] - announced[run] for run in reported if run in announced)
    if len(reported) < studies:
        print(f"bench-studies: only {len(reported)} of {studies} reports arrived", file=sys.stderr)
    last = max(reported.values()) - t0 if reported else float("nan")
    print(f"   reports: {len(reported)}; first instance sent to last report stored: {last:.1f} s = {60 * len(reported) / last:.1f} studies/min")
    if delays:
        pct = lambda p: delays[min(len(delays) - 1, int(round(p * (len(delays) - 1))))]
        print(f"   series complete (last instance stored) to report stored: min {delays[0]:.2f} s, p50 {pct(0.5):.2f} s, "
              f"p95 {pct(0.95):.2f} s, max {delays[-1]:.2f} s")
    if quantified:
        print(f"   quantification per run (its own log): median {statistics.median(quantified) / 1000:.2f} s")


if __name__ == "__main__":
    main()
