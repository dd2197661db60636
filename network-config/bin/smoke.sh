#!/usr/bin/env bash
# Proves the deployed chaincode through `peer chaincode invoke`: anchors the golden tree heads of
# formats/anchor (registering their ledger node key), checks that a smaller head is refused and
# that two organisations' peers return the same latest head; registers a KP certificate for BE,
# confirms it as Belgium's importing authority and checks that confirmations by the Monitoring Team,
# by the UAE's importing authority (AeImportMSP, through another org's peer) and of other content
# are refused.
# Re-runnable on the same network.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
golden="$ROOT/formats/anchor"
ledger_id="$(jq -r .ledgerId "$golden/tree-head.json")"
orderer=(-o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_TLS_CA")

args() { jq -cn --arg f "$1" '{function: $f, Args: $ARGS.positional}' --args -- "${@:2}"; }
invoke() { # invoke ORG WHO FUNCTION ARG...
  peer_as "$1" "$2"
  # shellcheck disable=SC2046
  peer chaincode invoke "${orderer[@]}" -C "$CHANNEL" -n "$CC_NAME" --waitForEvent \
    $(endorsers car mt) -c "$(args "${@:3}")" 2>&1
}
query() { peer_as "$1" client; peer chaincode query -C "$CHANNEL" -n "$CC_NAME" -c "$(args "${@:2}")"; }
refused() { # refused CODE ORG WHO FUNCTION ARG...
  local out
  if out="$(invoke "${@:2}")"; then echo "smoke: FAIL, expected $1: $out" >&2; exit 1; fi
  grep -q "$1" <<<"$out" || { echo "smoke: FAIL, expected $1: $out" >&2; exit 1; }
  echo "smoke: refused as expected: $1"
}

if ! query car Anchor:GetLedgerNode "$ledger_id" >/dev/null 2>&1; then
  # the golden key certified as a ledger node (OU=LEDGER_NODE) by the KP authority's own CA, as
  # `kp node certify` does; the chaincode checks the certificate against the CA passed beside it
  ca="$CRYPTO/CarKpMSP/ca" node_cert="$WORK/smoke-ledger-node.pem"
  openssl x509 -new -subj "/CN=smoke-node/O=CAR-KP/OU=LEDGER_NODE" -days 30 -sha256 \
    -force_pubkey "$golden/ledger-node-key.pem" -CA "$ca/ca-cert.pem" -CAkey "$ca/ca-key.pem" \
    -out "$node_cert" 2>/dev/null
  refused CA_NOT_CALLERS car admin Anchor:RegisterLedgerNode "$ledger_id" "$(cat "$node_cert")" \
    "$(cat "$CRYPTO/KpMonitoringMSP/ca/ca-cert.pem")"
  invoke car admin Anchor:RegisterLedgerNode "$ledger_id" "$(cat "$node_cert")" "$(cat "$ca/ca-cert.pem")"
fi
if ! query car Anchor:GetHeadAtSize "$ledger_id" 7 >/dev/null 2>&1; then
  invoke car client Anchor:AppendHead "$(cat "$golden/anchor-first.json")"
  invoke car client Anchor:AppendHead "$(cat "$golden/anchor-next.json")"
fi
refused SMALLER_SIZE car client Anchor:AppendHead "$(jq -c .request "$golden/refused/smaller-size.json")"
refused INCONSISTENT_PROOF car client Anchor:AppendHead "$(jq -c .request "$golden/refused/tampered-proof.json")"
a="$(query car Anchor:GetLatestHead "$ledger_id")"
b="$(query mt Anchor:GetLatestHead "$ledger_id")"
[[ "$a" == "$b" && "$(jq .head.size <<<"$a")" -ge 7 ]] || { echo "smoke: FAIL, peers differ: $a / $b" >&2; exit 1; }
echo "smoke: CarKp and KpMonitoring peers return the same latest head (size $(jq .head.size <<<"$a"))"

number="CF-SMOKE-$(date +%s)"
hash="$(printf 'certificate %s' "$number" | sha256sum | cut -d' ' -f1)"
invoke car client CertificateRegistry:RegisterCertificate "$number" "$hash" BE >/dev/null
refused NOT_IMPORTING_AUTHORITY mt client CertificateRegistry:ConfirmCertificate "$number" "$hash"
refused NOT_DESTINATION_COUNTRY ae client CertificateRegistry:ConfirmCertificate "$number" "$hash"
# another content's hash: the first hex digit changed (a digest need not hold any given digit)
other_hash="$([[ ${hash:0:1} == 0 ]] && echo 1 || echo 0)${hash:1}"
refused CONTENT_HASH_MISMATCH imp client CertificateRegistry:ConfirmCertificate "$number" "$other_hash"
invoke imp client CertificateRegistry:ConfirmCertificate "$number" "$hash" >/dev/null
status="$(query mt CertificateRegistry:GetCertificate "$number" | jq -r .status)"
[[ "$status" == CONFIRMED ]] || { echo "smoke: FAIL, $number is $status" >&2; exit 1; }
echo "smoke: $number registered by CarKpMSP for BE, confirmed by BeImportMSP, forged confirmations (KpMonitoringMSP, AeImportMSP) refused"
echo "smoke: OK"
