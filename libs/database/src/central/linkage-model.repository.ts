import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The matching model the deduplicator learned (central.linkage_models), newest last. */
@Injectable()
export class LinkageModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async latestModel(): Promise<{ model: unknown; recordCount: number } | null> {
    const rows: Array<{ model: unknown; record_count: number }> = await this.dataSource.query(
      `SELECT model, record_count FROM central.linkage_models ORDER BY id DESC LIMIT 1`,
    );
    return rows[0] ? { model: rows[0].model, recordCount: rows[0].record_count } : null;
  }

  async saveModel(model: unknown, recordCount: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(`INSERT INTO central.linkage_models (record_count, model) VALUES ($1, $2)`, [recordCount, JSON.stringify(model)]);
  }
}
