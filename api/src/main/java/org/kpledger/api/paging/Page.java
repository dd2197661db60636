package org.kpledger.api.paging;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param total how many items the whole list holds
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  /** A page cut from a list held in memory. */
  public static <T> Page<T> of(List<T> all, PageRequest r) {
    int from = (int) Math.min(all.size(), r.offset());
    int to = Math.min(all.size(), from + r.size());
    return new Page<>(List.copyOf(all.subList(from, to)), r.page(), r.size(), all.size());
  }
}
