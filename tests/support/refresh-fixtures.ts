/**
 * Shared pieces of the refresh integration suites: the fact sheet the origin serves (the parser helper's
 * HTML fixture when present, else the text one), an S3 record for the ingest handler, and the scheduled event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from './fixtures';

const SHEETS = fixturePath('sheets');

export interface ServedSheet {
  contentType: 'text/html' | 'text/plain';
  extension: 'html' | 'txt';
  body: string;
  /** The same sheet with one more paragraph holding a new figure. */
  revised: string;
}

export function servedSheet(): ServedSheet {
  const extra = 'In FY 2024, the United States provided $7 million in additional assistance to Mali.';
  const html = join(SHEETS, 'mali.html');
  if (existsSync(html)) {
    const body = readFileSync(html, 'utf8');
    const at = body.lastIndexOf('</p>');
    const revised =
      at === -1 ? `${body}<p>${extra}</p>` : `${body.slice(0, at + 4)}<p>${extra}</p>${body.slice(at + 4)}`;
    return { contentType: 'text/html', extension: 'html', body, revised };
  }
  const body = readFileSync(join(SHEETS, 'mali.txt'), 'utf8');
  return { contentType: 'text/plain', extension: 'txt', body, revised: `${body.trimEnd()}\n\n${extra}\n` };
}

export function scheduledEventFixture(): Record<string, unknown> {
  return JSON.parse(readFileSync(fixturePath('events/eventbridge/scheduled.json'), 'utf8'));
}
