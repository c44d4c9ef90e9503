#!/usr/bin/env bash
# Installs what AmpaCds needs from Debian's packages: the broker, DICOM peers and reference
# readers used by the tests. Idempotent: does nothing when everything is already there.
set -euo pipefail

needed=()
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || needed+=(rabbitmq-server)
command -v curl >/dev/null 2>&1 || needed+=(curl)
command -v storescu >/dev/null 2>&1 || needed+=(dcmtk)
command -v Orthanc >/dev/null 2>&1 || needed+=(orthanc)
[ -e /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || needed+=(orthanc-dicomweb)
command -v dcm2niix >/dev/null 2>&1 || needed+=(dcm2niix)
command -v elastix >/dev/null 2>&1 || needed+=(elastix)
/usr/bin/python3 -c "import pydicom" >/dev/null 2>&1 || needed+=(python3-pydicom)
/usr/bin/python3 -c "import numpy" >/dev/null 2>&1 || needed+=(python3-numpy)

if [ ${#needed[@]} -eq 0 ]; then
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
echo "install-deps: done"
