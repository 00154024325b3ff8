export * from './ip';
export * from './cidr';
export * from './ranges';
export * from './asn';
