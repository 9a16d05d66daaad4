export * from './population';
export * from './csv';
export { NATIONALITY_MIX } from './names';
export * from './casework';
