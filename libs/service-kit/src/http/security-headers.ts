import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The Swagger UI page and its assets (not /docs-json, which is data like the API). */
const DOCS_UI = /^\/docs(\/|$)/;

/**
 * The API answers data only, never a page: nothing may load, run or frame from its answers.
 * The other helmet headers keep their defaults (HSTS, nosniff, no referrer, same-origin
 * resource and opener policies, frame denial).
 */
const forApi = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
});

/**
 * Swagger UI loads its own scripts, styles and images from /docs/ (scripts from files, not
 * inline), keeps two inline <style> blocks, draws icons as data: images and calls the API on
 * the same origin. `upgrade-insecure-requests` would break it on a plain-http port-forward.
 */
const forDocs = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** Security headers on every answer (helmet), with a Content-Security-Policy Swagger UI can live with on /docs. */
export function securityHeaders(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => (DOCS_UI.test(request.path) ? forDocs : forApi)(request, response, next);
}
