/**
 * Which rows of a long grid to put in the DOM for a scroll position. The grid is a scroll
 * container over a spacer as tall as every row; only the rows in view (plus `overscan` above
 * and below) exist as elements. Past MAX_SPACER_PX the spacer is capped (browsers cap element
 * heights) and the scroll position maps to a row proportionally.
 */
export const MAX_SPACER_PX = 8_000_000;

export interface RowWindow {
  /** First row rendered (0-based) and one past the last. */
  readonly first: number;
  readonly end: number;
  /** Where, inside the spacer, the first rendered row is drawn. */
  readonly top: number;
  readonly spacerHeight: number;
}

export function spacerHeight(rowCount: number, rowHeight: number): number {
  return Math.min(rowCount * rowHeight, MAX_SPACER_PX);
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 8): RowWindow {
  const spacer = spacerHeight(rowCount, rowHeight);
  const inView = Math.ceil(viewportHeight / rowHeight) + 1;
  const maxScroll = Math.max(0, spacer - viewportHeight);
  const scroll = Math.min(Math.max(0, scrollTop), maxScroll);
  let topRow: number;
  let topPx: number;
  if (spacer === rowCount * rowHeight) {
    topRow = Math.floor(scroll / rowHeight);
    topPx = topRow * rowHeight;
  } else {
    const lastTop = Math.max(0, rowCount - inView + 1);
    topRow = maxScroll === 0 ? 0 : Math.round((scroll / maxScroll) * lastTop);
    topPx = scroll;
  }
  const first = Math.max(0, topRow - overscan);
  const end = Math.min(rowCount, topRow + inView + overscan);
  return { first, end, top: Math.max(0, topPx - (topRow - first) * rowHeight), spacerHeight: spacer };
}

/** The scroll position that brings `row` into view (minimal move), for keyboard navigation. */
export function scrollToShow(row: number, scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number): number {
  const spacer = spacerHeight(rowCount, rowHeight);
  if (spacer !== rowCount * rowHeight) {
    // The inverse of rowWindow's proportional mapping: `row` becomes the top row.
    const lastTop = Math.max(1, rowCount - (Math.ceil(viewportHeight / rowHeight) + 1) + 1);
    return Math.min(1, row / lastTop) * Math.max(0, spacer - viewportHeight);
  }
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
