import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors, memoiseValidationMetadata, VALIDATION_ERROR_OPTIONS } from './validation';

class Inner {
  @IsDefined() @IsString() name!: string;
}

class Outer {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => Inner) inner!: Inner;
  @IsDefined({ message: 'reference is required for a submission' }) @IsString() reference!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) authority?: string | null;
}

class Contact {
  @IsString() @IsNotEmpty() @MaxLength(200) authority!: string;
}

const violations = (body: object) => flattenValidationErrors(validateSync(plainToInstance(Outer, body), { validationError: VALIDATION_ERROR_OPTIONS }));

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

  it('names a missing or null string field once, as required, not with each rule it would break', () => {
    const missing = (body: object) => flattenValidationErrors(validateSync(plainToInstance(Contact, body), { validationError: VALIDATION_ERROR_OPTIONS }));
    expect(missing({})).toEqual([{ path: 'authority', message: 'authority is required' }]);
    expect(missing({ authority: null })).toEqual([{ path: 'authority', message: 'authority is required' }]);
    expect(missing({ authority: '' })).toEqual([{ path: 'authority', message: 'authority should not be empty' }]);
  });

  it('tells a value of the wrong kind only that, not the size or range it cannot be judged by', () => {
    const found = violations({ inner: { name: 'a' }, reference: 'x', authority: 12 });
    expect(found).toEqual([{ path: 'authority', message: 'authority must be a string' }]);
  });

  it('never puts the value it was given in a message', () => {
    const found = violations({ inner: { name: 'Secret Name' }, reference: 'Secret Reference', authority: 'x'.repeat(201) });
    expect(JSON.stringify(found)).not.toContain('xxxxx');
    expect(found).toContainEqual({ path: 'authority', message: 'authority must be shorter than or equal to 200 characters' });
  });

  it('names an unknown field, but never repeats a key that is not a field name (it may be personal data)', () => {
    const unknown = (body: object) =>
      flattenValidationErrors(
        validateSync(plainToInstance(Contact, body), { whitelist: true, forbidNonWhitelisted: true, validationError: VALIDATION_ERROR_OPTIONS }),
      );
    expect(unknown({ authority: 'x', colour: 'red' })).toEqual([{ path: 'colour', message: 'colour should not exist' }]);
    const found = unknown({ authority: 'x', 'Zorwenna Quillfeather 1990-03-14': '1' });
    expect(found).toEqual([{ path: '(unknown field)', message: '(unknown field) should not exist' }]);
  });

  it('reads every failure as a wrong value when the validation did not keep the values', () => {
    const found = flattenValidationErrors(validateSync(plainToInstance(Contact, {}), { validationError: { target: false, value: false } }));
    expect(found).toContainEqual({ path: 'authority', message: 'authority must be a string' });
    expect(found).not.toContainEqual({ path: 'authority', message: 'authority is required' });
  });
});

describe('memoiseValidationMetadata', () => {
  class Address {
    @IsString()
    postcode!: string;
  }
  class Person {
    @IsString()
    @IsNotEmpty()
    name!: string;

    @IsString({ groups: ['strict'] })
    nickname?: unknown;

    @ValidateNested()
    @Type(() => Address)
    address!: Address;
  }
  const invalid = { name: '', nickname: 7, address: { postcode: 5 } };
  const errorsOf = (cls: new () => object, body: object, groups?: string[]) =>
    flattenValidationErrors(validateSync(plainToInstance(cls, body), { ...VALIDATION_ERROR_OPTIONS, ...(groups ? { groups } : {}) }));

  it('leaves every answer as it was, nested objects, groups and subclasses included', () => {
    const before = { plain: errorsOf(Person, invalid), other: errorsOf(Person, invalid, ['other']) };
    memoiseValidationMetadata();
    memoiseValidationMetadata();
    expect(errorsOf(Person, invalid)).toEqual(before.plain);
    expect(errorsOf(Person, invalid)).toEqual(before.plain);
    expect(errorsOf(Person, invalid, ['other'])).toEqual(before.other);
    // Without groups every rule applies; with a group, a rule of another group does not.
    expect(before.plain.map((e) => e.path).sort()).toEqual(['address.postcode', 'name', 'nickname']);
    expect(before.other.map((e) => e.path)).not.toContain('nickname');

    // A class defined after its parent was looked up has its parent's rules and its own; the parent gains none.
    class Employee extends Person {
      @IsString()
      payroll!: string;
    }
    expect(
      errorsOf(Employee, { ...invalid, payroll: 1 })
        .map((e) => e.path)
        .sort(),
    ).toEqual(['address.postcode', 'name', 'nickname', 'payroll']);
    expect(errorsOf(Person, { name: 'Ann', nickname: 'Annie', address: { postcode: 'AB1 2CD' }, payroll: 1 })).toEqual([]);
  });
});
