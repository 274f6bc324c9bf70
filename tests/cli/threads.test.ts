/**
 * The command line gives a second file to a thread (src/cli/threads.ts) only if that changes nothing: the
 * bundle is run both ways on the same files, and its output, messages and exit code must be the same bytes.
 * LEADLAG_THREADS=1 with LEADLAG_THREAD_MIN_BYTES=1 gives every file but sales a thread, however small and on any
 * machine; LEADLAG_THREADS=0 none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'leadlag.js');
const data = (f: string) => join(root, 'examples', 'data', f);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function leadlag(args: string[], threads: boolean): Run {
  const env = {
    ...process.env,
    TZ: 'Europe/London',
    LEADLAG_THREAD_REPORT: '1',
    ...(threads ? { LEADLAG_THREADS: '1', LEADLAG_THREAD_MIN_BYTES: '1' } : { LEADLAG_THREADS: '0' }),
  };
  const p = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: p.status, stdout: p.stdout, stderr: p.stderr };
}

/** Both ways, with the threads' reports taken out of the messages; and which files a thread read. */
function bothWays(args: string[]): { threaded: Run; single: Run; inThreads: string[] } {
  const threaded = leadlag(args, true);
  const single = leadlag(args, false);
  const report = /^leadlag: (.*): read in a thread\n/gm;
  const inThreads = [...threaded.stderr.matchAll(report)].map((m) => m[1]);
  return { threaded: { ...threaded, stderr: threaded.stderr.replace(report, '') }, single, inThreads };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'leadlag-threads-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file read in a thread gives the same scorecard as one read on the main thread', () => {
  test('the example data, feedback and reviews in threads: the same JSON and the same table', () => {
    for (const json of [true, false]) {
      const args = ['scorecard', '--sales', data('sales.csv'), '--feedback', data('feedback.csv'), '--reviews', data('reviews.csv')];
      const { threaded, single, inThreads } = bothWays(json ? [...args, '--json'] : args);
      expect(inThreads).toEqual([data('feedback.csv'), data('reviews.csv')]);
      expect(single.status).toBe(0);
      expect(threaded).toEqual(single);
      if (json) expect(JSON.parse(threaded.stdout).measures.length).toBeGreaterThan(5);
    }
  });

  test('a file that holds the wrong kind of data stops with the same message', () => {
    const { threaded, single, inThreads } = bothWays(['scorecard', '--sales', data('sales.csv'), '--feedback', data('reviews.csv')]);
    expect(inThreads).toEqual([data('reviews.csv')]);
    expect(single.status).toBe(2);
    expect(single.stderr).toMatch(/holds .*online reviews/);
    expect(threaded).toEqual(single);
  });

  test('dates that cannot be read: the same check, and with --accept the same error from the build', () => {
    const lines = readFileSync(data('feedback.csv'), 'utf8').split('\n');
    const broken = lines.map((l, i) => (i === 5 ? l.replace(/^[^,]*/, '31/31/2026') : i === 9 ? l.replace(/^[^,]*/, 'next Tuesday') : l));
    const path = join(dir, 'feedback-bad-dates.csv');
    writeFileSync(path, broken.join('\n'));
    for (const accept of [[], ['--accept', 'date-unreadable']]) {
      const { threaded, single, inThreads } = bothWays(['scorecard', '--sales', data('sales.csv'), '--feedback', path, ...accept]);
      expect(inThreads).toEqual([path]);
      expect(single.status).toBe(2);
      expect(threaded).toEqual(single);
    }
  });

  test('--map: a header only the thread’s file has counts as found; one no file has is refused the same way', () => {
    const header = readFileSync(data('feedback.csv'), 'utf8').split('\n')[0].split(',')[1];
    for (const map of [`customer=${header}`, 'customer=No such column']) {
      const { threaded, single } = bothWays([
        'scorecard',
        '--sales',
        data('sales.csv'),
        '--feedback',
        data('feedback.csv'),
        '--map',
        map,
        '--json',
      ]);
      expect(threaded).toEqual(single);
    }
  });

  test('a file the thread cannot load (no header row) fails with the main thread’s message', () => {
    const path = join(dir, 'feedback-no-header.csv');
    writeFileSync(path, '1,2,3\n4,5,6\n');
    const { threaded, single } = bothWays(['scorecard', '--sales', data('sales.csv'), '--feedback', path]);
    expect(single.status).toBe(2);
    expect(threaded).toEqual(single);
  });

  test('files given feedback first: the thread reads meanwhile, and the first file that fails is the one named', () => {
    const bad = join(dir, 'no-header.csv');
    writeFileSync(bad, '1,2,3\n4,5,6\n');
    for (const [feedback, sales] of [
      [data('feedback.csv'), data('sales.csv')],
      [data('feedback.csv'), bad],
      [bad, bad],
    ]) {
      const { threaded, single } = bothWays(['scorecard', '--feedback', feedback, '--sales', sales, '--json']);
      expect(threaded).toEqual(single);
      if (sales === bad) expect(single.stderr).toContain(bad);
    }
  });

  test('a thread that fails (a bug, a crash) is not waited for: the file is read on the main thread, with the same output', () => {
    const args = ['scorecard', '--sales', data('sales.csv'), '--feedback', data('feedback.csv'), '--json'];
    const t0 = Date.now();
    const failing = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      env: {
        ...process.env,
        TZ: 'Europe/London',
        LEADLAG_THREADS: '1',
        LEADLAG_THREAD_MIN_BYTES: '1',
        LEADLAG_THREAD_REPORT: '1',
        LEADLAG_THREAD_FAULT: '1',
      },
      encoding: 'utf8',
    });
    expect(Date.now() - t0).toBeLessThan(8000); // not the 10 s or 60 s a silent thread is given
    expect(failing.stderr).toContain(`leadlag: ${data('feedback.csv')}: no answer from its thread`);
    const single = leadlag(args, false);
    expect(failing.status).toBe(0);
    expect(failing.stdout).toBe(single.stdout);
  });

  test('the summary reads the feedback’s columns, so it keeps every file on the main thread', () => {
    const { threaded, single, inThreads } = bothWays([
      'scorecard',
      '--sales',
      data('sales.csv'),
      '--feedback',
      data('feedback.csv'),
      '--summary',
      '-',
    ]);
    expect(inThreads).toEqual([]);
    expect(threaded).toEqual(single);
  });
});
