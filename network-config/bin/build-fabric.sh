#!/usr/bin/env bash
# Builds the pinned Fabric binaries (peer, orderer, configtxgen, osnadmin, cryptogen) and the
# chaincode-as-a-service external builder from Fabric's Go module into a per-user cache keyed by
# commit, and copies Fabric's sampleconfig/ (core.yaml, orderer.yaml) beside them. Idempotent: when
# the cache is complete it prints where it is and does nothing.
#   FABRIC_HOME/bin/{peer,orderer,configtxgen,osnadmin,cryptogen}
#   FABRIC_HOME/ccaas_builder/bin/{detect,build,release}
#   FABRIC_HOME/config/{core.yaml,orderer.yaml,configtx.yaml,...}
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/fabric.env"

tools=(peer orderer configtxgen osnadmin cryptogen)
builder=(detect build release)
stamp="$FABRIC_HOME/.complete"

if [[ -f "$stamp" ]]; then
  echo "build-fabric: Fabric $FABRIC_VERSION ($FABRIC_COMMIT) cached in $FABRIC_HOME"
  exit 0
fi
command -v go >/dev/null || { echo "build-fabric: Go >= 1.26.4 is required (Fabric $FABRIC_VERSION)" >&2; exit 1; }

mod=github.com/hyperledger/fabric
ldflags="-X $mod/common/metadata.Version=$FABRIC_VERSION -X $mod/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
start=$SECONDS
# Fail early and clearly when the module proxy will not serve Fabric at this commit (it answers
# 403 "not available" for github.com/hyperledger/fabric on some restricted mirrors).
if ! err="$(go mod download -json "$mod@$FABRIC_COMMIT" 2>&1 | jq -r '.Error // empty')" || [[ -n "$err" ]]; then
  echo "build-fabric: cannot fetch $mod@$FABRIC_COMMIT from GOPROXY=$(go env GOPROXY):" >&2
  echo "build-fabric:   $err" >&2
  echo "build-fabric: put prebuilt Fabric $FABRIC_VERSION binaries in $FABRIC_HOME/{bin,ccaas_builder/bin,config}" >&2
  echo "build-fabric: and touch $stamp (see network-config/README.md)" >&2
  exit 3
fi
mkdir -p "$FABRIC_HOME"
tmp="$(mktemp -d "$FABRIC_HOME/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "build-fabric: Fabric $FABRIC_VERSION at $FABRIC_COMMIT with $(go version | cut -d' ' -f3)"
echo "build-fabric: go install $mod/cmd/{$(IFS=,; echo "${tools[*]}")}@$FABRIC_COMMIT"
pkgs=(); for t in "${tools[@]}"; do pkgs+=("$mod/cmd/$t@$FABRIC_COMMIT"); done
CGO_ENABLED=0 GOBIN="$tmp/bin" go install -trimpath -ldflags "$ldflags" "${pkgs[@]}"

echo "build-fabric: go install $mod/ccaas_builder/cmd/{$(IFS=,; echo "${builder[*]}")}@$FABRIC_COMMIT"
pkgs=(); for t in "${builder[@]}"; do pkgs+=("$mod/ccaas_builder/cmd/$t@$FABRIC_COMMIT"); done
CGO_ENABLED=0 GOBIN="$tmp/ccaas_builder/bin" go install -trimpath "${pkgs[@]}"

# The module cache holds the sources at the same commit: take the sample configuration from there.
src="$(go mod download -json "$mod@$FABRIC_COMMIT" | jq -r .Dir)"
echo "build-fabric: sampleconfig from $src"
cp -r "$src/sampleconfig" "$tmp/config"
chmod -R u+w "$tmp/config"

for d in bin ccaas_builder config; do rm -rf "${FABRIC_HOME:?}/$d"; mv "$tmp/$d" "$FABRIC_HOME/$d"; done
"$FABRIC_HOME/bin/peer" version | sed 's/^/build-fabric:   /'
touch "$stamp"
echo "build-fabric: built in $((SECONDS - start)) s into $FABRIC_HOME"
