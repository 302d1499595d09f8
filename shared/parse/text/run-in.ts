import type { RawBlock } from '../raw-block';
import { isTitleLike } from './line-kinds';

/**
 * A run-in heading: a short title-like label, a colon, then the paragraph it heads ("ESSENTIAL ALLIANCE
 * AND FRIENDSHIP: The United States and …", "The Development Challenge: Three national interests …").
 * The label has two to eight words; the rest must be a sentence of its own (capitalized, six words or more).
 */
const RUN_IN = /^([^:]{3,80}):\s+(\p{Lu}.*)$/su;
/** Labels that introduce a remark, not a section. */
const NOT_A_SECTION =
  /^(?:note|notes|source|sources|photo|please note|editor['’]s note|update|correction)$/iu;

export function splitRunInHeading(text: string): RawBlock[] {
  const match = RUN_IN.exec(text);
  const label = match?.[1]?.trim();
  const rest = match?.[2];
  if (label === undefined || rest === undefined || !isRunInLabel(label) || !/(?:\S+\s+){5}\S/u.test(rest)) {
    return [{ kind: 'paragraph', text }];
  }
  return [
    { kind: 'heading', text: label, level: 2 },
    { kind: 'paragraph', text: rest },
  ];
}

function isRunInLabel(label: string): boolean {
  const words = label.split(/\s+/u).length;
  return words >= 2 && words <= 8 && !NOT_A_SECTION.test(label) && isTitleLike(label) && !/\d/u.test(label);
}
