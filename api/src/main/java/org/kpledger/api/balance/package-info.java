/**
 * Mass balances: a site's production register against its purchases, and a party's custody flows
 * over a period, which must close to zero.
 */
package org.kpledger.api.balance;
