export * from './countries';
export * from './home-office-lists';
