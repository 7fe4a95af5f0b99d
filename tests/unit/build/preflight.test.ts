/** scripts/preflight.mjs, run as the npm scripts run it: one clear line and exit 1, never a stack trace. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/project.ts';

const scratch = mkdtempSync(join(tmpdir(), 'preflight-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A module loaded before the script that makes this Node report another version. */
function nodeReporting(version: string): string {
  const file = join(scratch, `node-${version}.mjs`);
  writeFileSync(
    file,
    `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });\n`,
  );
  return file;
}

function preflight(
  args: string[],
  { version, env = {} }: { version?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const run = spawnSync(
    process.execPath,
    [...(version ? ['--import', nodeReporting(version)] : []), 'scripts/preflight.mjs', ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('preflight', () => {
  it.each(['20.20.2', '22.11.0', '18.0.0'])(
    'Node %s: one line naming the version and what to do, exit 1',
    (version) => {
      const { status, stderr } = preflight([], { version });
      expect(status).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`this is Node ${version}`);
      expect(stderr).toMatch(/needs Node 22\.12 or later/u);
      expect(stderr).not.toMatch(/^\s+at /mu);
    },
  );

  it.each(['22.12.0', '24.0.0'])('Node %s passes', (version) => {
    expect(preflight([], { version }).status).toBe(0);
  });

  it('names each missing program with its Debian package, one line each, without installing it', () => {
    const { status, stderr } = preflight(['--test'], {
      env: {
        PATH: join(scratch, 'empty'),
        BROADSHEET_PREFLIGHT_INSTALL: '0',
        BROADSHEET_PREFLIGHT_ROOT: join(scratch, 'empty'),
        CHROMIUM_PATH: '/usr/bin/true',
      },
    });
    expect(status).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/needs programs this machine does not have/u);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^- Firefox ESR, .*apt-get install firefox-esr /u),
      expect.stringMatching(/^- WebKitWebDriver and MiniBrowser, .*apt-get install webkit2gtk-driver /u),
      expect.stringMatching(/^- xvfb-run, .*apt-get install xvfb /u),
      expect.stringMatching(/^- Java, .*apt-get install default-jre-headless /u),
    ]);
  });
});
