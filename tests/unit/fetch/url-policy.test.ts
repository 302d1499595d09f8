import { FetchError } from '../../../shared/errors';
import { checkUrl, isHostAllowed } from '../../../shared/fetch/url-policy';

const ALLOWED = ['www.state.gov', 'state.gov', '127.0.0.1'];

function refusal(url: string): FetchError {
  try {
    checkUrl(url, ALLOWED);
  } catch (err) {
    return err as FetchError;
  }
  throw new Error(`${url} was accepted`);
}

describe('checkUrl', () => {
  it('accepts http and https URLs on allowlisted hosts', () => {
    expect(checkUrl('https://www.state.gov/u-s-relations-with-mali/', ALLOWED).hostname).toBe(
      'www.state.gov',
    );
    expect(checkUrl('http://127.0.0.1:8080/x', ALLOWED).port).toBe('8080');
    expect(checkUrl('https://WWW.State.GOV./a', ALLOWED).pathname).toBe('/a');
  });

  it.each([
    'file:///etc/passwd',
    'ftp://state.gov/x',
    'gopher://state.gov/',
    'data:text/plain,hi',
    'javascript:alert(1)',
  ])('refuses the scheme of %s', (url) => {
    const err = refusal(url);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.reason).toBe('scheme');
    expect(err.message).toMatch(/only http and https/);
  });

  it('refuses hosts off the allowlist, including look-alike suffixes', () => {
    for (const url of [
      'https://evil.example/',
      'https://evilstate.gov/',
      'https://state.gov.evil.example/',
    ]) {
      const err = refusal(url);
      expect(err.reason).toBe('host-not-allowed');
      expect(err.message).toContain('not on the allowlist');
    }
  });

  it('refuses credentials in the URL and text that is no URL', () => {
    expect(refusal('https://user:pw@state.gov/').reason).toBe('scheme');
    expect(refusal('not a url').reason).toBe('scheme');
  });

  it('matches hosts exactly, case-insensitively', () => {
    expect(isHostAllowed('state.gov', ['State.gov'])).toBe(true);
    expect(isHostAllowed('sub.state.gov', ['state.gov'])).toBe(false);
  });
});
