import { existsSync } from 'node:fs';
import path from 'node:path';
import express, {
  type Express,
  type Request,
  type RequestHandler,
  type Response,
  Router,
} from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFoundHandler, sendProblem } from './problem.js';

/** Where Teams and Microsoft 365 frame the tab from. */
export const teamsFrameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.microsoft.us',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

export interface HttpAppOptions {
  readonly logger: Logger;
  readonly production: boolean;
  readonly bodyLimit: string;
  /** API paths (under /api) that take bulk bodies, such as imports, and their larger limit. */
  readonly bulkRoutes: readonly string[];
  readonly bulkBodyLimit: string;
  /** Routers served without authentication (`/healthz`). */
  readonly publicRoutes: readonly Router[];
  /** Guards every `/api` route below it. */
  readonly authenticate: RequestHandler;
  /** Run after authentication, before the routes: rate limits, the audit trail. */
  readonly afterAuthentication: readonly RequestHandler[];
  /** Routers mounted under `/api`, after authentication. */
  readonly apiRoutes: readonly Router[];
  /** The Bot Framework endpoint, which authenticates by itself. */
  readonly botMessages: (req: Request, res: Response) => Promise<void>;
  /** The built tab (`dist/tab`). */
  readonly tabDir: string;
}

/**
 * The Express application: security headers that still let Teams frame the tab, JSON bodies with a
 * size limit, request logging, the bot endpoint, the authenticated API, the tab, and problem+json
 * errors for everything that goes wrong.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only the routes' own ETags (document versions for If-Match) are sent, never body hashes that a
  // client could mistake for one.
  app.set('etag', false);
  app.set('trust proxy', options.production ? 1 : false);
  app.set('query parser', 'simple');

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Fluent UI (Griffel) inserts its atomic CSS rules at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'https:'],
          // teams-js fetches its list of valid Teams origins from the Office CDN at initialise.
          'connect-src': ["'self'", 'https://res.cdn.office.net'],
          'frame-ancestors': teamsFrameAncestors,
          'upgrade-insecure-requests': options.production ? [] : null,
        },
      },
      // X-Frame-Options cannot list Teams' origins; frame-ancestors above governs framing instead.
      frameguard: false,
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: options.production
        ? { maxAge: 31_536_000, includeSubDomains: true }
        : false,
    }),
  );
  app.use(
    pinoHttp({
      logger: options.logger,
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );

  for (const router of options.publicRoutes) app.use(router);

  const json = express.json({ limit: options.bodyLimit, strict: true });
  const bulkJson = express.json({ limit: options.bulkBodyLimit, strict: true });
  const bulkText = express.text({
    type: ['text/csv', 'application/csv'],
    limit: options.bulkBodyLimit,
  });
  const bulkRoutes = new Set(options.bulkRoutes);
  app.post('/api/messages', json, (req, res) => options.botMessages(req, res));

  const api = Router();
  api.use((req, res, next) => {
    if (!bulkRoutes.has(req.path)) {
      json(req, res, next);
      return;
    }
    bulkJson(req, res, (error?: unknown) => {
      if (error !== undefined) next(error);
      else bulkText(req, res, next);
    });
  });
  api.use(options.authenticate);
  for (const handler of options.afterAuthentication) api.use(handler);
  for (const router of options.apiRoutes) api.use(router);
  api.use(notFoundHandler);
  app.use('/api', api);

  serveTab(app, options.tabDir);
  app.use(notFoundHandler);
  app.use(errorHandler(options.logger));
  return app;
}

function serveTab(app: Express, tabDir: string): void {
  const indexFile = path.join(tabDir, 'index.html');
  app.use(
    '/assets',
    express.static(path.join(tabDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  app.use(express.static(tabDir, { index: false, maxAge: '1h' }));
  app.get(['/', '/index.html', '/tab', '/config'], (_req, res) => {
    if (!existsSync(indexFile)) {
      sendProblem(res, 503, 'The tab has not been built; run `npm run build`');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
