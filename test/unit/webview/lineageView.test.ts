import { strict as assert } from 'node:assert';
import { isLineageView, validateLineageSavedState } from '../../../src/protocol/lineage';
import { columnsOf, edgePath, gapNear } from '../../../webview/lineage/edges';
import { LineageItems } from '../../../webview/lineage/model';
import { bounded, fitTo, IDENTITY, panBy, reveal, wheelFactor, zoomAnchor, zoomAt, type ViewTransform } from '../../../webview/lineage/transform';

/** Where the graph's point (gx, gy) is drawn under `t`. */
const drawn = (t: ViewTransform, gx: number, gy: number): [number, number] => [t.x + gx * t.scale, t.y + gy * t.scale];
const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} != ${b}`);

describe('lineage graph: pan and zoom as data', () => {
  it('zooms around a point of the frame: the graph point under it stays under it', () => {
    const t = { x: 30, y: -40, scale: 0.8 };
    const gx = (200 - t.x) / t.scale;
    const gy = (150 - t.y) / t.scale;
    const z = zoomAt(t, 1.25, 200, 150);
    close(z.scale, 1, 'scale');
    const [x, y] = drawn(z, gx, gy);
    close(x, 200, 'x');
    close(y, 150, 'y');
  });

  it('zooms the buttons and keys around the middle of the part of the graph shown, so a small graph stays in view', () => {
    const frame = { width: 1000, height: 800 };
    assert.deepEqual(zoomAnchor(IDENTITY, { width: 300, height: 100 }, frame), [150, 50]);
    assert.deepEqual(zoomAnchor({ x: -500, y: 0, scale: 1 }, { width: 3000, height: 5000 }, frame), [500, 400], 'a graph larger than the frame: its middle');
    assert.deepEqual(zoomAnchor({ x: 2000, y: 0, scale: 1 }, { width: 300, height: 100 }, frame), [500, 50], 'none of it across: the frame\'s middle');
  });

  it('keeps the zoom between 5% and 400%', () => {
    assert.equal(zoomAt(IDENTITY, 100, 0, 0).scale, 4);
    assert.equal(zoomAt(IDENTITY, 0.001, 0, 0).scale, 0.05);
  });

  it('never pans the graph out of the frame: 48 px of it stay visible on each axis', () => {
    const graph = { width: 1000, height: 3000 };
    const frame = { width: 800, height: 600 };
    assert.deepEqual(bounded(panBy(IDENTITY, 5000, 5000), graph, frame), { x: 800 - 48, y: 600 - 48, scale: 1 });
    assert.deepEqual(bounded(panBy(IDENTITY, -5000, -9000), graph, frame), { x: 48 - 1000, y: 48 - 3000, scale: 1 });
    assert.deepEqual(bounded({ x: -10, y: -20, scale: 1 }, graph, frame), { x: -10, y: -20, scale: 1 });
  });

  it('fits the whole graph in the frame, never past 100%', () => {
    const fit = fitTo({ width: 2000, height: 8000 }, { width: 1000, height: 816 });
    close(fit.scale, 0.1, 'a tall graph shrinks to its height');
    assert.equal(fitTo({ width: 100, height: 100 }, { width: 1000, height: 800 }).scale, 1);
  });

  it('pans the least that shows a box, whichever side it is off', () => {
    const frame = { width: 800, height: 600 };
    const t = { x: 0, y: 0, scale: 2 };
    // Below: its bottom comes to the frame's bottom less the margin.
    const down = reveal(t, { x: 10, y: 400, width: 100, height: 20 }, frame);
    close(drawn(down, 10, 420)[1], 600 - 16, 'bottom');
    // Above: its top comes to the margin.
    const up = reveal({ x: 0, y: -1000, scale: 2 }, { x: 10, y: 100, width: 100, height: 20 }, frame);
    close(drawn(up, 10, 100)[1], 16, 'top');
    // Shown already: nothing moves.
    assert.deepEqual(reveal(t, { x: 10, y: 10, width: 100, height: 20 }, frame), t);
    // Wider than the frame: its left side shows.
    const wide = reveal(t, { x: 500, y: 10, width: 600, height: 20 }, frame);
    close(drawn(wide, 500, 10)[0], 16, 'left of a wide box');
  });

  it('turns a wheel notch into about 1.2x, up zooming in, whatever unit the wheel reports', () => {
    assert.ok(wheelFactor(-100, 0) > 1.15 && wheelFactor(-100, 0) < 1.25);
    close(wheelFactor(100, 0) * wheelFactor(-100, 0), 1, 'down undoes up');
    close(wheelFactor(-3, 1), wheelFactor(-99, 0), 'lines');
    assert.ok(wheelFactor(-100_000, 0) < 2, 'one event cannot jump');
  });

  it('accepts a saved view and question only in range', () => {
    assert.ok(isLineageView({ x: 1, y: -2, scale: 0.5 }));
    assert.ok(!isLineageView({ x: 1, y: -2, scale: 40 }));
    assert.ok(!isLineageView({ x: Number.NaN, y: 0, scale: 1 }));
    const view = { x: 0, y: 0, scale: 1 };
    assert.ok(validateLineageSavedState({ question: { direction: 'downstream', name: 'core.customers.email' }, view }).ok);
    assert.ok(validateLineageSavedState({ question: { direction: 'upstream' }, view }).ok, 'no name: the whole warehouse');
    assert.ok(!validateLineageSavedState({ question: { direction: 'sideways', name: 'x' }, view }).ok);
    assert.ok(!validateLineageSavedState({ question: { direction: 'upstream', name: 'a\nb' }, view }).ok);
    assert.ok(!validateLineageSavedState({ question: { direction: 'upstream', name: 'x' } }).ok);
  });
});

describe('lineage graph: edges and paths', () => {
  it('draws an edge from the right of its source to the left of a target further right, and loops within a column', () => {
    const a = { x: 0, y: 0, width: 100, height: 20 };
    assert.equal(edgePath(a, { x: 200, y: 40, width: 100, height: 20 }), 'M100 10C150 10 150 50 200 50');
    assert.equal(edgePath({ x: 200, y: 40, width: 100, height: 20 }, a), 'M200 50C150 50 150 10 100 10');
    assert.equal(edgePath(a, { x: 0, y: 40, width: 100, height: 20 }), 'M100 10C114 10 114 50 100 50');
  });

  it('crosses a column it skips through a gap between its items, never behind one', () => {
    const a = { x: 0, y: 0, width: 100, height: 20 };
    const b = { x: 400, y: 100, width: 100, height: 20 };
    // The middle column: items stacked where the straight line would cross it (y 10 -> 110).
    const middle = [0, 30, 60, 90].map((y) => ({ x: 200, y, width: 100, height: 24 }));
    const columns = columnsOf([a, b, ...middle]);
    assert.deepEqual(columns.map((c) => [c.x, c.right, c.spans.length]), [[0, 100, 1], [200, 300, 4], [400, 500, 1]]);
    const d = edgePath(a, b, columns);
    const crossing = /L300 (-?[\d.]+)/.exec(d);
    assert.ok(crossing !== null, d);
    const y = Number(crossing[1]);
    for (const m of middle) assert.ok(y < m.y || y > m.y + m.height, `the edge crosses the middle column at ${y}, behind the item at ${m.y}: ${d}`);
    assert.match(d, new RegExp(`^M100 10C.* 200 ${y}L300 ${y}C.* 400 110$`));
    // Nothing in between: the plain curve.
    assert.equal(edgePath(a, { x: 200, y: 40, width: 100, height: 20 }, columns), 'M100 10C150 10 150 50 200 50');
    // A gap is kept where the line already passes between items; above the first and below the last otherwise.
    assert.equal(gapNear(columns[1]!, 27), 27);
    assert.equal(gapNear(columns[1]!, 2), 27, 'between the first two items, not over the heading above them');
    assert.equal(gapNear(columns[1]!, 112), 122);
  });

  it('marks what an item is drawn from and what it feeds, transitively, not its siblings', () => {
    const item = (id: string, from: string[], to: string[]): { id: string; kind: 'column'; label: string; root: boolean; from: string[]; to: string[] } =>
      ({ id, kind: 'column', label: id, root: false, from, to });
    const items = new LineageItems({ layers: [
      { key: 'oltp', items: [item('a', [], ['r']), item('b', [], ['r2'])] },
      { key: 'rule', items: [item('r', ['a'], ['d']), item('r2', ['b'], ['d2'])] },
      { key: 'dw', items: [item('d', ['r'], ['v']), item('d2', ['r2'], ['v'])] },
      { key: 'view', items: [item('v', ['d', 'd2'], [])] },
    ] });
    assert.deepEqual([...items.upstream('d')].sort(), ['a', 'd', 'r']);
    assert.deepEqual([...items.downstream('d')].sort(), ['d', 'v']);
    assert.deepEqual([...items.upstream('v')].sort(), ['a', 'b', 'd', 'd2', 'r', 'r2', 'v']);
    assert.equal(items.links.length, 6);
  });
});
