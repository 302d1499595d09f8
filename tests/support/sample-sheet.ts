/** A small hand-built ParsedSheet (two revisions) for router tests that do not need the parser. */
import type { ParsedSheet } from '../../shared/model';

const TEXT_V1 = 'U.S. Relations With Testland\nAssistance\nThe U.S. provided $148 million in FY 2021.';
const TEXT_V2 = 'U.S. Relations With Testland\nAssistance\nThe U.S. provided $150 million in FY 2021.';

export function sampleSheet(id: string, version: 1 | 2 = 1): ParsedSheet {
  const text = version === 1 ? TEXT_V1 : TEXT_V2;
  const moneyText = version === 1 ? '$148 million' : '$150 million';
  const start = text.indexOf(moneyText);
  const fy = text.indexOf('FY 2021');
  return {
    id,
    title: 'U.S. Relations With Testland',
    country: 'Testland',
    bureau: null,
    publishedOn: null,
    parserVersion: 'test-1',
    sourceHash: `${version}`.repeat(64),
    contentType: 'text/plain',
    text,
    sections: [
      {
        id: 'lead',
        heading: null,
        level: 1,
        start: 0,
        end: 28,
        blocks: [{ type: 'paragraph', text: 'U.S. Relations With Testland' }],
      },
      {
        id: 'assistance',
        heading: 'Assistance',
        level: 2,
        start: 29,
        end: text.length,
        blocks: [{ type: 'paragraph', text: text.slice(40) }],
      },
    ],
    figures: [
      {
        id: 'f1',
        kind: 'money',
        value: version === 1 ? 148_000_000 : 150_000_000,
        unit: 'USD',
        text: moneyText,
        start,
        end: start + moneyText.length,
        period: { fiscalYear: 2021 },
        sectionId: 'assistance',
        sentence: text.slice(40),
      },
      {
        id: 'f2',
        kind: 'date',
        value: '2021',
        fiscal: true,
        text: 'FY 2021',
        start: fy,
        end: fy + 7,
        sectionId: 'assistance',
        sentence: text.slice(40),
      },
    ],
  };
}
