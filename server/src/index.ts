// What the CLI, the benchmarks and the browser tests may use from the server.
export { buildApp } from './app';
export { openConfigured, prepareDatabase, systemCtx } from './bootstrap';
export { readConfig } from './config';
export { openDatabase } from './db/connect';
export { DEMO_LOGIN, seedDemo } from './demo';
export { AppError } from './errors';
export { DataDirLockedError, lockDataDir } from './lock';
export { createUser } from './modules/auth/users';
export { createDirective } from './modules/directives/create';
export { runCascadeJob } from './modules/directives/jobs';
export { setUserPerson } from './modules/directives/users';
export { importPollingStations } from './modules/geo/polling-stations';
export { importMembers } from './modules/imports/members';
export { importPeoplePosts } from './modules/imports/people-posts';
export { scaffoldUnits } from './modules/units/scaffold';
export { recomputeHealth } from './modules/org-health/recompute';
export { writeHealthSnapshots } from './modules/org-health/snapshots';
