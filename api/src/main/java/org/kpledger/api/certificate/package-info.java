/**
 * Read side of KP certificates: the public validity form, the full record, and certificates lacking
 * or mismatching an import confirmation (kp-facts rule 8).
 */
package org.kpledger.api.certificate;
