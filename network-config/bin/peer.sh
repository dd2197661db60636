#!/usr/bin/env bash
# Runs peer0 of one organisation (car | mt | imp) in the foreground: Fabric's sample core.yaml,
# overridden by environment variables; chaincode only through the ccaas external builder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

org="${1:?usage: peer.sh car|mt|imp}"
msp="$(org_msp "$org")"
node="$CRYPTO/$msp/peer0"
address="$(peer_address "$org")"
data="$WORK/peer0.$org"
cc_port="$(org_field "$org" 4)"
ops_port="$(org_field "$org" 5)"
export FABRIC_LOGGING_SPEC="${FABRIC_LOGGING_SPEC:-info}"
export CORE_PEER_ID="peer0.$org"
export CORE_PEER_ADDRESS="$address"
export CORE_PEER_LISTENADDRESS="$address"
export CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$cc_port"
export CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$cc_port"
export CORE_PEER_GOSSIP_BOOTSTRAP="$address"
export CORE_PEER_GOSSIP_EXTERNALENDPOINT="$address"
export CORE_PEER_LOCALMSPID="$msp"
export CORE_PEER_MSPCONFIGPATH="$node/msp"
export CORE_PEER_TLS_ENABLED=true
export CORE_PEER_TLS_CERT_FILE="$node/tls/server.crt"
export CORE_PEER_TLS_KEY_FILE="$node/tls/server.key"
export CORE_PEER_TLS_ROOTCERT_FILE="$node/tls/ca.crt"
export CORE_PEER_FILESYSTEMPATH="$data"
export CORE_LEDGER_SNAPSHOTS_ROOTDIR="$data/snapshots"
export CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:$ops_port"
export CORE_METRICS_PROVIDER=prometheus
# no Docker here: an empty endpoint, or /healthz reports the missing Docker socket
export CORE_VM_ENDPOINT=""
# gossip: a peer that probed the others before they joined retries only after reconnectInterval
# (25 s by default); a short one lets the channel's peers find each other within seconds
export CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s
export CORE_PEER_GOSSIP_ALIVETIMEINTERVAL=2s
# core.yaml names the ccaas builder under /opt/hyperledger; point it at the one build-fabric.sh made
export CORE_CHAINCODE_EXTERNALBUILDERS="[{name: ccaas_builder, path: $FABRIC_HOME/ccaas_builder, propagateEnvironment: [CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG]}]"
mkdir -p "$data"
exec peer node start
