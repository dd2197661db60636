/**
 * Zones: the CAR sub-prefectures and their dated compliance history. Since the KP Administrative
 * Decision of 17 July 2015 CAR may export only from sub-prefectures the Monitoring Team declared
 * compliant; a decision is an event with an effective date, and a zone's status on any past day is
 * read from that history, never from its latest state (kp-facts rule 2).
 */
package org.kpledger.zone;
