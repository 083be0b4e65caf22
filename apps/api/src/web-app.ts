import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where the browser app lives; every API route stays at the root. */
export const WEB_APP_PATH = '/app/';

/**
 * The app's own policy: scripts only from this origin; styles also inline, because antd writes
 * its CSS-in-JS into <style> elements at run time.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The built web app (npm run build writes it), from WEB_DIST_DIR or apps/web/dist under the working directory. */
export function webDistDir(): string {
  return resolve(process.env.WEB_DIST_DIR ?? 'apps/web/dist');
}

/**
 * Serves the built web app under /app/: its files, index.html for any other path under /app
 * (client routes), and a redirect from / to /app/. Without a build the API starts all the same.
 */
export async function registerWebApp(app: NestFastifyApplication, root = webDistDir()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(resolve(root, 'index.html'))) {
    new Logger('WebApp').log(`No web app build at ${root} (npm run build makes it): /app/ is not served.`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: WEB_APP_PATH,
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders: (res, path) => {
      res.header('content-security-policy', WEB_APP_CSP);
      // Vite puts a content hash in every asset's name; index.html must always be fetched afresh.
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexHtml = readFileSync(resolve(root, 'index.html'));
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    // A missing asset is a 404, not the app: a stale tab must not parse HTML as a script.
    if (request.url.startsWith(`${WEB_APP_PATH}assets/`)) return reply.code(404).send({ code: 'NOT_FOUND' });
    return reply
      .header('content-security-policy', WEB_APP_CSP)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(indexHtml);
  };
  fastify.get('/app', (_request, reply) => reply.redirect(WEB_APP_PATH, 302));
  fastify.get(WEB_APP_PATH, sendIndex);
  fastify.get(`${WEB_APP_PATH}*`, sendIndex);
  fastify.get('/', (_request, reply) => reply.redirect(WEB_APP_PATH, 302));
}
