import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { chromium } from 'playwright-core';
import type { Environment } from '@app/config';
import type { BoardPack } from '../board-reports/board-pack';
import { escapeHtml as e } from './escape';
import { packHtml } from './pack-html';

/**
 * Renders a board pack as an A4 PDF for the board papers with the Chromium the project already runs its browser
 * tests in (BOARD_PACK_CHROMIUM_PATH), driven by playwright-core. The page is set from a string with scripts off
 * and every request refused, so nothing is fetched. Each page's header and footer carry the marking of a
 * restricted pack; the footer numbers the pages ("Page 2 of 7").
 */
@Injectable()
export class PdfRenderer {
  private readonly logger = new Logger(PdfRenderer.name);

  constructor(private readonly config: ConfigService<Environment, true>) {}

  async render(pack: BoardPack): Promise<Buffer> {
    const browser = await chromium.launch({
      executablePath: this.config.get('BOARD_PACK_CHROMIUM_PATH', { infer: true }),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(packHtml(pack), { waitUntil: 'load' });
      const marking = pack.marking ? `<span style="font-weight:bold;letter-spacing:.05em">${e(pack.marking)}</span>` : '';
      const style = 'font-family:Arial,Helvetica,sans-serif;font-size:8pt;width:100%;padding:0 12mm;display:flex;justify-content:space-between';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        margin: { top: '20mm', bottom: '20mm', left: '12mm', right: '12mm' },
        headerTemplate: `<div style="${style}"><span>${e(pack.title)}</span>${marking}</div>`,
        footerTemplate: `<div style="${style}">${marking || '<span></span>'}<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'could not render a board pack as PDF');
      throw error;
    } finally {
      await browser.close();
    }
  }
}
