/**
 * Made-up sheets for cross-sheet figure queries: sheet `i` has a country from a short rotation (one of
 * them spelled with "The", some with none), a money figure for one fiscal year, a money figure over a
 * fiscal span on every third sheet, a percent and a count. Offsets are honest (`text.slice(start, end)`).
 */
import type { Figure, ParsedSheet, Period } from '../../shared/model';

export const COUNTRIES = ['Mali', 'Kenya', 'The Gambia', null, 'Peru'] as const;

interface Spec {
  kind: Figure['kind'];
  value: number;
  unit: string;
  text: string;
  sentence: string;
  period?: Period;
}

export function syntheticId(i: number): string {
  return `s${String(i).padStart(4, '0')}`;
}

export function syntheticSheet(i: number, revision = 1): ParsedSheet {
  const id = syntheticId(i);
  const country = COUNTRIES[i % COUNTRIES.length] ?? null;
  const year = 2010 + (i % 12);
  const amount = 10 + i + revision;
  const specs: Spec[] = [
    {
      kind: 'money',
      value: amount * 1_000_000,
      unit: 'USD',
      text: `$${amount} million`,
      sentence: `Assistance totaled $${amount} million in FY ${year}.`,
      period: { fiscalYear: year },
    },
    {
      kind: 'percent',
      value: i % 100,
      unit: '%',
      text: `${i % 100} percent`,
      sentence: `About ${i % 100} percent went to health, "quoted", with a comma.`,
    },
    {
      kind: 'count',
      value: 1000 + i,
      unit: 'people',
      text: `${1000 + i} people`,
      sentence: `Programs reached ${1000 + i} people.`,
    },
  ];
  if (i % 3 === 0) {
    specs.push({
      kind: 'money',
      value: 5_000_000,
      unit: 'USD',
      text: '$5 million',
      sentence: 'Since FY 2011 through FY 2020, $5 million went to schools.',
      period: { fiscalYearFrom: 2011, fiscalYearTo: 2020 },
    });
  }
  const heading = 'Assistance';
  let text = `U.S. Relations With ${country ?? id}\n${heading}\n`;
  const sectionStart = text.indexOf(heading);
  const figures: Figure[] = specs.map((spec, n) => {
    const sentenceStart = text.length;
    text += `${spec.sentence}\n`;
    const start = sentenceStart + spec.sentence.indexOf(spec.text);
    return {
      id: `f${n + 1}`,
      kind: spec.kind,
      value: spec.value,
      unit: spec.unit,
      text: spec.text,
      start,
      end: start + spec.text.length,
      ...(spec.period && { period: spec.period }),
      sectionId: 'assistance',
      sentence: spec.sentence,
    };
  });
  return {
    id,
    title: `U.S. Relations With ${country ?? id}`,
    country,
    bureau: null,
    publishedOn: '2024-01-15',
    parserVersion: 'test-1',
    sourceHash: String(i % 10).repeat(64),
    contentType: 'text/plain',
    text,
    sections: [
      {
        id: 'assistance',
        heading,
        level: 2,
        start: sectionStart,
        end: text.length,
        blocks: specs.map((s) => ({ type: 'paragraph' as const, text: s.sentence })),
      },
    ],
    figures,
  };
}
