import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TRANSITION_STEPS, type TransitionStep } from '@app/domain';
import { IsCalendarDate } from '../../referrals/dto/validators';

export class RecordTransitionStepDto {
  @ApiProperty({
    enum: TRANSITION_STEPS,
    description:
      "transition_assessment_requested/decided: the Care Act 2014 s.58 child's needs assessment; care_leaver/not_care_leaver: whether " +
      "children's services keep duties after 18; adult_services_accepted/declined: adult services' decision (accepted opens the adult " +
      "record in AIS, linked to the child's); adult_safeguarding_concern: a practitioner raised an adult safeguarding concern (opens the " +
      'adult record too)',
  })
  @IsIn(TRANSITION_STEPS)
  step: TransitionStep;

  @ApiProperty({ example: '2026-11-02', description: 'The day the step was taken, not of recording it' })
  @IsCalendarDate()
  on: string;
}
