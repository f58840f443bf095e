// fast-check arbitrary over valid shapes: a reach first (so rare reaches are drawn as often as common ones), then
// any valid shape of that reach; ES-module syntax for one program in eight (it needs the slower transpile).
import fc from 'fast-check';
import { CLIENTS, KEY_SOURCES, OPTIONS, REACHES, knownWrong, valid, type Reach, type Shape } from './shape.js';

type Base = Omit<Shape, 'esm'>;

function enumerate(): Map<Reach, Base[]> {
  const byReach = new Map<Reach, Base[]>();
  for (const reach of REACHES) {
    const list: Base[] = [];
    for (const key of KEY_SOURCES) for (const client of CLIENTS) for (const options of OPTIONS) {
      for (const method of ['GET', 'POST'] as const) for (const extra of [false, true]) for (const keyFirst of [false, true]) for (const urlVar of [false, true]) {
        const s: Shape = { key, reach, client, options, method, extra, keyFirst, urlVar, esm: false };
        if (valid(s) && !knownWrong(s) && (extra || !keyFirst)) list.push(s);
      }
    }
    if (list.length) byReach.set(reach, list);
  }
  return byReach;
}

export function shapes(): fc.Arbitrary<Shape> {
  const byReach = enumerate();
  const base = fc.constantFrom(...byReach.keys()).chain((r) => fc.constantFrom(...byReach.get(r)!));
  const esm = fc.oneof({ arbitrary: fc.constant(false), weight: 7 }, { arbitrary: fc.constant(true), weight: 1 });
  return fc.tuple(base, esm).map(([b, e]) => ({ ...b, esm: e }));
}

/** How many distinct valid shapes the generator draws from (reported by the test). */
export function spaceSize(): number {
  return [...enumerate().values()].reduce((n, l) => n + l.length, 0) * 2;
}
