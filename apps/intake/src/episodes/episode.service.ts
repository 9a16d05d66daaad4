import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, NotFoundError, UnprocessableError } from '@app/common';
import { DataQualityRepository, EpisodeRepository, type EpisodeTarget } from '@app/database';
import type { CaseSystem } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { JoinEpisodeDto } from './dto/join-episode.dto';
import { DataQualityView, DirectEntryView, EpisodeChoicesView, EpisodeView, presentDataQuality, presentDirectEntry, presentEpisode } from './episode.presenter';

/**
 * The safeguarding lead's word on which referral a directly entered record is. Kept with the entry, audited in the
 * same transaction, and never changed by the rules afterwards.
 */
@Injectable()
export class EpisodeService {
  constructor(
    private readonly episodes: EpisodeRepository,
    private readonly audit: AuditService,
    private readonly dataQualityReader: DataQualityRepository,
  ) {}

  async dataQuality(limit = 100): Promise<DataQualityView> {
    return presentDataQuality(await this.dataQualityReader.read(limit));
  }

  /** The entry as it stands (in `manager`'s transaction, if given); one that is not there is a 404. */
  async get(system: CaseSystem, recordId: string, manager?: EntityManager): Promise<DirectEntryView> {
    const row = await this.episodes.find(system, recordId, manager);
    if (!row) throw new NotFoundError('direct entry', `${system}:${recordId}`);
    return presentDirectEntry(row);
  }

  /**
   * The entry, the episode it counts in now, and the other episodes of its person: what a lead chooses among on the
   * split and join pages. A read only, like `get`.
   */
  async choices(system: CaseSystem, recordId: string): Promise<EpisodeChoicesView> {
    const entry = await this.get(system, recordId);
    const countedWith = entry.joined ? await this.episodeJoined(entry.joined) : null;
    const episodes = entry.personId ? await this.episodes.episodesOfPerson(entry.personId) : [];
    return {
      entry,
      countedWith,
      episodes: episodes.filter((e) => !(e.system === system && e.recordId === recordId)).map(presentEpisode),
    };
  }

  /** The episode an entry is joined to, as a lead names it (a hub referral by its reference). */
  async episodeJoined(joined: NonNullable<DirectEntryView['joined']>): Promise<EpisodeView | null> {
    if (joined.referralId) {
      const referral = await this.episodes.referralEpisode({ id: joined.referralId });
      return referral ? presentEpisode(referral) : null;
    }
    if (!joined.system || !joined.recordId) return null;
    const row = await this.episodes.find(joined.system, joined.recordId);
    return row ? { referralId: null, reference: null, system: row.system, recordId: row.recordId, referredOn: row.referredOn } : null;
  }

  /** The person's records entered directly in a case system, as `system:recordId`, each with whether it is joined now. */
  async directEntriesOfPerson(personId: string): Promise<Map<string, { joined: boolean }>> {
    const rows = await this.episodes.directEntriesOfPerson(personId);
    return new Map(rows.map((r) => [`${r.system}:${r.recordId}`, { joined: r.joined }]));
  }

  /** A hub referral by the reference a lead reads on its page; null when no referral has it. */
  async referralByReference(reference: string): Promise<EpisodeView | null> {
    const row = await this.episodes.referralEpisode({ reference });
    return row ? presentEpisode(row) : null;
  }

  async split(system: CaseSystem, recordId: string, reason: string, principal: Principal): Promise<DirectEntryView> {
    return this.episodes.transaction(async (manager) => {
      if (!(await this.episodes.split(manager, system, recordId, principal.sub, reason))) throw new NotFoundError('direct entry', `${system}:${recordId}`);
      await this.audit.record(principal, 'episode.split', { type: 'case_record', id: `${system}:${recordId}` }, { manager, details: { reason } });
      return this.get(system, recordId, manager);
    });
  }

  async join(system: CaseSystem, recordId: string, dto: JoinEpisodeDto, principal: Principal): Promise<DirectEntryView> {
    const target = targetOf(dto);
    return this.episodes.transaction(async (manager) => {
      if (!(await this.episodes.find(system, recordId, manager))) throw new NotFoundError('direct entry', `${system}:${recordId}`);
      const joined = await this.episodes.join(manager, system, recordId, target, dto.reason, principal.sub);
      if (!joined) throw new UnprocessableError('the episode to join was not found, or is this entry itself', 'episode_not_joinable');
      await this.audit.record(
        principal,
        'episode.join',
        { type: 'case_record', id: `${system}:${recordId}` },
        { manager, details: { joined, reason: dto.reason } },
      );
      return this.get(system, recordId, manager);
    });
  }
}

function targetOf(dto: JoinEpisodeDto): EpisodeTarget {
  const direct = dto.system !== undefined || dto.recordId !== undefined;
  if (dto.referralId && !direct) return { referralId: dto.referralId };
  if (!dto.referralId && dto.system && dto.recordId) return { system: dto.system, recordId: dto.recordId };
  throw new InvalidRequestError([{ path: 'referralId', message: 'give either referralId, or system and recordId, of the episode to join' }]);
}
