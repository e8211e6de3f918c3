import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '#common';
import { adminError } from '../admin-error.js';
import { PAINEL_CSP, PAINEL_CSS, PAINEL_PAGE } from './painel-page.js';

const require = createRequire(import.meta.url);

/** Third-party modules, served from the installed packages: nothing comes from a CDN. */
const VENDOR: Record<string, string> = {
  'preact.mjs': require.resolve('preact'),
  'hooks.mjs': require.resolve('preact/hooks'),
  'jsx-runtime.mjs': require.resolve('preact/jsx-runtime'),
  'uplot.mjs': require.resolve('uplot/dist/uPlot.esm.js'),
  'uplot.css': require.resolve('uplot/dist/uPlot.min.css'),
};

/**
 * The dashboard's compiled modules: beside this file when running from dist/, or in dist/ when the
 * gateway runs from its TypeScript sources (the tests), which `npm run build` has compiled.
 */
function webDirectory(): string {
  const beside = fileURLToPath(new URL('./web/', import.meta.url));
  if (existsSync(join(beside, 'main.js'))) return beside;
  return fileURLToPath(new URL('../../../../../dist/apps/gateway/src/admin/painel/web/', import.meta.url));
}

/** The browser dashboard's page and files; public, as the data behind them needs the admin token. */
@ApiExcludeController()
@Public()
@Controller('painel')
export class PainelAssetsController {
  private readonly webDir = webDirectory();
  private readonly modules = new Set(existsSync(this.webDir) ? readdirSync(this.webDir).filter((name) => name.endsWith('.js')) : []);

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PAINEL_CSP)
  @Header('Cache-Control', 'no-store')
  page(): string {
    return PAINEL_PAGE;
  }

  @Get('app/painel.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  style(): string {
    return PAINEL_CSS;
  }

  @Get('app/:file')
  module(@Param('file') file: string, @Res() res: Response): void {
    if (!this.modules.has(file)) throw notFound();
    res.type('text/javascript').sendFile(join(this.webDir, file));
  }

  @Get('vendor/:file')
  vendor(@Param('file') file: string, @Res() res: Response): void {
    const path = Object.hasOwn(VENDOR, file) ? VENDOR[file] : undefined;
    if (!path) throw notFound();
    res.type(file.endsWith('.css') ? 'text/css' : 'text/javascript').sendFile(path);
  }
}

function notFound() {
  return adminError(404, 'Arquivo do painel não encontrado.');
}
