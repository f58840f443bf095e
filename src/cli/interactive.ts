// --interactive: show each planned change (diff, why, scopes) and let a person choose.
import inquirer from 'inquirer';
import { createTwoFilesPatch } from 'diff';
import { Chalk } from 'chalk';
import type { FilePlan } from '../model/edit.js';
import { Interrupted } from '../model/errors.js';
import type { Site } from '../model/site.js';
import { applyEdits } from '../plan/splice.js';
import { maskAll } from '../scan/text/secret.js';

type Answer = 'apply' | 'skip' | 'file' | 'all' | 'quit';

export async function chooseInteractively(plans: FilePlan[], sites: Site[], opts: { color: boolean; showSecrets: boolean }): Promise<Set<string>> {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const byId = new Map(sites.map((s) => [s.id, s]));
  const accepted = new Set<string>();
  const total = plans.reduce((n, p) => n + p.edits.length, 0);
  let k = 0;
  let all = false;
  for (const plan of plans) {
    let restOfFile = false;
    for (const group of plan.edits) {
      k++;
      if (all || restOfFile) { accepted.add(group.siteId); continue; }
      const site = byId.get(group.siteId);
      const after = applyEdits(plan.before, group.edits);
      let diff = createTwoFilesPatch('a/' + plan.file, 'b/' + plan.file, plan.before, after, '', '', { context: 2 })
        .split('\n').slice(2).join('\n');
      if (!opts.showSecrets) diff = maskAll(diff);
      const colored = diff.split('\n').map((l) => (l.startsWith('+') ? c.green(l) : l.startsWith('-') ? c.red(l) : l.startsWith('@@') ? c.cyan(l) : l)).join('\n');
      const scopes = [...new Set(site?.requests.flatMap((r) => r.scopes) ?? [])];
      process.stdout.write(`\n${c.bold(`[${k}/${total}] ${plan.file}:${site?.line ?? '?'}`)}  ${site?.pattern ?? ''}\n${site?.message ?? ''}\n`
        + (scopes.length ? `scopes: ${scopes.join(', ')}\n` : '') + colored + '\n');
      const { answer } = await ask(inquirer.prompt<{ answer: Answer }>([{
        type: 'expand',
        name: 'answer',
        message: 'Apply this change?',
        default: 'y',
        choices: [
          { key: 'y', name: 'apply', value: 'apply' },
          { key: 'n', name: 'skip', value: 'skip' },
          { key: 'f', name: 'apply the rest of this file', value: 'file' },
          { key: 'a', name: 'apply all remaining changes', value: 'all' },
          { key: 'q', name: 'quit (keep what was accepted)', value: 'quit' },
        ],
      }]));
      if (answer === 'quit') return accepted;
      if (answer === 'skip') continue;
      accepted.add(group.siteId);
      if (answer === 'file') restOfFile = true;
      if (answer === 'all') all = true;
    }
  }
  return accepted;
}

/** Ctrl-C at a prompt: stop without writing anything (inquirer rejects with ExitPromptError). */
async function ask<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if ((e as Error).name === 'ExitPromptError') throw new Interrupted();
    throw e;
  }
}
