import type { Express } from 'express';

/** One route express would answer, as declared (`:params` kept). */
export interface DeclaredRoute {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

/**
 * Every route registered on the app, walking routers mounted with `use` (express 5's internals:
 * `router.stack`, `layer.rawPath`). The authorization test compares this with the ROUTE table, so a
 * route added without a rule fails the suite. Regular-expression routes (the dashboard's page
 * fallback) are not API routes and are skipped.
 */
export function declaredRoutes(app: Express): DeclaredRoute[] {
  const out: DeclaredRoute[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        if (typeof layer.route.path !== 'string') continue;
        for (const [m, on] of Object.entries(layer.route.methods)) {
          if (on && m !== '_all') out.push({ method: m.toUpperCase(), path: `${prefix}${layer.route.path}` });
        }
      } else if (layer.handle?.stack) {
        const p = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${p}`);
      }
    }
  };
  // `app.router` is express 5's lazily created root router.
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return out;
}
