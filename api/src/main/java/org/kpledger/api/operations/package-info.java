/**
 * How the node speaks to its operator: one access-log line per request (method, path, status,
 * duration, and for a command its type, id and the rule that refused it; never a body, a signature
 * or a certificate) and the facts the request path leaves for it ({@link
 * org.kpledger.api.operations.RequestFacts}). Health, readiness and metrics live with the feature
 * they measure ({@code projection}, {@code log}, {@code command}) and go out through Spring Boot
 * Actuator ({@code /actuator/health}, {@code /actuator/prometheus}); who may read them is {@code
 * access.OperatorAccessFilter}'s.
 */
package org.kpledger.api.operations;
