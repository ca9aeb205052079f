#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, the same way the server runs, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
