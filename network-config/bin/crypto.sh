#!/usr/bin/env bash
# Creates the organisations' CAs (the ledger's OrganisationCa) and their Fabric MSP and TLS
# material under work/crypto, with the Java tool in network-config/msp. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -f "$CRYPTO/.complete" ]] && { log "crypto material exists in work/crypto"; exit 0; }
tool="$NET/msp/target"
if [[ ! -f "$tool/classpath.txt" ]]; then
  log "building the MSP tool (mvn -pl network-config/msp -am package)"
  (cd "$ROOT" && mvn -B -q -pl network-config/msp -am package -DskipTests)
fi
args=(--out "$CRYPTO" --org "$ORDERER_MSP:KP-ORDERER:ORDERING_SERVICE:orderer:orderer0")
for o in "${ORG_KEYS[@]}"; do
  args+=(--org "$(org_field "$o" 0):$(org_field "$o" 1):$(org_field "$o" 2):peer:peer0")
done
java -cp "$tool/classes:$(cat "$tool/classpath.txt")" org.kpledger.network.MspMain "${args[@]}"
touch "$CRYPTO/.complete"
