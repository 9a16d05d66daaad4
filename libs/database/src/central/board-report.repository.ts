import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BoardAudience, BoardReportEntity, BoardReportTier } from './board-report.entity';

export interface BoardReportFilter {
  audience?: BoardAudience;
  periodCode?: string;
  /** The tiers the reader may see (a board viewer: published only); none lists nothing. */
  tiers?: readonly BoardReportTier[];
}

export interface BoardReportPage {
  items: BoardReportEntity[];
  total: number;
}

/** What to store as the next revision, decided from the revision that stands (null: store nothing). */
export type NextRevision = (previous: BoardReportEntity | null) => Omit<BoardReportEntity, 'revision' | 'supersedes'> | null;

@Injectable()
export class BoardReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds the next revision of an audience's report for a period in one tier. Generations of the same report are serialised
   * by an advisory lock, so revisions are numbered 1, 2, 3 ... without gaps or collisions; `next` sees the
   * revision that stands and may decline to store another (nothing changed, or a fresher one just landed).
   */
  async addRevision(
    audience: BoardAudience,
    periodCode: string,
    tier: BoardReportTier,
    next: NextRevision,
  ): Promise<{ report: BoardReportEntity; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('board-report:' || $1 || ':' || $2 || ':' || $3))`, [audience, periodCode, tier]);
      const repository = manager.getRepository(BoardReportEntity);
      const previous = await repository.findOne({ where: { audience, periodCode, tier }, order: { revision: 'DESC' } });
      const candidate = next(previous);
      if (!candidate) {
        if (!previous) throw new Error('the first revision of a board report cannot be declined');
        return { report: previous, created: false };
      }
      const row = { ...candidate, revision: (previous?.revision ?? 0) + 1, supersedes: previous?.id ?? null };
      await repository.insert(row);
      return { report: await repository.findOneByOrFail({ id: row.id }), created: true };
    });
  }

  findById(id: string): Promise<BoardReportEntity | null> {
    return this.dataSource.getRepository(BoardReportEntity).findOneBy({ id });
  }

  latest(audience: BoardAudience, periodCode: string, tier: BoardReportTier = 'published'): Promise<BoardReportEntity | null> {
    return this.dataSource.getRepository(BoardReportEntity).findOne({ where: { audience, periodCode, tier }, order: { revision: 'DESC' } });
  }

  /** Newest first, without the figures (a listing does not need them). */
  async list(filter: BoardReportFilter, limit: number, offset: number): Promise<BoardReportPage> {
    // No tier the reader may see (a board viewer asking for restricted reports): nothing to list, and `IN ()` is
    // no SQL.
    if (filter.tiers?.length === 0) return { items: [], total: 0 };
    const qb = this.dataSource
      .getRepository(BoardReportEntity)
      .createQueryBuilder('b')
      .select([
        'b.id',
        'b.audience',
        'b.periodCode',
        'b.tier',
        'b.periodKind',
        'b.periodLabel',
        'b.periodFrom',
        'b.periodTo',
        'b.revision',
        'b.supersedes',
        'b.dataCutOff',
        'b.generatedAt',
        'b.trigger',
        'b.contentSha256',
      ]);
    if (filter.audience) qb.andWhere('b.audience = :audience', { audience: filter.audience });
    if (filter.tiers) qb.andWhere('b.tier IN (:...tiers)', { tiers: [...filter.tiers] });
    if (filter.periodCode) qb.andWhere('b.period_code = :periodCode', { periodCode: filter.periodCode });
    const [items, total] = await qb.orderBy('b.generated_at', 'DESC').addOrderBy('b.revision', 'DESC').take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }
}
