import type { NextFunction, Request, Response } from 'express';
import { wantsExplorer } from '../overview/overview.controller';

/** Content types a browser may send cross-site without asking first (a "simple" request). */
const SIMPLE_CONTENT_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

export const CSRF_REFUSAL =
  "Send the header 'apollo-require-preflight: true' with a GET request (a POST sends 'content-type: application/json'): " +
  'a request without either could be a cross-site request forgery, so it is refused.';

/**
 * Refuses what a page on another site could make a browser send without a CORS preflight: a GET,
 * or a POST with a simple content type, that carries neither a JSON content type nor a preflight
 * header. It is the rule Apollo Server's csrfPrevention applies, kept here so that the refusal can
 * say in a sentence which header to send, with the contract's code and no stack trace (Apollo's
 * own check is switched off in graphql.module.ts; this is the only one).
 */
export function csrfGuard(req: Request, res: Response, next: NextFunction): void {
  if (wantsExplorer(req)) return next();
  const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  const safe =
    (contentType !== undefined && contentType !== '' && !SIMPLE_CONTENT_TYPES.has(contentType)) ||
    PREFLIGHT_HEADERS.some((header) => (req.headers[header] ?? '') !== '');
  if (safe) return next();
  res.status(400).json({ errors: [{ message: CSRF_REFUSAL, extensions: { code: 'BAD_USER_INPUT' } }] });
}
