/**
 * The README and the guides in docs/: the README stays a front door, and every relative link in them
 * leads to a file that exists, and to a heading that exists when it names one.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Link, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/project.ts';

const parse = (file: string): Root =>
  fromMarkdown(readFileSync(file, 'utf8'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name));

const DOCS = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

/** The anchors GitHub gives a Markdown file's headings. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(parse(file), 'heading', (node: Heading) => {
    anchors.add(slugger.slug(toString(node)));
  });
  return anchors;
}

/** What is wrong with each relative link of `file`, for a person. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  visit(parse(file), 'link', (node: Link) => {
    if (/^[a-z][a-z\d+.-]*:/iu.test(node.url)) return;
    const [path = '', fragment] = node.url.split('#');
    const target = path === '' ? file : join(dirname(file), decodeURIComponent(path));
    const where = `${relative(ROOT, file)}: "${node.url}"`;
    if (!existsSync(target)) problems.push(`${where}: no file ${relative(ROOT, target)}`);
    else if (
      fragment &&
      statSync(target).isFile() &&
      target.endsWith('.md') &&
      !anchorsOf(target).has(fragment)
    )
      problems.push(`${where}: no heading #${fragment} in ${relative(ROOT, target)}`);
  });
  return problems;
}

describe('the README and docs/', () => {
  it('the README is a front door of at most 250 lines', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(
      250,
    );
  });

  it('has the guides the README points to', () => {
    for (const guide of [
      'editing',
      'importer',
      'features',
      'testing',
      'deploying',
      'performance',
      'architecture',
    ]) {
      expect(existsSync(join(ROOT, 'docs', `${guide}.md`)), guide).toBe(true);
    }
  });

  it.each(DOCS.map((file) => [relative(ROOT, file), file]))(
    'every relative link in %s resolves',
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );

  it('finds a broken link and a missing heading', () => {
    const problems = brokenLinks(join(ROOT, 'tests/fixtures/docs/broken-links.md'));
    expect(problems).toEqual([
      expect.stringMatching(/"missing\.md": no file tests\/fixtures\/docs\/missing\.md$/u),
      expect.stringMatching(/"#no-such-heading": no heading #no-such-heading/u),
    ]);
  });
});
