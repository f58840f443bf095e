// Dummy arguments: a value that can be called, constructed, read at any depth and turned into a string.
// Its string is its label with a leading slash (`/key`, `/page.id`), so a key passed as an argument is seen by value
// in the requests, and a path argument joined to a host still makes a URL on that host.

const LABEL = Symbol('dummy-label');

export function dummy(label: string): any {
  const target = function () { /* dummy */ };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === LABEL) return label;
      if (prop === Symbol.toPrimitive) return () => `/${label}`;
      if (prop === 'toString' || prop === 'valueOf' || prop === 'toJSON') return () => `/${label}`;
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'length') return 0;
      if (prop === 'name') return label;
      if (prop === 'prototype') return undefined;
      return dummy(`${label}.${String(prop)}`);
    },
    has: () => true,
    apply: () => dummy(`${label}()`),
    construct: () => dummy(`new ${label}`),
  });
}

export function isDummy(v: unknown): boolean {
  return typeof v === 'function' && (v as any)[LABEL] !== undefined;
}
