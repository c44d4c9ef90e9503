#!/usr/bin/env bash
# A private certificate authority for this machine and the certificates the local shapes and tests use:
#   $AMPACDS_STATE/pki/ca.crt, ca.key            the private CA (trust anchor for clients and for DICOM TLS peers)
#   $AMPACDS_STATE/pki/server.crt, server.key    every service's HTTPS/gRPC/DICOM TLS identity
#                                                (SAN: localhost, 127.0.0.1, ::1 and the compose service names)
#   $AMPACDS_STATE/pki/dicom-peer.crt, .key      a DICOM peer (PACS, storescu) the CA vouches for
#   $AMPACDS_STATE/pki/stranger-ca.crt, stranger.crt, stranger.key
#                                                a peer from another CA, which Intake must refuse (tests)
# Usage: deploy/certs.sh [create|path]   create is idempotent: existing files are kept.
# Keys are EC P-256 (BCP 195 / DICOM secure transport profiles accept ECDHE-ECDSA with AES-GCM), 2 years.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
state="${AMPACDS_STATE:-$repo/.local}"
pki="$state/pki"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; chmod 600 "$1"; }

# issue NAME CA_PREFIX SUBJECT EXTENSIONS: a certificate NAME.crt signed by CA_PREFIX.crt/.key
issue() {
  local name=$1 ca=$2 subject=$3 extensions=$4
  [ -s "$pki/$name.crt" ] && return 0
  key "$pki/$name.key"
  openssl req -new -key "$pki/$name.key" -subj "$subject" -out "$pki/$name.csr" 2>/dev/null
  printf '%b\n' "$extensions" > "$pki/$name.ext"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/$ca.crt" -CAkey "$pki/$ca.key" -CAcreateserial \
    -days 730 -sha256 -extfile "$pki/$name.ext" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr" "$pki/$name.ext"
}

authority() {
  local name=$1 subject=$2
  [ -s "$pki/$name.crt" ] && return 0
  key "$pki/$name.key"
  openssl req -x509 -new -key "$pki/$name.key" -subj "$subject" -days 730 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$pki/$name.crt" 2>/dev/null
}

create() {
  command -v openssl >/dev/null || { echo "certs.sh: openssl is missing (deploy/install-deps.sh installs it)" >&2; exit 1; }
  mkdir -p "$pki"; chmod 700 "$pki"
  authority ca "/O=AmpaCds local/CN=AmpaCds private CA"
  issue server ca "/O=AmpaCds local/CN=localhost" \
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1,DNS:intake,DNS:quantification,DNS:prediction,DNS:reporting"
  issue dicom-peer ca "/O=AmpaCds local/CN=DICOM peer" \
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1"
  authority stranger-ca "/O=Somewhere else/CN=Untrusted CA"
  issue stranger stranger-ca "/O=Somewhere else/CN=Untrusted peer" \
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth,serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1"
  rm -f "$pki"/*.srl
  echo "$pki"
}

case "${1:-create}" in
  create) create ;;
  path) echo "$pki" ;;
  *) echo "usage: $0 [create|path]" >&2; exit 2 ;;
esac
