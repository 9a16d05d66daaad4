import { MalformedIdError } from './errors';
import { UuidParamPipe } from './uuid-param.pipe';

describe(UuidParamPipe.name, () => {
  const pipe = new UuidParamPipe();
  const param = (data: string) => ({ type: 'param' as const, data });

  it('passes a UUID through', async () => {
    await expect(pipe.transform('4b8e7d0e-4a4c-4b0f-9d5e-3e0c9b0f1a2b', param('id'))).resolves.toBe('4b8e7d0e-4a4c-4b0f-9d5e-3e0c9b0f1a2b');
  });

  it('refuses anything else with a 400 naming the parameter', async () => {
    const refused = pipe.transform('xyz', param('promptId'));
    await expect(refused).rejects.toBeInstanceOf(MalformedIdError);
    await expect(refused).rejects.toMatchObject({ status: 400, errors: [{ path: 'promptId', message: 'promptId must be a UUID' }] });
  });
});
