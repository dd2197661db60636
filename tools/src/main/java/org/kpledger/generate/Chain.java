package org.kpledger.generate;

import java.util.List;

/**
 * Steps that must run in order (one collector's year, one buying office's shipments). Different
 * chains of a phase are independent and run on several client threads.
 */
record Chain(String name, List<Step> steps) {}
