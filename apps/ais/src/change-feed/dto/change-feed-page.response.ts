import { ApiProperty } from '@nestjs/swagger';

export interface ChangeView {
  Sequence: number;
  ConcernId: string;
  Version: number;
  ChangeType: 'Created' | 'Updated' | 'TransferIn';
  ChangedAt: string;
}

export class ChangeFeedPageResponse {
  @ApiProperty() Changes: ChangeView[];
  @ApiProperty({ description: 'Pass as Since to read on; unchanged when there was nothing new' }) NextCursor: string;
  @ApiProperty() HasMore: boolean;
}
