/**
 * Bounded pagination of list queries: every list answer is a {@link org.kpledger.api.paging.Page}.
 */
package org.kpledger.api.paging;
