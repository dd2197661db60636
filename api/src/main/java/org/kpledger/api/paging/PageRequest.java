package org.kpledger.api.paging;

import org.kpledger.api.problem.QueryRefusedException;

/**
 * A validated page of a list: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}.
 *
 * @param page the zero-based page number
 * @param size how many items a page holds
 */
public record PageRequest(int page, int size) {
  /** The largest page a client may ask for. */
  public static final int MAX_SIZE = 500;

  /** The page size when none is given. */
  public static final int DEFAULT_SIZE = 50;

  /** Validates the raw parameters; a value out of bounds is a 400 naming the parameter. */
  public static PageRequest of(Integer page, Integer size) {
    return of(page, size, DEFAULT_SIZE);
  }

  /** The same, with another page size when none is given (up to {@value #MAX_SIZE}). */
  public static PageRequest of(Integer page, Integer size, int defaultSize) {
    int p = page == null ? 0 : page;
    int s = size == null ? defaultSize : size;
    if (p < 0 || p > 1_000_000) {
      throw QueryRefusedException.badParameter(
          "PAGE_OUT_OF_RANGE", "page", "page must be between 0 and 1000000, not " + p);
    }
    if (s < 1 || s > MAX_SIZE) {
      throw QueryRefusedException.badParameter(
          "PAGE_SIZE_OUT_OF_RANGE",
          "size",
          "size must be between 1 and " + MAX_SIZE + ", not " + s);
    }
    return new PageRequest(p, s);
  }

  /** The first row of this page. */
  public long offset() {
    return (long) page * size;
  }
}
