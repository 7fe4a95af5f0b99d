/** The importer's report as text for a terminal: every decision, review items marked. */
import { basename } from 'node:path';
import { decisionsPath } from './decisions.ts';
import type { ImportReport } from './plan.ts';

const REVIEW = 'REVIEW ';

export function formatReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const joined = report.hyphens.filter((h) => h.result !== h.token).length;
  const review = report.hyphens.filter((h) => h.review).length;
  lines.push(
    `  hyphens: ${report.hyphens.length} found, ${joined} rejoined, ${report.hyphens.length - joined} kept, ${review} to review`,
  );
  for (const decision of report.hyphens) {
    for (const step of decision.steps) {
      const action = step.action === 'join' ? 'join' : 'keep';
      lines.push(
        `    ${decision.review ? REVIEW : ''}${action} ${decision.token} → ${decision.result}: ${step.reason} (${step.confidence})`,
      );
    }
    // In context, with both forms, so that an editor can settle it without opening the file.
    if (decision.review) {
      lines.push(`      in: “${decision.sentence ?? ''}”`);
      lines.push(
        `      printed: ${decision.result}; the other reading: ${decision.alternative ?? decision.token}`,
      );
    }
  }
  const editor = report.hyphens.filter((h) => h.editor).length;
  if (editor > 0)
    lines.push(`  hyphens decided by the editor in ${basename(decisionsPath(report.file))}: ${editor}`);
  if (review > 0)
    lines.push(
      `  to settle a REVIEW item, write “<token as published>: keep” (or join) in ${decisionsPath(report.file)} and import again`,
    );
  const groups = [
    ['spacing', 'space'],
    ['quotation marks', 'quote'],
    ['left as published', 'left-as-published'],
  ] as const;
  for (const [title, kind] of groups) {
    const repairs = report.repairs.filter((repair) => repair.kind === kind);
    if (repairs.length === 0) continue;
    lines.push(`  ${title}: ${repairs.length}`);
    for (const repair of repairs) {
      const change =
        repair.before === repair.after ? `“${repair.before}”` : `“${repair.before}” → “${repair.after}”`;
      lines.push(`    ${repair.review ? REVIEW : ''}${change}: ${repair.reason}`);
    }
  }
  for (const fact of report.inferred) lines.push(`  not from the source: ${fact}`);
  if (report.dropped.length > 0)
    lines.push(`  dropped after the body: ${report.dropped.length} lines, from “${report.dropped[0] ?? ''}”`);
  return lines;
}
