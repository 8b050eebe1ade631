/**
 * Keeping the user's place across a redraw. Elements that can hold focus carry a stable key
 * (`data-focus`, else their `data-testid`); after the page is rebuilt the element with the same
 * key gets focus back, and disclosure widgets that were open stay open.
 */
function keyOf(el: Element | null): string | null {
  if (el === null || el === document.body) return null;
  return el.getAttribute('data-focus') ?? el.getAttribute('data-testid');
}

function find(root: ParentNode, key: string): HTMLElement | null {
  const k = CSS.escape(key);
  return root.querySelector<HTMLElement>(`[data-focus="${k}"]`) ?? root.querySelector<HTMLElement>(`[data-testid="${k}"]`);
}

/** Runs `redraw` (which replaces `root`'s content) and puts focus and open details back. */
export function redrawKeepingPlace(root: HTMLElement, redraw: () => void): void {
  const active = document.activeElement;
  const key = active !== null && root.contains(active) ? keyOf(active) : null;
  const open = [...root.querySelectorAll('details[open][data-focus]')].map((d) => d.getAttribute('data-focus') as string);
  redraw();
  for (const k of open) {
    const d = find(root, k);
    if (d instanceof HTMLDetailsElement) d.open = true;
  }
  if (key !== null && (document.activeElement === null || document.activeElement === document.body || !root.contains(document.activeElement))) {
    const el: (HTMLElement & { updateComplete?: Promise<unknown> }) | null = find(root, key);
    // A component focuses its inner control (delegatesFocus) once it has rendered it.
    const pending = el?.updateComplete;
    if (pending !== undefined) void pending.then(() => el?.focus({ preventScroll: true }));
    else el?.focus({ preventScroll: true });
  }
}
