import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { SafeguardingConcernResponse } from './safeguarding-concern.response';

/** The most concerns one batch read answers. */
export const MAX_CONCERNS_PER_READ = 200;

export class ConcernBatchQueryDto {
  @ApiProperty({ description: `Up to ${MAX_CONCERNS_PER_READ} concern ids separated by commas`, example: 'SC-000123,SC-000124' })
  @Matches(new RegExp(`^[A-Za-z0-9-]{1,32}(,[A-Za-z0-9-]{1,32}){0,${MAX_CONCERNS_PER_READ - 1}}$`), {
    message: `ConcernIds must be 1 to ${MAX_CONCERNS_PER_READ} concern ids separated by commas`,
  })
  ConcernIds: string;
}

export class SafeguardingConcernBatchResponse {
  @ApiProperty({ type: [SafeguardingConcernResponse], description: 'The concerns found, in the order asked; ids not found are left out' })
  Concerns: SafeguardingConcernResponse[];
}
