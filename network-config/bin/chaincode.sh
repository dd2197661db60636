#!/usr/bin/env bash
# Deploys contracts/ as a chaincode service: a ccaas package (connection.json, metadata.json)
# installed on every peer, approved by every organisation that runs a peer (the channel's
# LifecycleEndorsement: two of the three), committed with the channel's Endorsement policy (two of
# the three peer organisations), and the chaincode server (the shaded jar) started on CC_ADDRESS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -f "$CC_JAR" ]]; then
  log "building the chaincode jar (mvn -pl contracts package)"
  (cd "$ROOT" && mvn -B -q -pl contracts package -DskipTests)
fi

pkg="$WORK/chaincode/$CC_NAME.tgz"
if [[ ! -f "$pkg" ]]; then
  src="$WORK/chaincode/src"
  mkdir -p "$src"
  printf '{"address":"%s","dial_timeout":"10s","tls_required":false}\n' "$CC_ADDRESS" >"$src/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$CC_LABEL" >"$src/metadata.json"
  tar -C "$src" -czf "$src/code.tar.gz" connection.json
  tar -C "$src" -czf "$pkg" metadata.json code.tar.gz
fi
package_id="$(peer lifecycle chaincode calculatepackageid "$pkg")"
log "package id $package_id"

for o in "${PEER_ORG_KEYS[@]}"; do
  peer_as "$o"
  peer lifecycle chaincode queryinstalled | grep -q "$package_id" || peer lifecycle chaincode install "$pkg"
done

if ! running chaincode; then
  # run a copy, so that a rebuild of contracts/ cannot change the jar under the running JVM
  cp "$CC_JAR" "$WORK/chaincode/chaincode.jar"
  # The chaincode JVM must not inherit the peer CLI's CORE_PEER_* settings (with CORE_PEER_TLS_*
  # the shim demands client TLS keys of its own).
  unset_core=(); for v in $(compgen -e | grep '^CORE_'); do unset_core+=(-u "$v"); done
  start_bg chaincode env "${unset_core[@]}" CHAINCODE_SERVER_ADDRESS="$CC_ADDRESS" \
    CORE_CHAINCODE_ID_NAME="$package_id" java -Xmx256m -XX:+UseSerialGC -jar "$WORK/chaincode/chaincode.jar"
fi
wait_for "chaincode server on $CC_ADDRESS" 90 bash -c "exec 3<>/dev/tcp/${CC_ADDRESS%:*}/${CC_ADDRESS#*:}"

orderer=(-o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_TLS_CA")
definition=(--channelID "$CHANNEL" --name "$CC_NAME" --version 1 --sequence 1)
peer_as car
if ! peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" >/dev/null 2>&1; then
  for o in "${PEER_ORG_KEYS[@]}"; do
    peer_as "$o"
    peer lifecycle chaincode approveformyorg "${orderer[@]}" "${definition[@]}" --package-id "$package_id"
  done
  # shellcheck disable=SC2046
  peer lifecycle chaincode commit "${orderer[@]}" "${definition[@]}" $(endorsers "${PEER_ORG_KEYS[@]}")
fi
# fabric-chaincode-shim 2.5.10 keeps one registration state for all of its peer connections: a
# peer that connects while another peer's transaction is in flight makes the chaincode drop that
# transaction. So every peer connects now, one after the other, before any traffic.
for o in "${PEER_ORG_KEYS[@]}"; do
  peer_as "$o" client
  wait_for "chaincode $CC_NAME answering peer0.$o" 90 \
    peer chaincode query -C "$CHANNEL" -n "$CC_NAME" -c '{"Args":["org.hyperledger.fabric:GetMetadata"]}'
done
