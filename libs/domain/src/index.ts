export * from './referral';
export * from './dates';
export * from './nhs-number';
export * from './age-route';
export * from './referral-rules';
export * from './reference';
export * from './phone-number';
