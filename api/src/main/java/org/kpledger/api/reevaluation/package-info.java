/**
 * Re-evaluations: verdicts of the export gate that changed after the fact, because a zone decision
 * or a licence change was recorded later with an effective date in the past (issue #15, knowledge
 * in two times). The verdict relied on stands; these are listed so the Monitoring Team sees them.
 */
package org.kpledger.api.reevaluation;
