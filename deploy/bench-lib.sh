# Helpers shared by the DICOM benchmarks (deploy/bench-intake.sh, bench-intake-concurrent.sh, bench-studies.sh); sourced.
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
