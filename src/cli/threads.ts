/**
 * A second file read, checked and counted in a thread of its own while the sales file streams on the main
 * thread: at a million rows the two files' work overlaps on two cores instead of adding up. The thread sends
 * back only what the build needs of its file (the checks, the series, the rows it left out: kilobytes, never
 * its columns), so what is sent costs nothing beside the reading it saves.
 *
 * Only the bundled command line (dist/cli.js, which the thread runs too) on a machine with two cores or more
 * uses a thread, and only for a file large enough to be worth one (THREAD_MIN_BYTES); the sales file is always
 * read on the main thread (target health reads its rep column there). Anything else the thread meets — a
 * crash, no answer — falls back to reading the file on the main thread, so a thread never changes an answer:
 * tests/cli/threads.test.ts runs the bundle both ways and compares every byte of the output.
 */
import { readlinkSync, statSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { MessageChannel, type MessagePort, Worker, isMainThread, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { type SourceColumns, sourceSeriesOf } from '../core/scorecard/compute';
import { type SourceSeries } from '../core/sources/sourceSeries';
import { type Source } from '../core/scorecard/measures';
import { type SourceReviewPart, reviewSource } from '../core/scorecard/plausibility';
import { type DateOptions } from '../core/values/date';
import { parsePeriod } from '../core/time/periods';
import { RUNTIME_ZONE } from '../core/time/zone';
import { InputError } from '../core/values/errors';
import { type Bytes, fileBytes } from './decode';
import { loadFile } from './source';

/** Below this size a file is read on the main thread: starting a thread (about 50 ms) would cost more than it saves. */
export const THREAD_MIN_BYTES = 4 * 1024 * 1024;

/** What a thread is asked: read one file and review it as the main thread would. */
export interface ReviewJob {
  readonly path: string;
  readonly kind: Source;
  readonly maps: Readonly<Record<string, string>>;
  readonly period: string;
  readonly monthFirst: boolean;
}

/** What the build needs of a file reviewed in a thread. */
export interface ReviewedFile {
  /** --map roles naming a header this file does not have. */
  readonly unused: string[];
  /** The file as the build reads it, without its columns (it is counted already): its name, rows left out, lines. */
  readonly source: SourceColumns;
  readonly review: SourceReviewPart;
  /**
   * When the review did not count it (its dates failed a check, which --accept can let through): what the
   * build would count, or the error it would meet.
   */
  readonly build: { readonly series: SourceSeries | null; readonly error: string | null } | null;
}

/** What comes back: the file, or the error its reading threw (an InputError's message: the user's to act on). */
type Answer = { readonly file: ReviewedFile } | { readonly inputError: string };

/** Reads and reviews one file: what a thread runs, and what the main thread runs when it has no thread. */
export function reviewFile(job: ReviewJob, open: (path: string) => Bytes = fileBytes): ReviewedFile {
  const file = loadFile(job.path, job.kind, job.maps, () => open(job.path));
  const dates: DateOptions = { zone: RUNTIME_ZONE, monthFirst: job.monthFirst };
  const review = reviewSource(job.kind, file.loaded, job.path, parsePeriod(job.period), dates);
  let build: ReviewedFile['build'] = null;
  if (review.fit.some((p) => p.check === 'date-unreadable')) {
    try {
      build = { series: sourceSeriesOf({ [job.kind]: file.source }, parsePeriod(job.period), dates)[job.kind] ?? null, error: null };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      build = { series: null, error: e.message };
    }
  }
  const { name, skipped, rows } = file.source;
  return { unused: file.unused, source: { name, columns: {}, skipped, rows }, review, build };
}

/** Whether this command line can give a file to a thread: it runs from the bundle, on more than one core. */
export function threadsAvailable(): boolean {
  // LEADLAG_THREADS=0: never; =1: even on one core (tests).
  const asked = process.env.LEADLAG_THREADS;
  if (asked === '0') return false;
  return __filename.endsWith('.js') && (asked === '1' || availableParallelism() > 1);
}

/** Whether the file is worth a thread (LEADLAG_THREAD_MIN_BYTES sets the size, for tests). */
export function worthAThread(path: string): boolean {
  const min = Number(process.env.LEADLAG_THREAD_MIN_BYTES ?? THREAD_MIN_BYTES);
  try {
    return statSync(path).size >= min;
  } catch {
    return false; // the main thread says why it cannot be read
  }
}

/** A file being reviewed in a thread; `take` blocks until its answer is there. */
export interface PendingReview {
  /** The answer; null when the thread gave none (the caller reads the file itself). Throws the file's InputError. */
  take(): ReviewedFile | null;
}

/** How long a thread may go without reading a chunk of its file (or answering) before it is taken for dead. */
const SILENCE_MS = 60_000;
/** How long a thread may take to start (it beats once when it runs; it takes about 0.1 s): one that fails to start never beats. */
const START_MS = 10_000;

/** Starts a thread on the job, or returns null when none can start. */
export function startReview(job: ReviewJob): PendingReview | null {
  // [0]: 1 when the answer is posted; [1]: chunks read so far (the thread's heartbeat).
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(__filename, { workerData: { leadlagReview: job, port: port2, signal }, transferList: [port2] });
  } catch {
    return null;
  }
  worker.unref();
  worker.on('error', () => {}); // a crash is noticed by its silence, and the file read on the main thread
  return {
    take() {
      let beats = Atomics.load(signal, 1);
      let quiet = 0;
      while (Atomics.load(signal, 0) === 0) {
        Atomics.wait(signal, 0, 0, 1000);
        const now = Atomics.load(signal, 1);
        quiet = now === beats ? quiet + 1000 : 0;
        beats = now;
        if (quiet >= (beats === 0 ? START_MS : SILENCE_MS)) break;
      }
      const got = receiveMessageOnPort(port1) as { message: Answer } | undefined;
      port1.close();
      void worker.terminate();
      // For tests: say which files a thread answered for (the output is the same either way, by design).
      if (process.env.LEADLAG_THREAD_REPORT === '1')
        process.stderr.write(`leadlag: ${job.path}: ${got ? 'read in a thread' : 'no answer from its thread'}\n`);
      if (!got) return null;
      if ('inputError' in got.message) throw new InputError(got.message.inputError);
      return got.message.file;
    },
  };
}

/** The thread's side: review the file, beat on every chunk read, post the answer and say so. */
function serve(job: ReviewJob, port: MessagePort, signal: Int32Array): void {
  Atomics.add(signal, 1, 1); // started
  // However the thread ends (an answer, an error it did not expect, process.exit), the main thread stops
  // waiting; with no answer posted it reads the file itself.
  process.on('exit', () => {
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
  // For tests: a thread that fails as a bug would (tests/cli/threads.test.ts).
  if (process.env.LEADLAG_THREAD_FAULT === '1') throw new Error('a fault, as asked by LEADLAG_THREAD_FAULT');
  yieldToMain();
  const beating = (path: string): Bytes => {
    const bytes = fileBytes(path);
    return {
      size: () => bytes.size(),
      read: (buf, position) => {
        Atomics.add(signal, 1, 1);
        return bytes.read(buf, position);
      },
      close: () => bytes.close(),
    };
  };
  let answer: Answer | null = null;
  try {
    answer = { file: reviewFile(job, beating) };
  } catch (e) {
    // An InputError is the file's own (the main thread throws it as it would have); anything else: no answer.
    if (e instanceof InputError) answer = { inputError: e.message };
  }
  if (answer) port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/**
 * On Linux a thread has a niceness of its own: this one gives way to the main thread (and its collector's
 * helpers) when they want the core, so that reading the sales file is not slowed by this one's work.
 */
function yieldToMain(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // not Linux, or not allowed: the thread runs at the same priority
  }
}

interface ThreadData {
  readonly leadlagReview: ReviewJob;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

const data = workerData as Partial<ThreadData> | null;
if (!isMainThread && data?.leadlagReview && data.port && data.signal) serve(data.leadlagReview, data.port, data.signal);
