export * from './asn';
export * from './constants';
export * from './labels';
export * from './prefixes';
export * from './result';
export * from './rules';
export * from './schema';
