export * from './roles';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/geo';
export * from './schemas/units';
export * from './names';
