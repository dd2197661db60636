#!/usr/bin/env bash
# Creates the organisations' CAs (the ledger's OrganisationCa) and their Fabric MSP and TLS
# material under work/crypto, with the Java tool in network-config/msp; each CA names its
# organisation's country (C=) from lib.sh's ORGS. A client-only organisation gets its CA, admin
# and client but no peer. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -f "$CRYPTO/.complete" ]] && { log "crypto material exists in work/crypto"; exit 0; }
tool="$NET/msp/target"
# (re)build the tool when it was never built or its sources changed since
if [[ ! -f "$tool/classpath.txt" ]] || [[ -n "$(find "$NET/msp/src" -newer "$tool/classpath.txt" -print -quit)" ]]; then
  log "building the MSP tool (mvn -pl network-config/msp -am package)"
  (cd "$ROOT" && mvn -B -q -pl network-config/msp -am package -DskipTests)
fi
args=(--out "$CRYPTO" --org "$ORDERER_MSP:KP-ORDERER:ORDERING_SERVICE:orderer:orderer0")
for o in "${ORG_KEYS[@]}"; do
  nodes=peer0
  [[ " ${PEER_ORG_KEYS[*]} " == *" $o "* ]] || nodes=""
  args+=(--org "$(org_field "$o" 0):$(org_field "$o" 1):$(org_field "$o" 2):peer:$nodes:$(org_field "$o" 6)")
done
java -cp "$tool/classes:$(cat "$tool/classpath.txt")" org.kpledger.network.MspMain "${args[@]}"
touch "$CRYPTO/.complete"
