#!/usr/bin/env bash
# Installs what AmpaCds needs from Debian's packages: the broker, the database server, DICOM peers
# and reference readers used by the tests. Idempotent: does nothing when everything is already there.
set -euo pipefail

# Debian's postgresql package creates and starts a system-wide cluster (port 5432); the project runs
# private ones (deploy/postgres.sh), so the system one is stopped and no longer started at boot.
quiet_system_postgres() {
  [ "$(id -u)" -eq 0 ] && command -v pg_lsclusters >/dev/null 2>&1 || return 0
  local version name _port status _rest
  while read -r version name _port status _rest; do
    [ "$status" = online ] && { pg_ctlcluster "$version" "$name" stop >/dev/null 2>&1 || true; }
    sed -i 's/^auto$/manual/' "/etc/postgresql/$version/$name/start.conf" 2>/dev/null || true
  done < <(pg_lsclusters -h 2>/dev/null)
  command -v systemctl >/dev/null 2>&1 && systemctl disable --now postgresql >/dev/null 2>&1 || true
}

needed=()
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || needed+=(rabbitmq-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && [ -x /usr/bin/psql ] || needed+=(postgresql)
command -v curl >/dev/null 2>&1 || needed+=(curl)
# bc: the benchmarks (deploy/bench-*.sh) compute their ratios with it.
command -v bc >/dev/null 2>&1 || needed+=(bc)
# Prometheus scrapes /metrics in the integration tests; promtool checks deploy/prometheus/alerts.yml.
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || needed+=(prometheus)
command -v storescu >/dev/null 2>&1 || needed+=(dcmtk)
# dciodvfy checks the DICOM objects a report becomes (PacsExport tests).
command -v dciodvfy >/dev/null 2>&1 || needed+=(dicom3tools)
command -v Orthanc >/dev/null 2>&1 || needed+=(orthanc)
[ -e /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || needed+=(orthanc-dicomweb)
command -v dcm2niix >/dev/null 2>&1 || needed+=(dcm2niix)
command -v elastix >/dev/null 2>&1 || needed+=(elastix)
/usr/bin/python3 -c "import pydicom" >/dev/null 2>&1 || needed+=(python3-pydicom)
/usr/bin/python3 -c "import numpy" >/dev/null 2>&1 || needed+=(python3-numpy)
# `cohort analyze` is checked against scipy.stats and statsmodels (tests/AmpaCds.Cli.Tests/Analytics/cohort_stats.py).
/usr/bin/python3 -c "import scipy.stats" >/dev/null 2>&1 || needed+=(python3-scipy)
/usr/bin/python3 -c "import statsmodels" >/dev/null 2>&1 || needed+=(python3-statsmodels)
# The private CA and certificates (deploy/certs.sh), and the TLS syslog receiver of the audit test.
command -v openssl >/dev/null 2>&1 || needed+=(openssl)
[ -x /usr/sbin/rsyslogd ] || needed+=(rsyslog)
[ -e /usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so ] || ls /usr/lib/*/rsyslog/lmnsd_gtls.so >/dev/null 2>&1 || needed+=(rsyslog-gnutls)
# The PDF report embeds IPAGothic for Japanese text; poppler-utils (pdftotext, pdffonts, pdftoppm) checks the PDFs in the tests.
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || needed+=(fonts-ipafont-gothic)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || needed+=(poppler-utils)
# Fonts of the report figures (SkiaSharp through fontconfig): IPAGothic for Japanese text, DejaVu Sans for English.
ls /usr/lib/*/libfontconfig.so.1 >/dev/null 2>&1 || needed+=(libfontconfig1)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needed+=(fonts-dejavu-core)
# The portal's browser tests: Playwright drives Debian's chromium (it cannot download its own browser here).
[ -x /usr/bin/chromium ] || needed+=(chromium)

if [ ${#needed[@]} -eq 0 ]; then
  quiet_system_postgres
  echo "install-deps: all Debian packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${needed[*]}; run as root or install them with apt-get" >&2
  exit 1
fi
echo "install-deps: installing ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
# Debian's package may start a system-wide broker or Orthanc; the project runs private ones.
pkill -f 'beam.*rabbit' 2>/dev/null || true
pkill -x Orthanc 2>/dev/null || true
quiet_system_postgres
echo "install-deps: done"
