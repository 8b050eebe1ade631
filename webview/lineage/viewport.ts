import { bounded, fitTo, IDENTITY, panBy, reveal, wheelFactor, zoomAnchor, zoomAt, ZOOM_STEP, type Box, type Size, type ViewTransform } from './transform';

/** One arrow key press pans this far (Shift: a frame's width or height less a margin). */
const PAN_STEP = 60;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1],
};

/** The box of an element of the stage, in the stage's own (unzoomed) pixels. */
export function boxIn(stage: HTMLElement, el: HTMLElement): Box {
  let x = 0;
  let y = 0;
  for (let cur: HTMLElement | null = el; cur !== null && cur !== stage; cur = cur.offsetParent as HTMLElement | null) {
    x += cur.offsetLeft;
    y += cur.offsetTop;
  }
  return { x, y, width: el.offsetWidth, height: el.offsetHeight };
}

/**
 * Pan and zoom of the graph: `stage` (the laid-out graph) is moved and scaled inside `frame`
 * with a CSS transform, so layout, focus and hit-testing stay the browser's own. The wheel
 * zooms around the pointer, a drag pans (a press that does not move stays a click), and with the
 * frame focused the arrow keys pan; + and - zoom (around the middle of what is shown of the graph)
 * and 0 goes back to 100% anywhere in the graph.
 * Focus moving to an item off screen (keyboard navigation, Tab) pans it into view.
 */
export class Viewport {
  private t: ViewTransform;
  private drag: { readonly pointer: number; readonly x: number; readonly y: number; moved: boolean } | undefined;
  private pressing = false;
  private readonly listeners: ((t: ViewTransform) => void)[] = [];
  /** Sizes as last measured: reading them on every move would lay the page out again. */
  private graph: Size = { width: 0, height: 0 };
  private room: Size = { width: 0, height: 0 };

  constructor(readonly frame: HTMLElement, readonly stage: HTMLElement, initial: ViewTransform | undefined) {
    this.t = initial ?? IDENTITY;
    frame.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    frame.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    frame.addEventListener('pointermove', (e) => this.onPointerMove(e));
    frame.addEventListener('pointerup', (e) => this.onPointerUp(e));
    frame.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    frame.addEventListener('keydown', (e) => this.onKey(e));
    frame.addEventListener('focusin', (e) => this.onFocus(e));
    // The frame clips; the browser may still scroll it to show a focused item. The transform pans instead.
    frame.addEventListener('scroll', () => frame.scrollTo(0, 0));
    new ResizeObserver(() => {
      this.measure();
      this.refresh();
    }).observe(frame);
  }

  /** Reads the frame's and the graph's sizes (after the page is laid out anew: first render, a filter, a resize). */
  measure(): void {
    this.room = { width: this.frame.clientWidth, height: this.frame.clientHeight };
    this.graph = { width: this.stage.offsetWidth, height: this.stage.offsetHeight };
  }

  get transform(): ViewTransform {
    return this.t;
  }

  /** Called with each new transform (the page saves it for a reload). */
  onChange(listener: (t: ViewTransform) => void): void {
    this.listeners.push(listener);
  }

  zoomIn(): void {
    this.zoomAtCentre(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomAtCentre(1 / ZOOM_STEP);
  }

  /** 100%, the graph's top left in the frame's. */
  reset(): void {
    this.set(IDENTITY);
  }

  /** The whole graph in the frame (never past 100%). */
  fit(): void {
    this.set(fitTo(this.graphSize(), this.frameSize()));
  }

  panBy(dx: number, dy: number): void {
    this.set(panBy(this.t, dx, dy));
  }

  /** Pans the least that shows `el` (an element of the stage). */
  reveal(el: HTMLElement): void {
    this.set(reveal(this.t, boxIn(this.stage, el), this.frameSize()));
  }

  /** Applies the transform again, within the sizes last measured. */
  refresh(): void {
    this.set(this.t);
  }

  private set(t: ViewTransform): void {
    this.t = bounded(t, this.graphSize(), this.frameSize());
    this.stage.style.transform = `translate(${this.t.x}px, ${this.t.y}px) scale(${this.t.scale})`;
    for (const l of this.listeners) l(this.t);
  }

  private zoomAtCentre(factor: number): void {
    const [x, y] = zoomAnchor(this.t, this.graphSize(), this.frameSize());
    this.set(zoomAt(this.t, factor, x, y));
  }

  private graphSize(): Size {
    return this.graph;
  }

  private frameSize(): Size {
    return this.room;
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const r = this.frame.getBoundingClientRect();
    this.set(zoomAt(this.t, wheelFactor(e.deltaY, e.deltaMode), e.clientX - r.left, e.clientY - r.top));
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.pressing = true;
    this.drag = { pointer: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (d === undefined || d.pointer !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      d.moved = true;
      // The pointer's events go to the frame from now on, so the release is no click on the item under it.
      this.frame.setPointerCapture(e.pointerId);
      this.frame.classList.add('dragging');
    }
    this.drag = { ...d, x: e.clientX, y: e.clientY };
    this.panBy(dx, dy);
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    this.pressing = false;
    if (d === undefined || d.pointer !== e.pointerId) return;
    this.drag = undefined;
    this.frame.classList.remove('dragging');
    if (this.frame.hasPointerCapture(e.pointerId)) this.frame.releasePointerCapture(e.pointerId);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') this.zoomIn();
    else if (e.key === '-' || e.key === '_') this.zoomOut();
    else if (e.key === '0') this.reset();
    else {
      // Arrow keys on an item move between items (the item handles them); on the frame they pan.
      const arrow = e.target === this.frame ? ARROWS[e.key] : undefined;
      if (arrow === undefined) return;
      const { width, height } = this.frameSize();
      const step = e.shiftKey ? Math.max(PAN_STEP, Math.min(width, height) - 2 * PAN_STEP) : PAN_STEP;
      this.panBy(arrow[0] * step, arrow[1] * step);
    }
    e.preventDefault();
  }

  private onFocus(e: FocusEvent): void {
    const target = e.target;
    // A press focuses the item under the pointer; it is on screen, and a drag may follow.
    if (this.pressing || !(target instanceof HTMLElement) || target === this.frame || !this.stage.contains(target)) return;
    this.reveal(target);
  }
}
