/**
 * The {@code kp} command line: run the node, create organisation CAs and actor keys, sign and
 * submit commands, load the demo. Keys stay in the holder's directory; only signed envelopes leave.
 */
package org.kpledger.cli;
