/**
 * The node's settings ({@code kp.*} and {@code kp.anchoring.*}), read by every feature and
 * depending on none.
 */
package org.kpledger.api.settings;
