import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation';

class Inner {
  @IsDefined() @IsString() name!: string;
}

class Outer {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => Inner) inner!: Inner;
  @IsDefined({ message: 'reference is required for a submission' }) @IsString() reference!: string;
}

const violations = (body: object) => flattenValidationErrors(validateSync(plainToInstance(Outer, body), { validationError: { target: false, value: false } }));

describe('flattenValidationErrors', () => {
  it('names a missing object once, as required, not also as "must be an object"', () => {
    expect(violations({ reference: 'x' })).toEqual([{ path: 'inner', message: 'inner is required' }]);
  });

  it('names a missing nested field by its whole path, once', () => {
    expect(violations({ inner: {}, reference: 'x' })).toEqual([{ path: 'inner.name', message: 'inner.name is required' }]);
  });

  it("keeps a field's own required message", () => {
    expect(violations({ inner: { name: 'a' } })).toEqual([{ path: 'reference', message: 'reference is required for a submission' }]);
  });

  it('still lists every rule a present but wrong value breaks', () => {
    const found = violations({ inner: 'text', reference: 7 });
    expect(found).toContainEqual({ path: 'inner', message: 'inner must be an object' });
    expect(found).toContainEqual({ path: 'reference', message: 'reference must be a string' });
  });
});
