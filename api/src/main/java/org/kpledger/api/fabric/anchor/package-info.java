/**
 * Tree heads anchored on the Fabric channel ({@link
 * org.kpledger.api.fabric.anchor.FabricAnchorSink}, the {@code Anchor} contract of {@code
 * contracts}), with each anchoring's transaction and block kept in {@code anchor_transaction} for
 * the audit bundle; on only when {@code kp.fabric.enabled=true}.
 */
package org.kpledger.api.fabric.anchor;
