import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { dirname, join } from 'node:path';

/**
 * The repo's public folder; nest build copies it to dist/public, so it sits two levels above this
 * file both in src/overview (ts-jest) and in dist/src/overview (the built service).
 */
export const PUBLIC_DIR = join(__dirname, '..', '..', 'public');

// The packages' exports hide their browser builds from require.resolve; their package.json is exported.
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

/** Every file the pages load, by the name they use; an allow-list, so node_modules is never served as a folder. */
const ASSETS: Record<string, string> = {
  'overview.css': join(PUBLIC_DIR, 'overview.css'),
  'api-client.js': join(PUBLIC_DIR, 'api-client.js'),
  'overview.js': join(PUBLIC_DIR, 'overview.js'),
  'release-review.css': join(PUBLIC_DIR, 'release-review.css'),
  'release-review.js': join(PUBLIC_DIR, 'release-review.js'),
  'graphiql-page.css': join(PUBLIC_DIR, 'graphiql-page.css'),
  'graphiql.js': join(PUBLIC_DIR, 'graphiql.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
};

@Controller()
export class OverviewController {
  @Get()
  page(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'index.html'));
  }

  /** The review page for a press release: paste, check what the registry reads in it, import (analyseRelease, importRelease). */
  @Get('releases/new')
  releaseReview(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'release-review.html'));
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!file) throw new NotFoundException();
    res.sendFile(file);
  }
}

/** A GET /graphql from a browser that prefers HTML: it gets the explorer, not the API. */
export const wantsExplorer = (req: Request): boolean =>
  req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';

/**
 * GET /graphql stays the API for every client but a browser: one that prefers HTML gets the
 * offline explorer. Middleware rather than a route, so that every other request reaches Apollo's
 * handler untouched.
 */
export function explorerForBrowsers(req: Request, res: Response, next: NextFunction): void {
  res.vary('Accept');
  if (!wantsExplorer(req)) return next();
  // GraphiQL's stylesheet embeds its fonts as data: URLs; this page alone may load fonts that way.
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy === 'string' && !/(^|;)\s*font-src\b/.test(policy))
    res.setHeader('Content-Security-Policy', `${policy}; font-src 'self' data:`);
  res.sendFile(join(PUBLIC_DIR, 'graphiql.html'));
}
