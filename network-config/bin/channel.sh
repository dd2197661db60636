#!/usr/bin/env bash
# Creates the channel (no system channel): genesis block by configtxgen, joined by the orderer
# through its channel-participation admin API (osnadmin, mutual TLS), then by every peer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

block="$WORK/channel/$CHANNEL.block"
if [[ ! -f "$block" ]]; then
  mkdir -p "$WORK/channel"
  configtxgen -configPath "$NET/configtx" -profile KpChannel -channelID "$CHANNEL" -outputBlock "$block"
fi

admin_tls="$CRYPTO/$ORDERER_MSP/admin/tls"
osn() { osnadmin channel "$@" -o "$ORDERER_ADMIN" --ca-file "$ORDERER_TLS_CA" \
  --client-cert "$admin_tls/client.crt" --client-key "$admin_tls/client.key"; }
if ! osn list --channelID "$CHANNEL" >/dev/null 2>&1; then
  osn join --channelID "$CHANNEL" --config-block "$block"
fi
orderer_active() { osn list --channelID "$CHANNEL" | grep -q '"status": *"active"'; }
wait_for "orderer0 on $CHANNEL" 60 orderer_active

for o in "${ORG_KEYS[@]}"; do
  peer_as "$o"
  if ! peer channel getinfo -c "$CHANNEL" >/dev/null 2>&1; then
    peer channel join -b "$block"
  fi
  wait_for "peer0.$o on $CHANNEL" 60 peer channel getinfo -c "$CHANNEL"
done
