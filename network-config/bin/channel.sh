#!/usr/bin/env bash
# Creates the channel (no system channel): genesis block by configtxgen, joined by the orderer
# through its channel-participation admin API (osnadmin, mutual TLS), then by every peer. Waits
# for the Raft leader (the first invoke otherwise gets SERVICE_UNAVAILABLE) and until every peer
# knows the other organisations' peers by gossip (before that, no endorsement plan is found).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

block="$WORK/channel/$CHANNEL.block"
if [[ ! -f "$block" ]]; then
  mkdir -p "$WORK/channel"
  sed -e "s#@CRYPTO@#$CRYPTO#g" -e "s#@ORDERER_PORT@#${ORDERER_ADDRESS##*:}#g" \
    -e "s#@CAR_PORT@#$(org_field car 3)#g" -e "s#@MT_PORT@#$(org_field mt 3)#g" \
    -e "s#@IMP_PORT@#$(org_field imp 3)#g" "$NET/configtx/configtx.yaml" >"$WORK/channel/configtx.yaml"
  configtxgen -configPath "$WORK/channel" -profile KpChannel -channelID "$CHANNEL" -outputBlock "$block"
fi

admin_tls="$CRYPTO/$ORDERER_MSP/admin/tls"
osn() { osnadmin channel "$@" -o "$ORDERER_ADMIN" --ca-file "$ORDERER_TLS_CA" \
  --client-cert "$admin_tls/client.crt" --client-key "$admin_tls/client.key"; }
# osnadmin exits 0 on "404 channel does not exist" too: look at the status it prints
if ! osn list --channelID "$CHANNEL" 2>&1 | grep -q 'Status: 200'; then
  osn join --channelID "$CHANNEL" --config-block "$block"
fi
orderer_active() { osn list --channelID "$CHANNEL" | grep -q '"status": *"active"'; }
wait_for "orderer0 on $CHANNEL" 60 orderer_active
raft_leader() {
  curl -fsS "http://$ORDERER_OPS/metrics" | grep -Eq "^consensus_etcdraft_is_leader\{channel=\"$CHANNEL\"\} 1"
}
wait_for "Raft leader of $CHANNEL" 60 raft_leader

for o in "${PEER_ORG_KEYS[@]}"; do
  peer_as "$o"
  if ! peer channel getinfo -c "$CHANNEL" >/dev/null 2>&1; then
    peer channel join -b "$block"
  fi
  wait_for "peer0.$o on $CHANNEL" 60 peer channel getinfo -c "$CHANNEL"
done
# gossip membership counts peers: a client-only organisation has none
others=$(( ${#PEER_ORG_KEYS[@]} - 1 ))
knows_others() {
  curl -fsS "http://$1/metrics" |
    awk -v ch="$CHANNEL" -v n="$others" '$1 ~ "^gossip_membership_total_peers_known\\{channel=\"" ch "\"\\}" && $2 >= n {ok=1} END {exit !ok}'
}
for o in "${PEER_ORG_KEYS[@]}"; do
  wait_for "peer0.$o knowing $others other peers" 90 knows_others "127.0.0.1:$(org_field "$o" 5)"
done
