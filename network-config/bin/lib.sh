# Shared settings of the network scripts (sourced, not run): who runs which node on which
# loopback port, where the binaries, configuration, crypto material, data and logs live.
# shellcheck shell=bash disable=SC2034,SC2155
NET="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$NET/.." && pwd)"
source "$NET/fabric.env"

# Everything a network writes (crypto material, ledgers, logs, pids) lives in KP_FABRIC_WORK,
# ignored by git. Ports are KP_FABRIC_PORT_BASE plus fixed offsets, so a second network (a CI run
# beside a developer's network) takes another base and another work directory.
WORK="${KP_FABRIC_WORK:-$NET/work}"
CRYPTO="$WORK/crypto"
LOGS="$WORK/logs"
PIDS="$WORK/pids"
BASE="${KP_FABRIC_PORT_BASE:-7050}"
CHANNEL=kp-channel
CC_NAME=kpledger
CC_LABEL=kpledger_1
CC_ADDRESS="127.0.0.1:$((BASE + 40))"
CC_JAR="$ROOT/contracts/target/kp-ledger-contracts-0.1.0-SNAPSHOT-chaincode.jar"

ORDERER_MSP=KpOrdererMSP
ORDERER_ADDRESS="127.0.0.1:$BASE"
ORDERER_ADMIN="127.0.0.1:$((BASE + 1))"
ORDERER_OPS="127.0.0.1:$((BASE + 2))"
ORDERER_TLS_CA="$CRYPTO/$ORDERER_MSP/orderer0/tls/ca.crt"

# org key -> "MSP id, organisation id, organisation type, peer port, chaincode port, operations
# port, country[, gateway org]". Country is the C= of the organisation's CA (ISO 3166-1 alpha-2,
# "-" for none). An organisation without a peer ("-" ports) is a client-only member of the
# channel: its clients use the gateway org's peer.
declare -A ORGS=(
  [car]="CarKpMSP CAR-KP KP_AUTHORITY $((BASE + 10)) $((BASE + 11)) $((BASE + 12)) CF"
  [mt]="KpMonitoringMSP KP-MT MONITORING_TEAM $((BASE + 20)) $((BASE + 21)) $((BASE + 22)) -"
  [imp]="BeImportMSP BE-IMPORT IMPORTING_AUTHORITY $((BASE + 30)) $((BASE + 31)) $((BASE + 32)) BE"
  [ae]="AeImportMSP AE-IMPORT IMPORTING_AUTHORITY - - - AE mt"
)
# every organisation of the channel, and those that run a peer (they endorse and hold the ledger)
ORG_KEYS=(car mt imp ae)
PEER_ORG_KEYS=(car mt imp)

export PATH="$FABRIC_HOME/bin:$PATH"
export FABRIC_CFG_PATH="$FABRIC_HOME/config"

org_field() { local -a f; read -r -a f <<<"${ORGS[$1]}"; echo "${f[$2]:-}"; }
org_msp() { org_field "$1" 0; }
# the org whose peer ORG's clients use: its own, or the gateway org of a client-only organisation
gateway_org() { local g; g="$(org_field "$1" 7)"; echo "${g:-$1}"; }
peer_address() { echo "127.0.0.1:$(org_field "$(gateway_org "$1")" 3)"; }
peer_tls_ca() { echo "$CRYPTO/$(org_msp "$(gateway_org "$1")")/peer0/tls/ca.crt"; }

# Makes the peer CLI act as ORG's admin (or client) against ORG's peer (its gateway org's peer
# for a client-only organisation).
peer_as() {
  local org="$1" who="${2:-admin}"
  export CORE_PEER_LOCALMSPID="$(org_msp "$org")"
  export CORE_PEER_MSPCONFIGPATH="$CRYPTO/$(org_msp "$org")/$who/msp"
  export CORE_PEER_ADDRESS="$(peer_address "$org")"
  export CORE_PEER_TLS_ENABLED=true
  export CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")"
  export FABRIC_LOGGING_SPEC="${KP_FABRIC_CLI_LOGGING:-warning}"
}

# --peerAddresses/--tlsRootCertFiles for endorsement by the given orgs' peers.
endorsers() { local o; for o in "$@"; do echo "--peerAddresses $(peer_address "$o") --tlsRootCertFiles $(peer_tls_ca "$o")"; done; }

log() { echo "network: $*"; }

# Starts a long-running command in the background, its output in LOGS/NAME.log, pid in PIDS.
start_bg() {
  local name="$1"; shift
  mkdir -p "$LOGS" "$PIDS"
  nohup "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
  log "started $name (pid $!, log $LOGS/$name.log)"
}

running() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# Polls a command until it succeeds, or fails after SECONDS.
wait_for() {
  local what="$1" seconds="$2"; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start >= seconds )); then
      log "timed out after ${seconds}s waiting for $what" >&2
      return 1
    fi
    sleep 1
  done
  log "$what ready after $((SECONDS - start))s"
}

healthy() { curl -fsS "http://$1/healthz" | grep -q '"status":"OK"'; }
