#!/usr/bin/env bash
# Runs the Raft orderer orderer0 of KpOrdererMSP in the foreground: Fabric's sample orderer.yaml,
# overridden by environment variables (as in fabric-samples' test-network-nano-bash).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

node="$CRYPTO/$ORDERER_MSP/orderer0"
admin_tls="$CRYPTO/$ORDERER_MSP/admin/tls"
data="$WORK/orderer0"
export FABRIC_LOGGING_SPEC="${FABRIC_LOGGING_SPEC:-info}"
export ORDERER_GENERAL_LISTENADDRESS=127.0.0.1
export ORDERER_GENERAL_LISTENPORT="${ORDERER_ADDRESS##*:}"
export ORDERER_GENERAL_LOCALMSPID="$ORDERER_MSP"
export ORDERER_GENERAL_LOCALMSPDIR="$node/msp"
export ORDERER_GENERAL_TLS_ENABLED=true
export ORDERER_GENERAL_TLS_CERTIFICATE="$node/tls/server.crt"
export ORDERER_GENERAL_TLS_PRIVATEKEY="$node/tls/server.key"
export ORDERER_GENERAL_TLS_ROOTCAS="$node/tls/ca.crt"
export ORDERER_GENERAL_BOOTSTRAPMETHOD=none
export ORDERER_CHANNELPARTICIPATION_ENABLED=true
export ORDERER_ADMIN_LISTENADDRESS="$ORDERER_ADMIN"
export ORDERER_ADMIN_TLS_ENABLED=true
export ORDERER_ADMIN_TLS_CERTIFICATE="$node/tls/server.crt"
export ORDERER_ADMIN_TLS_PRIVATEKEY="$node/tls/server.key"
export ORDERER_ADMIN_TLS_ROOTCAS="$node/tls/ca.crt"
export ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
export ORDERER_ADMIN_TLS_CLIENTROOTCAS="$admin_tls/ca.crt"
export ORDERER_FILELEDGER_LOCATION="$data/ledger"
export ORDERER_CONSENSUS_WALDIR="$data/etcdraft/wal"
export ORDERER_CONSENSUS_SNAPDIR="$data/etcdraft/snap"
export ORDERER_OPERATIONS_LISTENADDRESS="$ORDERER_OPS"
export ORDERER_METRICS_PROVIDER=prometheus
mkdir -p "$data"
exec orderer
