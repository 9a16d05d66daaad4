import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { reportCsv } from '../formats/csv';
import { packOds } from '../formats/ods';
import { reportHtml } from '../formats/html';
import { PdfRenderer } from '../formats/pdf.renderer';
import { fileStem } from '../formats/render';
import { boardPack, type BoardPack } from './board-pack';
import type { BoardReportView } from './board-report.presenter';

export type BoardReportFile = 'csv' | 'html' | 'pdf' | 'ods';

/** A board report as a file: CSV, printable HTML, PDF or ODS, all from the same pack of tables. */
@Injectable()
export class BoardReportFiles {
  constructor(private readonly pdf: PdfRenderer) {}

  pack(view: BoardReportView): BoardPack {
    return boardPack(view.statistics, {
      audienceName: view.audience.name,
      revision: view.revision,
      generatedAt: view.generatedAt,
      marking: view.marking,
      changes: view.changes,
    });
  }

  stem(view: BoardReportView): string {
    return fileStem('board-report', view.audience.code, view.period.code, ...(view.tier === 'restricted' ? ['restricted'] : []), `r${view.revision}`);
  }

  /** Sends the file; every answer is no-store (figures about potential victims are not for shared caches). */
  async send(res: Response, format: BoardReportFile, view: BoardReportView): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const stem = this.stem(view);
    switch (format) {
      case 'csv':
        res.type('text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${stem}.csv"`);
        res.send(reportCsv(view.statistics, { audience: view.audience.code, revision: view.revision, marking: view.marking }));
        return;
      case 'html':
        // The printable report with its charts and what changed since the previous revision.
        res.type('text/html; charset=utf-8');
        res.send(
          reportHtml(view.statistics, {
            audienceName: view.audience.name,
            revision: view.revision,
            generatedAt: view.generatedAt,
            changes: view.changes,
            marking: view.marking,
          }),
        );
        return;
      case 'pdf': {
        const pdf = await this.pdf.render(this.pack(view));
        res.type('application/pdf');
        res.setHeader('Content-Disposition', `attachment; filename="${stem}.pdf"`);
        res.send(pdf);
        return;
      }
      case 'ods':
        res.type('application/vnd.oasis.opendocument.spreadsheet');
        res.setHeader('Content-Disposition', `attachment; filename="${stem}.ods"`);
        res.send(Buffer.from(packOds(this.pack(view))));
        return;
    }
  }
}
