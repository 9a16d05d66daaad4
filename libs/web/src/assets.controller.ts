import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import path from 'node:path';
import { Public } from '@app/auth';
import { NoThrottle } from '@app/common';
import { GOVUK_FRONTEND_DIST, WEB_ASSETS_DIRECTORY } from './page.renderer';

const GOVUK = path.join(GOVUK_FRONTEND_DIST, 'govuk');

/** Which folder serves a path under /assets: our own files, GOV.UK Frontend's bundle, or its fonts and images. */
export function assetLocation(segments: readonly string[]): { root: string; file: string } | undefined {
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.startsWith('.'))) return undefined;
  const file = segments.join('/');
  if (segments[0] === 'web') return { root: WEB_ASSETS_DIRECTORY, file: segments.slice(1).join('/') };
  if (/^govuk-frontend\.min\.(css|js)(\.map)?$/.test(file)) return { root: GOVUK, file };
  if (['fonts', 'images', 'rebrand'].includes(segments[0]) || file === 'manifest.json') return { root: path.join(GOVUK, 'assets'), file };
  return undefined;
}

/**
 * GOV.UK Frontend's compiled CSS, JavaScript, fonts and images, served from node_modules: the pages fetch nothing
 * from any other site.
 */
@Public()
@NoThrottle()
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get('*path')
  asset(@Param('path') given: string | string[], @Res() res: Response): void {
    const segments = Array.isArray(given) ? given : given.split('/');
    const location = assetLocation(segments);
    if (!location || !location.file) throw new NotFoundException();
    res.sendFile(location.file, { root: location.root, dotfiles: 'deny', maxAge: '1h' }, (error) => {
      if (error && !res.headersSent) res.status(404).type('text').send('Not found');
    });
  }
}
