// React, enough to render a function component once: hooks run their effects immediately.
export function reactStub(): any {
  const React: any = {
    createElement: (type: unknown, props: unknown, ...children: unknown[]) => ({ type, props, children }),
    Fragment: 'Fragment',
    useState: (init: unknown) => [typeof init === 'function' ? (init as () => unknown)() : init, () => undefined],
    useEffect: (fn: () => unknown) => { fn(); },
    useLayoutEffect: (fn: () => unknown) => { fn(); },
    useMemo: (fn: () => unknown) => fn(),
    useCallback: (fn: unknown) => fn,
    useRef: (v: unknown) => ({ current: v }),
  };
  React.default = React;
  return React;
}
