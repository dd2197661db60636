/**
 * Who is reading: signed-request (or mutual TLS) authentication of queries, and the read policy
 * deciding what each organisation may see.
 */
package org.kpledger.api.access;
