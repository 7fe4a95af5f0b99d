/** A missing browser fails the cross-engine tests with the apt-get line that brings it; it never skips. */
import { describe, expect, it } from 'vitest';
import { launchFirefox } from '../../helpers/engines/firefox.ts';
import { launchWebKit } from '../../helpers/engines/webkit.ts';

describe('a missing engine', () => {
  it('Firefox ESR: names the path and the Debian package', async () => {
    const launched = launchFirefox('/nonexistent/firefox-esr');
    await expect(launched).rejects.toThrow('/nonexistent/firefox-esr does not exist');
    await expect(launched).rejects.toThrow('sudo apt-get install firefox-esr');
  });

  it.each([
    ['WebKitWebDriver', { driver: '/nonexistent/WebKitWebDriver' }, '/nonexistent/WebKitWebDriver'],
    ['xvfb-run', { xvfbRun: '/nonexistent/xvfb-run' }, '/nonexistent/xvfb-run'],
    [
      'MiniBrowser',
      { miniBrowsers: ['/nonexistent/a/MiniBrowser', '/nonexistent/b/MiniBrowser'] },
      '/nonexistent/a/MiniBrowser, /nonexistent/b/MiniBrowser',
    ],
  ])('WebKit without %s: names the path and the Debian packages', async (_, paths, named) => {
    const launched = launchWebKit(paths);
    await expect(launched).rejects.toThrow(`${named} does not exist`);
    await expect(launched).rejects.toThrow('sudo apt-get install webkit2gtk-driver xvfb');
  });
});
