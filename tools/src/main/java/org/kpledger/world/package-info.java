/**
 * The CAR world the tools build a ledger in, shared by the demo ({@code kp serve --demo}, {@code kp
 * demo}), the generator ({@code kp generate}) and the benchmarks ({@code kp bench}): its
 * organisations, each with its own CA, and their actors, each with a key and a certificate from
 * that CA ({@link org.kpledger.world.Organisations}); the seed zones and the Monitoring Team's
 * decisions ({@link org.kpledger.world.CarZones}); and the registration commands a world's trade
 * stands on, zones with their decisions, sites, licences, miners and production ({@link
 * org.kpledger.world.RegistryScript}), which each tool fills with its own ids, names and dates.
 * Only CA certificates go to the node's trust directory, as an operator enrolling an organisation
 * would; keys stay where they were made.
 */
package org.kpledger.world;
