#!/usr/bin/env bash
# Portal page-load benchmark (issue 12): `ampacds serve` (embedded, Release) with one synthetic study sent by storescu
# and reported; a psychiatrist signs in through the issuer's sign-in page like a browser (cookies, form token), then the
# report page is loaded N times: the HTML alone, and the HTML plus every figure it links (what a browser fetches on a
# cold cache, sequentially, so an upper bound). The first load renders the figures; later loads read them from the cache.
#
#   deploy/bench-portal.sh              # 30 timed loads (median and 95th percentile reported)
#   BENCH_LOADS=100 deploy/bench-portal.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
LOADS=${BENCH_LOADS:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in storescu /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench-portal: $tool not found (deploy/install-deps.sh installs it)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ampacds-bench-portal-XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

ARTIFACTS=${BENCH_ARTIFACTS:-/tmp/ampacds-bench-artifacts}
echo "== build (Release, into $ARTIFACTS)"
dotnet build services/Cli/AmpaCds.Cli -c Release -o "$ARTIFACTS/cli" -v q -nologo >/dev/null
CLI=("$ARTIFACTS/cli/ampacds")

DICOM=$(free_port); GRPC=$(free_port); HTTP=$(free_port)
export AMPACDS_PASSWORD=bench-password-not-secret
"${CLI[@]}" auth add-user --users "$WORK/data/auth/users.json" --user dr-bench --role psychiatrist --dicom-name "Sato^Hanako" >/dev/null
"${CLI[@]}" simulate --out "$WORK/study" --seed 5 >/dev/null
"${CLI[@]}" serve --data "$WORK/data" --dicom-port "$DICOM" --grpc-port "$GRPC" --http-port "$HTTP" > "$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$HTTP/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
storescu -aec AMPACDS --scan-directories --scan-pattern '*.dcm' 127.0.0.1 "$DICOM" "$WORK/study" >/dev/null
STUDY=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["studyInstanceUid"])' "$WORK/study/truth.json")
echo "== study $STUDY sent; measuring $LOADS loads"
/usr/bin/python3 - "$HTTP" "$STUDY" "$LOADS" dr-bench "$AMPACDS_PASSWORD" <<'PY'
import html as markup, http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request
port, study, loads, user, password = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
base = f"http://127.0.0.1:{port}"
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page_url = f"{base}/portal/studies/{study}"
# Sign in as a browser does: the portal redirects to the issuer's page; post its form with the token it carries.
login = web.open(f"{base}/portal")
form = login.read().decode()
fields = {name: markup.unescape(value) for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)}
fields.update(username=user, password=password)
web.open(login.geturl().split("?")[0], urllib.parse.urlencode(fields).encode()).read()
deadline = time.time() + 300
while True:  # until the report is there
    html = web.open(page_url).read().decode()
    if 'data-stage="Reported"' in html and "data-figure" in html:
        break
    if time.time() > deadline:
        sys.exit("bench-portal: the report did not appear within 300 s")
    time.sleep(1)
def load():
    started = time.perf_counter()
    html = web.open(page_url).read().decode()
    html_done = time.perf_counter()
    for src in re.findall(r'<img src="([^"]+)"', html):
        web.open(base + markup.unescape(src)).read()
    return html_done - started, time.perf_counter() - started, html.count("<img ")
first = load()
times = [load() for _ in range(loads)]
page = sorted(t[0] * 1000 for t in times); full = sorted(t[1] * 1000 for t in times)
p95 = lambda values: values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
print(f"first load (renders {first[2]} figures): {first[1]*1000:.0f} ms")
print(f"report page HTML:            median {statistics.median(page):.1f} ms, p95 {p95(page):.1f} ms")
print(f"HTML + {first[2]} figures (cached): median {statistics.median(full):.1f} ms, p95 {p95(full):.1f} ms")
PY
