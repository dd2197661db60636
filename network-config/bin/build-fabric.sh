#!/usr/bin/env bash
# Builds the pinned Fabric binaries (peer, orderer, configtxgen, osnadmin) and the
# chaincode-as-a-service external builder from Fabric's release source tarball, offline, into a
# per-user cache keyed by the tarball's SHA-256, with Fabric's sampleconfig/ beside them.
# Idempotent: when the cache is complete it prints where it is and does nothing.
#   FABRIC_HOME/bin/{peer,orderer,configtxgen,osnadmin}
#   FABRIC_HOME/ccaas_builder/bin/{detect,build,release}
#   FABRIC_HOME/config/{core.yaml,orderer.yaml,configtx.yaml,...}
#
# Inputs (fabric.env): FABRIC_SRC (default ../shared/fabric/fabric-3.1.5-src.tar.gz beside the
# clone), FABRIC_SRC_SHA256, FABRIC_VERSION, FABRIC_COMMIT. To use Fabric's own release binaries
# instead, set FABRIC_HOME to a directory laid out as above and touch FABRIC_HOME/.complete
# (network-config/README.md says how).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/fabric.env"

tools=(peer orderer configtxgen osnadmin)
builder=(detect build release)
stamp="$FABRIC_HOME/.complete"

if [[ -f "$stamp" ]]; then
  echo "build-fabric: Fabric $FABRIC_VERSION cached in $FABRIC_HOME (reused, nothing built)"
  exit 0
fi
[[ -f "$FABRIC_SRC" ]] || {
  echo "build-fabric: no Fabric source at $FABRIC_SRC (set FABRIC_SRC, or FABRIC_HOME to release binaries)" >&2
  exit 1
}
actual="$(sha256sum "$FABRIC_SRC" | cut -d' ' -f1)"
if [[ "$actual" != "$FABRIC_SRC_SHA256" ]]; then
  echo "build-fabric: $FABRIC_SRC has sha256 $actual, expected $FABRIC_SRC_SHA256; refusing to build" >&2
  exit 1
fi
command -v go >/dev/null || { echo "build-fabric: Go >= $FABRIC_GO_MIN is required (see .ci/run)" >&2; exit 1; }
have="$(go env GOVERSION | sed 's/^go//')"
if [[ "$(printf '%s\n%s\n' "$FABRIC_GO_MIN" "$have" | sort -V | head -1)" != "$FABRIC_GO_MIN" ]]; then
  echo "build-fabric: Go $have is older than $FABRIC_GO_MIN, which Fabric $FABRIC_VERSION's go.mod names" >&2
  exit 1
fi

start=$SECONDS
mkdir -p "$FABRIC_HOME"
tmp="$(mktemp -d "$FABRIC_HOME/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "build-fabric: Fabric $FABRIC_VERSION ($FABRIC_COMMIT) from $FABRIC_SRC with go$have"
tar -xzf "$FABRIC_SRC" -C "$tmp"
src="$tmp/fabric-$FABRIC_VERSION"

mod=github.com/hyperledger/fabric
ldflags="-X $mod/common/metadata.Version=$FABRIC_VERSION -X $mod/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
pkgs=(); for t in "${tools[@]}"; do pkgs+=("./cmd/$t"); done
echo "build-fabric: go build ${pkgs[*]} (GOPROXY=off, vendored modules)"
(cd "$src" && CGO_ENABLED=0 GOPROXY=off GOFLAGS=-mod=vendor GOTOOLCHAIN="${GOTOOLCHAIN:-local}" \
  go build -trimpath -ldflags "$ldflags" -o "$tmp/out/bin/" "${pkgs[@]}")

# The ccaas builder is a module of its own, outside Fabric's vendor/; its two small dependencies
# come from the Go module proxy (or the module cache), checked against its go.sum.
echo "build-fabric: go build ./ccaas_builder/cmd/{$(IFS=,; echo "${builder[*]}")}"
(cd "$src/ccaas_builder" && CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOFLAGS=-mod=mod \
  go build -trimpath -o "$tmp/out/ccaas_builder/bin/" ./cmd/...)

cp -r "$src/sampleconfig" "$tmp/out/config"
chmod -R u+w "$tmp/out/config"
for d in bin ccaas_builder config; do rm -rf "${FABRIC_HOME:?}/$d"; mv "$tmp/out/$d" "$FABRIC_HOME/$d"; done
"$FABRIC_HOME/bin/peer" version | sed 's/^/build-fabric:   /'
touch "$stamp"
echo "build-fabric: built in $((SECONDS - start)) s into $FABRIC_HOME"
