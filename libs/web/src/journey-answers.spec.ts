import { ConfigService } from '@nestjs/config';
import { validateEnvironment } from '@app/config';
import { JourneyAnswers } from './journey-answers';

describe(JourneyAnswers.name, () => {
  const answers = (secret = 'a-session-secret-of-enough-length-for-tests') =>
    new JourneyAnswers(new ConfigService(validateEnvironment({ SESSION_SECRET: secret })) as never);

  it('opens what it sealed for the same session, names and lists intact', () => {
    const journey = answers();
    const sealed = journey.seal('session-1', { 'potentialVictim.firstName': 'Dritan', 'exploitation.types': ['labour', 'criminal'] });
    expect(sealed).not.toContain('Dritan');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('Dritan');
    expect(journey.open('session-1', sealed)).toEqual({ 'potentialVictim.firstName': 'Dritan', 'exploitation.types': ['labour', 'criminal'] });
  });

  it('opens nothing sealed for another session or under another secret, or altered', () => {
    const sealed = answers().seal('session-1', { narrative: 'x' });
    expect(answers().open('session-2', sealed)).toBeUndefined();
    expect(answers('another-session-secret-of-enough-length').open('session-1', sealed)).toBeUndefined();
    const altered = Buffer.from(sealed, 'base64url');
    altered[altered.length - 1] ^= 1;
    expect(answers().open('session-1', altered.toString('base64url'))).toBeUndefined();
  });
});
