/**
 * Read side of the reference data: zones and their dated compliance decisions, licences and their
 * dated status, sites, miners, production registers; answers "what was in force on that day".
 */
package org.kpledger.api.registry;
