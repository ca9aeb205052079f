import fs from 'node:fs';
import { CONSENT_METHODS, ROLES, type TPostTemplate, type TRole, ZPostTemplateBody } from '@samiti/common';
import {
  AppError,
  DataDirLockedError,
  DEMO_LOGIN,
  importMembers,
  importPeoplePosts,
  importPollingStations,
  listPostTemplates,
  openConfigured,
  prepareDatabase,
  readConfig,
  recomputeHealth,
  resetWingTemplate,
  scaffoldUnits,
  seedDemo,
  setPostTemplate,
  setUserPerson,
  systemCtx,
  writeHealthSnapshots,
  createUser,
} from '@samiti/server';
import { Command, InvalidArgumentError } from 'commander';

/** Opens the configured database (PGlite data dir or DATABASE_URL), migrated, and runs `fn` with a system context. */
const withDatabase = async (label: string, fn: (ctx: ReturnType<typeof systemCtx>) => Promise<void>) => {
  const { database, release } = await openConfigured(readConfig(), `samiti cli: ${label}`);
  try {
    await prepareDatabase(database);
    await fn(systemCtx(database, `cli:${label}`));
  } finally {
    await database.close();
    release();
  }
};

const stateCode = (v: string) => {
  const s = v.trim().toUpperCase();
  if (!/^([SU]\d{2}|ALL)$/.test(s)) throw new InvalidArgumentError('a state code such as S24 or U05, or ALL');
  return s;
};
const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number');
  return n;
};

/** Prints an import's bad rows (the first 50) and marks the run failed; true when there were any. */
const reportedErrors = (r: { rows: number; errors: { line: number; messages: string[] }[] }) => {
  if (r.errors.length === 0) return false;
  for (const e of r.errors.slice(0, 50)) console.error(`line ${e.line}: ${e.messages.join('; ')}`);
  if (r.errors.length > 50) console.error(`… and ${r.errors.length - 50} more rows with errors`);
  console.error(`${r.errors.length} of ${r.rows} rows have errors; nothing was imported.`);
  process.exitCode = 1;
  return true;
};

const program = new Command('samiti').description('Samiti administration: database, geography, units, users');

program
  .command('migrate')
  .description('apply database migrations and load the shipped geography')
  .action(async () => {
    const { database, release } = await openConfigured(readConfig(), 'samiti cli: migrate');
    try {
      const r = await prepareDatabase(database);
      console.log(r.applied.length ? `applied: ${r.applied.join(', ')}` : 'schema up to date');
      console.log(r.seededGeo ? 'geography loaded' : 'geography already present');
    } finally {
      await database.close();
      release();
    }
  });

const units = program.command('units').description('the organisational tree');
units
  .command('scaffold')
  .description('create state, district, assembly and booth units over the geography (idempotent)')
  .requiredOption('--state <code>', 'ECI state code (S24) or ALL', stateCode)
  .option('--wing <key>', 'wing whose tree to build', 'main')
  .action(async (opts: { state: string; wing: string }) =>
    withDatabase('units scaffold', async (ctx) => {
      const started = Date.now();
      const r = await scaffoldUnits(ctx, { state: opts.state, wing: opts.wing });
      console.log(
        `created ${r.states} state, ${r.districts} district, ${r.assemblies} assembly and ${r.booths} booth units in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }),
  );

const booths = program.command('booths').description('polling stations (booths)');
booths
  .command('import')
  .argument('<file>', 'CSV with columns state, ac, part, name[, lat, lon] (UTF-8)')
  .option('--state <code>', 'state code for files without a state column', stateCode)
  .option('--dry-run', 'check and count only; write nothing')
  .description('import polling stations, all or nothing')
  .action(async (file: string, opts: { state?: string; dryRun?: boolean }) => {
    if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
    const bytes = fs.readFileSync(file);
    await withDatabase('booths import', async (ctx) => {
      const r = await importPollingStations(ctx, bytes, { defaultState: opts.state, dryRun: opts.dryRun });
      if (reportedErrors(r)) return;
      const verb = r.dryRun ? 'would import' : 'imported';
      console.log(
        `${verb} ${r.rows} rows: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.mergedDuplicates} duplicate rows merged`,
      );
    });
  });

const progressPrinter = () => {
  let last = 0;
  return (done: number, total: number) => {
    const pct = Math.floor((done / total) * 100);
    if (pct >= last + 10 || done === total) {
      last = pct;
      process.stderr.write(`  writing… ${done}/${total} (${pct}%)\n`);
    }
  };
};

const people = program.command('people').description('people and their posts');
people
  .command('import')
  .argument(
    '<file>',
    'CSV (UTF-8) or XLSX: unit (unit id, booth code, or AC + part), post, name, mobile[, EPIC, gender, birth year, start date]; English or Hindi headings',
  )
  .requiredOption('--consent-purpose <text>', 'what the people in the file consented to')
  .requiredOption('--consent-date <YYYY-MM-DD>', 'when consent was collected')
  .option('--consent-method <method>', 'written | verbal | online | sms-otp', 'written')
  .option('--state <code>', 'state code for rows that give AC and part numbers without a state', stateCode)
  .option('--dry-run', 'check and count only; write nothing')
  .description('import people and appoint them to posts, all or nothing')
  .action(
    async (
      file: string,
      opts: { consentPurpose: string; consentDate: string; consentMethod: string; state?: string; dryRun?: boolean },
    ) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const method = opts.consentMethod as (typeof CONSENT_METHODS)[number];
      if (!CONSENT_METHODS.includes(method)) throw new Error(`--consent-method must be one of ${CONSENT_METHODS.join(', ')}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.consentDate)) throw new Error('--consent-date must be YYYY-MM-DD');
      const bytes = fs.readFileSync(file);
      await withDatabase('people import', async (ctx) => {
        const r = await importPeoplePosts(ctx, bytes, {
          dryRun: Boolean(opts.dryRun),
          state: opts.state,
          consent: { purpose: opts.consentPurpose, date: opts.consentDate, method },
          onProgress: progressPrinter(),
        });
        if (reportedErrors(r)) return;
        const verb = r.dryRun ? 'would import' : 'imported';
        console.log(
          `${verb} ${r.rows} rows: ${r.newPeople} new people, ${r.matchedPeople} matched to people already on file, ${r.appointments} appointments (${r.alreadyHolding} already held)`,
        );
      });
    },
  );

