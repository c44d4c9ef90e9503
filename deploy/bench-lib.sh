# Helpers shared by the benchmarks (deploy/bench-intake.sh, bench-intake-concurrent.sh, bench-studies.sh, bench-studies-distributed.sh); sourced.
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
wait_echo() { # AE PORT: poll C-ECHO, at most 30 s
  for _ in $(seq 1 300); do echoscu -aec "$1" 127.0.0.1 "$2" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "$(basename "$0"): $1 on port $2 did not answer C-ECHO in 30 s" >&2; return 1
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wait_idle() { # PID: until the process uses < 10 % of a core over 1 s (start-up work such as model training), at most 180 s
  local prev cur
  prev=$(awk '{print $14+$15}' "/proc/$1/stat")
  for _ in $(seq 1 180); do
    sleep 1
    cur=$(awk '{print $14+$15}' "/proc/$1/stat")
    [ $((cur - prev)) -lt 10 ] && return 0
    prev=$cur
  done
}
bench_require() { # SCRIPT TOOL...: stops, naming the first tool that is not installed
  local script=$1 tool; shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$script: $tool not found (deploy/install-deps.sh installs it)" >&2; exit 1; }
  done
}
# Work folder on the repository's file system, where the services keep their data by default (.local/). On the
# machines measured, creating files under /tmp was 5-8x slower (about 1 ms per file, for every peer alike).
bench_workdir() { # PREFIX: sets WORK to a new folder under BENCH_ROOT
  BENCH_ROOT=${BENCH_ROOT:-$ROOT/.local/bench}
  mkdir -p "$BENCH_ROOT"
  WORK=$(mktemp -d "$BENCH_ROOT/$1-XXXXXX")
}
PIDS=()
bench_cleanup() { # trap target: stops every server in PIDS and removes WORK
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
# Studies per minute (bench-studies.sh, bench-studies-distributed.sh):
bench_simulate_studies() { # CLI FOLDER N: N simulated studies, seeds 1-N, each its own patient, two at a time
  seq 1 "$3" | xargs -P 2 -I{} sh -c "$1 simulate --seed {} --out '$2/{}' >/dev/null"
}
bench_send_studies() { # PORT FOLDER N ASSOCIATIONS: storescu, one study per association, ASSOCIATIONS at a time
  seq 1 "$3" | xargs -P "$4" -I{} sh -c \
    "storescu -aec AMPACDS +sd +sp '*.dcm' 127.0.0.1 $1 '$2/{}' >'$2/send-{}.log' 2>&1 || echo 'storescu failed for study {}' >&2"
}
bench_rss_sample() { # OUT PID...: appends "<unix seconds> <pid> <VmRSS kB>" for each PID every 0.5 s; run in the background
  local out=$1 pid; shift
  while sleep 0.5; do
    for pid in "$@"; do awk -v t="$(date +%s.%N)" -v p="$pid" '/^VmRSS/ {print t, p, $2}' "/proc/$pid/status" 2>/dev/null || true; done
  done >>"$out"
}
bench_stamp() { # stdin to stdout, each line prefixed with the unix time it arrived
  /usr/bin/python3 -u -c 'import sys, time
for line in sys.stdin:
    sys.stdout.write(f"{time.time():.3f} {line}"); sys.stdout.flush()'
}
bench_wait_reports() { # LOG N TIMEOUT: until LOG has N "Report version ... stored" lines, at most TIMEOUT seconds
  for _ in $(seq 1 "$3"); do
    [ "$(grep -c 'Report version .* stored' "$1" || true)" -ge "$2" ] && return 0
    sleep 1
  done
}
