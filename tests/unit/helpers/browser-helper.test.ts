import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChromium } from '../../helpers/browser.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it is set, before any installed browser', () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    expect(findChromium()).toBe(process.execPath);
    expect(findChromium(['/usr/bin/chromium'])).toBe(process.execPath);
  });

  it('throws, naming the path and how to get a browser, when CHROMIUM_PATH points nowhere', () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    expect(() => findChromium()).toThrow('CHROMIUM_PATH is "/nonexistent/chromium", which does not exist.');
    expect(() => findChromium()).toThrow('sudo apt-get install -y chromium');
    expect(() => findChromium()).toThrow('set CHROMIUM_PATH to any Chromium or Chrome binary');
  });

  it('throws when CHROMIUM_PATH names a file that cannot be run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-chromium-'));
    try {
      const file = join(dir, 'chromium');
      await writeFile(file, '', { mode: 0o644 });
      vi.stubEnv('CHROMIUM_PATH', file);
      expect(() => findChromium()).toThrow('which is not executable');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([undefined, '', '  '])(
    'without CHROMIUM_PATH (%j), takes the first candidate that exists',
    (value) => {
      vi.stubEnv('CHROMIUM_PATH', value);
      expect(findChromium(['/nonexistent/chromium', process.execPath, '/bin/sh'])).toBe(process.execPath);
    },
  );

  it('throws with the paths it tried and how to get a browser when none exists', () => {
    vi.stubEnv('CHROMIUM_PATH', undefined);
    expect(() => findChromium(['/nonexistent/a', '/nonexistent/b'])).toThrow(
      'none of /nonexistent/a, /nonexistent/b exists. Install Debian’s Chromium with `sudo apt-get install -y chromium`',
    );
  });
});
