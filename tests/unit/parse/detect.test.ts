import { detectContentType } from '../../../shared/parse/detect';

describe('detectContentType', () => {
  it.each([
    '<!DOCTYPE html><html><body><p>x</p></body></html>',
    '  <!-- saved page -->\n<html lang="en"><body>x</body></html>',
    '<div class="entry-content"><p>Hello</p></div>',
    'Some preface\n<p>and a paragraph</p>',
  ])('detects HTML in %j', (source) => {
    expect(detectContentType(source)).toBe('text/html');
  });

  it.each([
    'U.S. Assistance to Mali\n\nThe United States provided $148 million.',
    'Costs rose 5% <over> the year; a < b and b > c.',
    'See <https://www.state.gov/> for more.',
  ])('treats %j as plain text', (source) => {
    expect(detectContentType(source)).toBe('text/plain');
  });
});
