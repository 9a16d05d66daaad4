import { ApiProperty } from '@nestjs/swagger';

export interface FeedItemView {
  seq: number;
  contactId: string;
  version: number;
  event: 'contact.created' | 'contact.updated' | 'contact.transferred';
  at: string;
}

export class FeedPageResponse {
  @ApiProperty() items: FeedItemView[];
  @ApiProperty({ description: 'Opaque cursor: pass as `after` to read on; unchanged when there was nothing new' }) next: string;
  @ApiProperty() hasMore: boolean;
}
