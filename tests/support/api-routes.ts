import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Router } from 'express';

/** One route an Express router of src/api declares, as `GET /prompts/:id` (path below its mount). */
export interface DeclaredRoute {
  readonly method: string;
  readonly path: string;
  /** The exported factory that declared it, such as `promptsRouter`. */
  readonly factory: string;
}

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/api');

interface RouteLayer {
  readonly route?: { readonly path: unknown; readonly methods: Record<string, boolean> };
  readonly handle?: { readonly stack?: unknown };
}

/**
 * Stands in for every service a router factory takes. The handlers, which use them, never run
 * here; a factory that reads a setting of its dependencies while building still gets something
 * back (any property or call answers with this stand-in), so every router can be built.
 */
const unusedDependency: unknown = new Proxy(() => undefined, {
  get: (_target, property) => (property === 'then' ? undefined : unusedDependency),
  apply: () => unusedDependency,
});

/**
 * Every route that the `*-router.ts` modules of src/api declare, found by building each exported
 * `…Router` factory and reading its router's stack: a route added to any router shows up here
 * without anyone listing it.
 */
export async function declaredApiRoutes(): Promise<DeclaredRoute[]> {
  const files = readdirSync(apiDir).filter(
    (file) => file.endsWith('-router.ts') && !file.endsWith('.test.ts'),
  );
  const routes: DeclaredRoute[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(apiDir, file)).href)) as Record<
      string,
      unknown
    >;
    for (const [name, factory] of Object.entries(module)) {
      if (typeof factory !== 'function' || !name.endsWith('Router')) continue;
      // Every factory takes at most a few dependencies; extra arguments are ignored.
      const router = (factory as (...dependencies: unknown[]) => Router)(
        ...Array.from({ length: 4 }, () => unusedDependency),
      );
      for (const layer of router.stack as unknown as readonly RouteLayer[]) {
        if (layer.route === undefined) {
          if (layer.handle?.stack !== undefined) {
            throw new Error(`${name} mounts a nested router; teach declaredApiRoutes its prefix`);
          }
          continue;
        }
        const routePath = layer.route.path;
        if (typeof routePath !== 'string') {
          throw new Error(`${name} declares a route whose path is not a string`);
        }
        for (const [method, present] of Object.entries(layer.route.methods)) {
          if (present)
            routes.push({ method: method.toUpperCase(), path: routePath, factory: name });
        }
      }
    }
  }
  return routes;
}
