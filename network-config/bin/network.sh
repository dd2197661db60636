#!/usr/bin/env bash
# The KP ledger's Fabric network on loopback, from native binaries:
#   up      build (or reuse) the binaries, make the crypto material, start orderer0 and the three
#           peers (AeImportMSP is a client-only organisation, no peer), create and join kp-channel, deploy the chaincode service; waits for each step
#   down    stop every process it started (data and crypto material stay in work/)
#   reset   down, then delete work/ (the binaries' cache outside the clone stays)
#   status  which processes run and whether their health endpoints answer
#   describe  print the network's description (also written to work/network.properties by up)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin="$NET/bin"

up() {
  local start=$SECONDS
  "$bin/build-fabric.sh"
  "$bin/crypto.sh"
  running orderer0 || start_bg orderer0 "$bin/orderer.sh"
  for o in "${PEER_ORG_KEYS[@]}"; do running "peer0.$o" || start_bg "peer0.$o" "$bin/peer.sh" "$o"; done
  wait_for "orderer0" 60 healthy "$ORDERER_OPS"
  for o in "${PEER_ORG_KEYS[@]}"; do
    wait_for "peer0.$o" 60 healthy "127.0.0.1:$(org_field "$o" 5)"
  done
  "$bin/channel.sh"
  "$bin/chaincode.sh"
  describe >"$WORK/network.properties"
  log "up in $((SECONDS - start))s: channel $CHANNEL, chaincode $CC_NAME; logs in $LOGS"
}

# What a client needs to reach this network (read by the ledger node's Fabric profile and the
# *NetworkIT tests): the channel, the chaincode, the orderer, and per organisation its MSP id,
# peer, TLS root, crypto folder (msp/ca, admin, client) and country (a client-only organisation's
# peer is its gateway org's, without peer.operations; peerOrganisations lists those with a peer);
# and the work directory and port base, with which `network.sh down` / `up` stop and restart this
# very network.
describe() {
  local o msp
  echo "# written by network.sh up; $(date -u +%FT%TZ)"
  echo "work=$WORK"
  echo "portBase=$BASE"
  echo "channel=$CHANNEL"
  echo "chaincode=$CC_NAME"
  echo "orderer.address=$ORDERER_ADDRESS"
  echo "orderer.tlsRootCert=$ORDERER_TLS_CA"
  echo "orderer.operations=$ORDERER_OPS"
  echo "organisations=$(for o in "${ORG_KEYS[@]}"; do printf '%s ' "$(org_msp "$o")"; done | sed 's/ $//')"
  echo "peerOrganisations=$(for o in "${PEER_ORG_KEYS[@]}"; do printf '%s ' "$(org_msp "$o")"; done | sed 's/ $//')"
  for o in "${ORG_KEYS[@]}"; do
    msp="$(org_msp "$o")"
    echo "$msp.organisation=$(org_field "$o" 1)"
    echo "$msp.type=$(org_field "$o" 2)"
    echo "$msp.country=$(org_field "$o" 6)"
    echo "$msp.peer=$(peer_address "$o")"
    echo "$msp.peer.tlsRootCert=$(peer_tls_ca "$o")"
    [[ "$(org_field "$o" 5)" == - ]] || echo "$msp.peer.operations=127.0.0.1:$(org_field "$o" 5)"
    echo "$msp.crypto=$CRYPTO/$msp"
  done
}

down() {
  local f name pid
  for f in "$PIDS"/*.pid; do
    [[ -e "$f" ]] || continue
    name="$(basename "$f" .pid)"
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      log "stopped $name (pid $pid)"
    fi
    rm -f "$f"
  done
}

status() {
  local f name state
  for f in "$PIDS"/*.pid; do
    [[ -e "$f" ]] || { log "nothing started"; return 0; }
    name="$(basename "$f" .pid)"
    running "$name" && state=running || state=stopped
    echo "$name: $state (pid $(cat "$f"))"
  done
  healthy "$ORDERER_OPS" && echo "orderer0 /healthz OK" || echo "orderer0 /healthz not answering"
  for o in "${PEER_ORG_KEYS[@]}"; do
    healthy "127.0.0.1:$(org_field "$o" 5)" && echo "peer0.$o /healthz OK" || echo "peer0.$o /healthz not answering"
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  reset) down; rm -rf "$WORK"; log "removed $WORK" ;;
  status) status ;;
  describe) describe ;;
  *) echo "usage: network.sh up|down|reset|status" >&2; exit 2 ;;
esac