const members = program.command('members').description('members of membership drives');
members
  .command('import')
  .argument(
    '<file>',
    'CSV (UTF-8) or XLSX: unit (unit id, booth code, or AC + part), name, mobile[, EPIC, gender, birth year, enroller mobile, enrolled date, status, verified by]; English or Hindi headings',
  )
  .requiredOption('--drive <id>', 'the membership drive to enrol them into', positiveInt)
  .option('--consent-purpose <text>', 'what new people in the file consented to', 'party membership')
  .option('--consent-date <YYYY-MM-DD>', 'when consent was collected (default: today)')
  .option('--consent-method <method>', 'written | verbal | online | sms-otp', 'written')
  .option('--state <code>', 'state code for rows that give AC and part numbers without a state', stateCode)
  .option('--dry-run', 'check and count only; write nothing')
  .description('enrol the members of a sheet into a drive, all or nothing')
  .action(
    async (
      file: string,
      opts: { drive: number; consentPurpose: string; consentDate?: string; consentMethod: string; state?: string; dryRun?: boolean },
    ) => {
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const method = opts.consentMethod as (typeof CONSENT_METHODS)[number];
      if (!CONSENT_METHODS.includes(method)) throw new Error(`--consent-method must be one of ${CONSENT_METHODS.join(', ')}`);
      const date = opts.consentDate ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--consent-date must be YYYY-MM-DD');
      const bytes = fs.readFileSync(file);
      await withDatabase('members import', async (ctx) => {
        const r = await importMembers(ctx, bytes, {
          dryRun: Boolean(opts.dryRun),
          driveId: opts.drive,
          state: opts.state,
          consent: { purpose: opts.consentPurpose, date, method },
          onProgress: progressPrinter(),
        });
        if (reportedErrors(r)) return;
        const verb = r.dryRun ? 'would enrol' : 'enrolled';
        console.log(
          `${verb} ${r.enrolments} of ${r.rows} rows into drive ${opts.drive}: ${r.newPeople} new people, ${r.matchedPeople} matched to people already on file, ${r.alreadyMembers} already members`,
        );
      });
    },
  );

const health = program.command('health').description('organisation health aggregates');
health
  .command('recompute')
  .description('rebuild every per-unit health aggregate from the base tables (tenures, units, meetings, assignments)')
  .action(() =>
    withDatabase('health recompute', async (ctx) => {
      const started = Date.now();
      await recomputeHealth(ctx.db);
      console.log(`health aggregates rebuilt in ${Date.now() - started} ms`);
    }),
  );
health
  .command('snapshot')
  .description("write this week's health snapshot of every unit above booth level (the weekly job does the same)")
  .action(() =>
    withDatabase('health snapshot', async (ctx) => {
      const r = await writeHealthSnapshots(ctx.db);
      console.log(`week ${r.week}: ${r.written} unit snapshots`);
    }),
  );

const printTemplate = (t: TPostTemplate) => {
  console.log(
    `${t.level} (${t.levelNameHi}) — ${t.source === 'wing' ? `${t.wing} wing's own` : 'default'}, committee ${t.minTotal}–${t.maxTotal}`,
  );
  for (const p of t.posts) console.log(`  ${p.key.padEnd(22)} ${p.minSeats}–${p.maxSeats}  ${p.name} / ${p.nameHi}`);
};

/** `--post key:English label:हिंदी लेबल:min:max`, repeatable. */
const templatePost = (v: string, prev: unknown[] = []) => {
  const parts = v.split(':');
  if (parts.length !== 5)
    throw new InvalidArgumentError('key:English label:Hindi label:min:max, e.g. general-secretary:General secretary:महामंत्री:1:3');
  const [key, name, nameHi, min, max] = parts as [string, string, string, string, string];
  return [...prev, { key, name, nameHi, minSeats: Number(min), maxSeats: Number(max) }];
};

const postTemplates = program
  .command('post-templates')
  .description('the posts of each level (and wing): keys, Hindi/English labels, min–max holders');
postTemplates
  .command('list')
  .description('print the template of every level (or one) that units of the wing follow')
  .option('--wing <key>', 'wing (main: the default templates)', 'main')
  .option('--level <key>', 'only this level')
  .option('--json', 'print JSON ({"posts": [...]} per level, as `set --file` takes)')
  .action((opts: { wing: string; level?: string; json?: boolean }) =>
    withDatabase('post-templates list', async (ctx) => {
      const all = await listPostTemplates(ctx, opts.wing);
      const picked = opts.level ? all.filter((t) => t.level === opts.level) : all;
      if (opts.level && picked.length === 0) throw new Error(`there is no level "${opts.level}"`);
      if (opts.json) console.log(JSON.stringify(picked, null, 2));
      else picked.forEach(printTemplate);
    }),
  );
postTemplates
  .command('set <level>')
  .description("replace a level's posts (in the order given); a post someone holds now cannot be removed")
  .option('--wing <key>', 'wing (main: the default template; another wing gets its own)', 'main')
  .option('--file <path>', 'JSON file {"posts": [{"key","name","nameHi","minSeats","maxSeats"}, ...]}')
  .option('--post <spec>', 'key:English label:Hindi label:min:max (repeat it, in order)', templatePost)
  .option('--reset', "drop the wing's own template: its units follow the default again")
  .action((level: string, opts: { wing: string; file?: string; post?: unknown[]; reset?: boolean }) =>
    withDatabase('post-templates set', async (ctx) => {
      if (opts.reset) {
        if (opts.file || opts.post) throw new Error('--reset takes no posts');
        printTemplate(await resetWingTemplate(ctx, opts.wing, level));
        return;
      }
      if (Boolean(opts.file) === Boolean(opts.post)) throw new Error('give the posts with either --file or --post (not both)');
      const raw: unknown = opts.file ? JSON.parse(fs.readFileSync(opts.file, 'utf8')) : { posts: opts.post };
      const body = ZPostTemplateBody.safeParse(raw);
      if (!body.success) {
        for (const issue of body.error.issues) console.error(`${issue.path.join('.') || 'posts'}: ${issue.message}`);
        console.error('nothing was changed.');
        process.exitCode = 1;
        return;
      }
      printTemplate(await setPostTemplate(ctx, opts.wing, level, body.data));
    }),
  );

const users = program.command('users').description('logins and their roles');
users
  .command('create')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>')
  .requiredOption('--role <role>', ROLES.join(' | '), (v: string) => {
    if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
    return v as TRole;
  })
  .option('--unit <id>', 'unit whose subtree the role covers', positiveInt)
  .option('--wing <key>', 'without --unit: the wing whose national unit the role covers', 'main')
  .option('--display-name <name>')
  .option('--locale <locale>', 'en or hi', 'en')
  .option('--person <id>', 'the person this login is (their assignments reach them)', positiveInt)
  .action(
    async (opts: {
      username: string;
      password: string;
      role: TRole;
      unit?: number;
      wing: string;
      displayName?: string;
      locale: string;
      person?: number;
    }) =>
      withDatabase('users create', async (ctx) => {
        if (opts.password.length < 8) throw new Error('the password must have at least 8 characters');
        const u = await createUser(ctx, {
          username: opts.username,
          password: opts.password,
          role: opts.role,
          unitId: opts.unit,
          wing: opts.wing,
          displayName: opts.displayName,
          locale: opts.locale === 'hi' ? 'hi' : 'en',
        });
        console.log(`created user ${u.username} (id ${u.id}) as ${u.role}${u.unitId ? ` over unit ${u.unitId}` : ''}`);
        if (opts.person !== undefined) {
          await setUserPerson(ctx, u.id, opts.person);
          console.log(`user ${u.username} is person ${opts.person}`);
        }
      }),
  );

program
  .command('demo')
  .description('load the demo organisation (all states scaffolded, demo booths, logins)')
  .action(async () =>
    withDatabase('demo', async (ctx) => {
      const exists = await ctx.db.selectFrom('app_user').select('id').where('username', '=', DEMO_LOGIN.username).executeTakeFirst();
      if (exists) {
        console.log('the demo organisation is already loaded');
        return;
      }
      await seedDemo(ctx);
      console.log(`demo loaded; log in as ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}`);
    }),
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof AppError) {
    console.error(err.render('en'));
    process.exit(1);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
