import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, type ListOptions } from '../../src/discover/list.js';
import { classify } from '../../src/discover/classify.js';
import { git, gitCommitAll, rm, tmpDir, writeTree } from './tree.js';

const ON: ListOptions = { gitignore: true, include: [], exclude: [] };
const OFF: ListOptions = { gitignore: false, include: [], exclude: [] };

const dirs: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const d = tmpDir();
  dirs.push(d);
  return writeTree(d, files);
}
afterEach(() => {
  while (dirs.length) rm(dirs.pop()!);
});

const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);
const skips = (r: { skipped: { file: string; reason: string }[] }) => r.skipped.map((s) => `${s.file} ${s.reason}`);

describe('classify', () => {
  it.each([
    ['src/a.js', 'js', 'code'],
    ['a.jsx', 'jsx', 'code'],
    ['a.mjs', 'js', 'code'],
    ['a.cjs', 'js', 'code'],
    ['a.ts', 'ts', 'code'],
    ['a.tsx', 'tsx', 'code'],
    ['a.mts', 'ts', 'code'],
    ['a.cts', 'ts', 'code'],
    ['A.TS', 'ts', 'code'],
    ['c/App.vue', 'vue', 'component'],
    ['c/App.svelte', 'svelte', 'component'],
    ['x.py', 'python', 'text'],
    ['x.php', 'php', 'text'],
    ['x.rb', 'ruby', 'text'],
    ['x.go', 'go', 'text'],
    ['X.java', 'java', 'text'],
    ['X.cs', 'csharp', 'text'],
    ['x.sh', 'shell', 'text'],
    ['x.bash', 'shell', 'text'],
    ['x.zsh', 'shell', 'text'],
    ['x.json', 'json', 'text'],
    ['HubSpot.postman_collection.json', 'json', 'text'],
    ['serverless.json', 'json', 'text'],
    ['now.json', 'json', 'text'],
    ['config.json', 'json', 'text'],
    ['x.yml', 'yaml', 'text'],
    ['x.yaml', 'yaml', 'text'],
    ['.env', 'env', 'text'],
    ['.env.local', 'env', 'text'],
    ['.env.template', 'env', 'text'],
    ['.env.example', 'env', 'text'],
    ['.sample.env', 'env', 'text'],
    ['deploy/prod.env', 'env', 'text'],
  ])('%s → %s/%s', (p, language, treatment) => {
    expect(classify(p)).toEqual({ language, treatment });
  });

  it.each(['README.md', 'logo.png', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'sub/package-lock.json', 'Makefile', 'a.css'])(
    '%s is not a candidate',
    (p) => {
      expect(classify(p)).toBeNull();
    },
  );
});

// A tree with every kind of default skip, candidates and non-candidates.
const SKIPS_TREE = {
  'src/a.ts': 'export const a = 1;\n',
  'src/App.vue': '<template/>\n',
  'src/lib/util.js': 'module.exports = 1;\n',
  'scripts/sync.py': 'print(1)\n',
  'config/app.yml': 'a: 1\n',
  '.env.example': 'HUBSPOT_API_KEY=\n',
  'README.md': '# hi\n',
  'package-lock.json': '{}\n',
  'yarn.lock': '\n',
  'pnpm-lock.yaml': 'lockfileVersion: 9\n',
  'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
  'node_modules/hubspot/index.js': 'x\n',
  'node_modules/hubspot/lib/deep/a.js': 'x\n',
  'packages/web/node_modules/left-pad/index.js': 'x\n',
  'vendor/jquery.js': 'x\n',
  'bower_components/lib/x.js': 'x\n',
  'dist/app.js': 'x\n',
  'build/app.js': 'x\n',
  'out/app.js': 'x\n',
  '.next/server/page.js': 'x\n',
  'coverage/lcov-report/a.js': 'x\n',
  'public/app.min.js': 'x\n',
  'public/app.bundle.js': 'x\n',
};
const SKIPS_FILES = ['.env.example', 'config/app.yml', 'scripts/sync.py', 'src/App.vue', 'src/a.ts', 'src/lib/util.js'];
const SKIPS_SKIPPED = [
  '.next/ build-output',
  'bower_components/ vendored',
  'build/ build-output',
  'coverage/ build-output',
  'dist/ build-output',
  'node_modules/ vendored',
  'out/ build-output',
  'packages/web/node_modules/ vendored',
  'public/app.bundle.js minified',
  'public/app.min.js minified',
  'vendor/ vendored',
];

describe('listFiles: default skips and classification', () => {
  it('walker: lists candidates only and skips vendored/build/minified with one entry per folder', async () => {
    const root = tree(SKIPS_TREE);
    const r = await listFiles(root, OFF);
    expect(r.via).toBe('walk');
    expect(paths(r)).toEqual(SKIPS_FILES);
    expect(skips(r)).toEqual(SKIPS_SKIPPED);
    for (const s of r.skipped) expect(s.message).toMatch(/\S.*\.$/);
  });

  it('git: tracked files under skipped folders give one entry per top folder; same list as the walker', async () => {
    const root = tree(SKIPS_TREE);
    gitCommitAll(root); // no .gitignore: node_modules, dist … are tracked
    const r = await listFiles(root, ON);
    expect(r.via).toBe('git');
    expect(paths(r)).toEqual(SKIPS_FILES);
    expect(skips(r)).toEqual(SKIPS_SKIPPED);
  });

  it('records size, language, treatment and absolute path', async () => {
    const root = tree({ 'src/a.ts': '12345', 'b.py': 'x', 'c/App.svelte': 'ab' });
    const r = await listFiles(root, OFF);
    expect(r.files).toEqual([
      { path: 'b.py', abs: path.join(root, 'b.py'), language: 'python', treatment: 'text', size: 1 },
      { path: 'c/App.svelte', abs: path.join(root, 'c/App.svelte'), language: 'svelte', treatment: 'component', size: 2 },
      { path: 'src/a.ts', abs: path.join(root, 'src/a.ts'), language: 'ts', treatment: 'code', size: 5 },
    ]);
  });

  it('never descends into .git, even with --no-gitignore', async () => {
    const root = tree({ 'a.js': 'x' });
    gitCommitAll(root);
    writeTree(root, { '.git/hooks/x.js': 'x', '.git/info/y.json': '{}' });
    const r = await listFiles(root, OFF);
    expect(paths(r)).toEqual(['a.js']);
  });
});

// Nested .gitignore files, one with a negation that re-includes what the root file ignores.
const IGNORE_TREE = {
  '.gitignore': 'node_modules\n*.generated.ts\nsecrets/\n.env\n',
  '.env': 'HUBSPOT_API_KEY=x\n',
  '.env.example': 'HUBSPOT_API_KEY=\n',
  'src/a.ts': 'x',
  'src/api.generated.ts': 'x',
  'secrets/keys.json': '{}',
  'node_modules/hubspot/index.js': 'x',
  'packages/a/.gitignore': '!api.generated.ts\n*.json\n!keep.json\ntmp/\n',
  'packages/a/api.generated.ts': 'x',
  'packages/a/other.generated.ts': 'x',
  'packages/a/data.json': '{}',
  'packages/a/keep.json': '{}',
  'packages/a/tmp/t.js': 'x',
  'packages/a/sub/deep.json': '{}',
  'packages/a/sub/.gitignore': '!deep.json\n',
  'packages/b/b.ts': 'x',
  'packages/b/data.json': '{}',
};
const IGNORE_FILES = [
  '.env.example',
  'packages/a/api.generated.ts',
  'packages/a/keep.json',
  'packages/a/sub/deep.json',
  'packages/b/b.ts',
  'packages/b/data.json',
  'src/a.ts',
];

describe('listFiles: .gitignore', () => {
  it('walker honours nested .gitignore files with negations', async () => {
    const root = tree(IGNORE_TREE);
    const r = await listFiles(root, ON);
    expect(r.via).toBe('walk');
    expect(paths(r)).toEqual(IGNORE_FILES);
    expect(r.skipped).toEqual([]); // an ignored node_modules is not even a skip
  });

  it('git ls-files (tracked + untracked) gives the same list as the walker', async () => {
    const root = tree(IGNORE_TREE);
    git(root, 'init', '-q');
    git(root, 'add', 'src', 'packages/a'); // some tracked, the rest untracked
    git(root, 'commit', '-q', '-m', 'part');
    const viaGit = await listFiles(root, ON);
    expect(viaGit.via).toBe('git');
    expect(paths(viaGit)).toEqual(IGNORE_FILES);
    expect(viaGit.skipped).toEqual([]);

    const copy = tree(IGNORE_TREE); // the same tree without git
    const viaWalk = await listFiles(copy, ON);
    expect(viaWalk.via).toBe('walk');
    expect(paths(viaWalk)).toEqual(paths(viaGit));
    expect(viaWalk.files.map((f) => f.size)).toEqual(viaGit.files.map((f) => f.size));
  });

  it('--no-gitignore lists ignored files (walker, even in a git repo) but still skips node_modules', async () => {
    const root = tree(IGNORE_TREE);
    gitCommitAll(root);
    const r = await listFiles(root, OFF);
    expect(r.via).toBe('walk');
    expect(paths(r)).toEqual([
      '.env',
      '.env.example',
      'packages/a/api.generated.ts',
      'packages/a/data.json',
      'packages/a/keep.json',
      'packages/a/other.generated.ts',
      'packages/a/sub/deep.json',
      'packages/a/tmp/t.js',
      'packages/b/b.ts',
      'packages/b/data.json',
      'secrets/keys.json',
      'src/a.ts',
      'src/api.generated.ts',
    ]);
    expect(skips(r)).toEqual(['node_modules/ vendored']);
  });

  it('drops files deleted from the work tree but still in the index', async () => {
    const root = tree({ 'a.js': 'x', 'b.js': 'y' });
    gitCommitAll(root);
    fs.unlinkSync(path.join(root, 'b.js'));
    const r = await listFiles(root, ON);
    expect(r.via).toBe('git');
    expect(paths(r)).toEqual(['a.js']);
  });

  it('lists paths relative to a root that is a subfolder of the work tree', async () => {
    const root = tree({ 'app/src/a.ts': 'x', 'app/new.py': 'x', 'other/b.ts': 'x', '.gitignore': 'app/ignored.js\n', 'app/ignored.js': 'x' });
    git(root, 'init', '-q');
    git(root, 'add', 'app/src', 'other', '.gitignore');
    git(root, 'commit', '-q', '-m', 'x');
    const r = await listFiles(path.join(root, 'app'), ON);
    expect(r.via).toBe('git');
    expect(paths(r)).toEqual(['new.py', 'src/a.ts']);
  });
});

const SEL_TREE = {
  'src/a.ts': 'x',
  'src/a.test.ts': 'x',
  'src/legacy/old.js': 'x',
  'lib/b.js': 'x',
  'scripts/c.py': 'x',
  'node_modules/@hubspot/api-client/index.js': 'x',
  'node_modules/other/index.js': 'x',
  'dist/app.js': 'x',
  'hapikey-migration/report.json': '{}',
  'hapikey-migration/changes.js': 'x',
};

describe('listFiles: --include, --exclude, --out', () => {
  for (const mode of ['walk', 'git'] as const) {
    const make = () => {
      const root = tree(SEL_TREE);
      if (mode === 'git') gitCommitAll(root);
      return root;
    };
    const opts = (o: Partial<ListOptions>): ListOptions => ({ ...(mode === 'git' ? ON : OFF), ...o });

    it(`${mode}: --include restricts; skip entries only where an include can reach`, async () => {
      const root = make();
      const r = await listFiles(root, opts({ include: ['src/**'] }));
      expect(r.via).toBe(mode);
      expect(paths(r)).toEqual(['src/a.test.ts', 'src/a.ts', 'src/legacy/old.js']);
      expect(r.skipped).toEqual([]);
    });

    it(`${mode}: --exclude removes files and whole folders`, async () => {
      const root = make();
      const r = await listFiles(root, opts({ exclude: ['**/*.test.ts', 'src/legacy', 'hapikey-migration'] }));
      expect(paths(r)).toEqual(['lib/b.js', 'scripts/c.py', 'src/a.ts']);
      expect(skips(r)).toEqual(['dist/ build-output', 'node_modules/ vendored']);
    });

    it(`${mode}: an --include that names a default-skipped folder lists files in it`, async () => {
      const root = make();
      const r = await listFiles(root, opts({ include: ['node_modules/@hubspot/**', 'src/*.ts'] }));
      expect(paths(r)).toEqual(['node_modules/@hubspot/api-client/index.js', 'src/a.test.ts', 'src/a.ts']);
      expect(r.skipped).toEqual([]);
    });

    it(`${mode}: a plain folder name as --include means everything under it`, async () => {
      const root = make();
      const r = await listFiles(root, opts({ include: ['lib', 'scripts/'] }));
      expect(paths(r)).toEqual(['lib/b.js', 'scripts/c.py']);
    });

    it(`${mode}: --out inside the root is never listed`, async () => {
      const root = make();
      const r = await listFiles(root, opts({ outDir: path.join(root, 'hapikey-migration') }));
      expect(paths(r)).toEqual(['lib/b.js', 'scripts/c.py', 'src/a.test.ts', 'src/a.ts', 'src/legacy/old.js']);
      expect(skips(r)).toEqual(['dist/ build-output', 'node_modules/ vendored']);
    });
  }

  it('an --include that names minified files lists them', async () => {
    const root = tree({ 'public/app.min.js': 'x', 'public/b.min.js': 'x', 'src/a.ts': 'x' });
    const r = await listFiles(root, { ...OFF, include: ['public/app.min.js'] });
    expect(paths(r)).toEqual(['public/app.min.js']);
    expect(r.skipped).toEqual([]);
  });
});

describe('listFiles: symbolic links', () => {
  function linkTree(): string {
    const outside = tree({ 'secret.js': 'x', 'dir/o.js': 'x' });
    const root = tree({
      'src/a.js': 'x',
      'src/real.py': 'x',
      'ignored/hidden.json': '{}',
      '.gitignore': 'ignored/\n',
    });
    fs.symlinkSync('..', path.join(root, 'src/loop'));
    fs.symlinkSync('l2', path.join(root, 'l1.js'));
    fs.symlinkSync('l1.js', path.join(root, 'l2'));
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'src/outside.js'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'outdir'));
    fs.symlinkSync('real.py', path.join(root, 'src/alias.py')); // target already listed: not listed again
    fs.symlinkSync('../ignored/hidden.json', path.join(root, 'src/hidden-link.json')); // target not listed: listed here
    fs.symlinkSync('../ignored/hidden.json', path.join(root, 'src/hidden-link2.json')); // same target: listed once
    fs.symlinkSync('missing.js', path.join(root, 'src/dangling.js'));
    fs.symlinkSync('src', path.join(root, 'srclink'));
    return root;
  }
  const FILES = ['src/a.js', 'src/hidden-link.json', 'src/real.py'];
  const SKIPPED = ['l1.js symlink-loop', 'l2 symlink-loop', 'outdir outside-root', 'src/loop symlink-loop', 'src/outside.js outside-root'];

  it('walker: never follows links out of the root, detects loops, lists a link only when its target is not listed', async () => {
    const root = linkTree();
    const r = await listFiles(root, ON);
    expect(r.via).toBe('walk');
    expect(paths(r)).toEqual(FILES);
    expect(skips(r)).toEqual(SKIPPED);
    expect(r.files[1].size).toBe(2);
  });

  it('git: the same answer from tracked and untracked links', async () => {
    const root = linkTree();
    git(root, 'init', '-q');
    git(root, 'add', 'src', '.gitignore', 'l1.js'); // l2 and outdir untracked
    git(root, 'commit', '-q', '-m', 'x');
    const r = await listFiles(root, ON);
    expect(r.via).toBe('git');
    expect(paths(r)).toEqual(FILES);
    expect(skips(r)).toEqual(SKIPPED);
  });
});

describe('listFiles: unreadable folders', () => {
  it('records an unreadable folder and goes on (or, when running as root, still completes)', async () => {
    const root = tree({ 'a.js': 'x', 'locked/b.js': 'x', 'z/c.py': 'x' });
    const locked = path.join(root, 'locked');
    fs.chmodSync(locked, 0o000);
    let readable = true;
    try {
      fs.readdirSync(locked);
    } catch {
      readable = false;
    }
    const r = await listFiles(root, OFF);
    if (readable) {
      // root (CAP_DAC_OVERRIDE) reads it anyway: the walk must still complete normally
      expect(paths(r)).toEqual(['a.js', 'locked/b.js', 'z/c.py']);
    } else {
      expect(paths(r)).toEqual(['a.js', 'z/c.py']);
      expect(skips(r)).toEqual(['locked/ unreadable']);
    }
  });
});

describe('git warnings about folders it cannot open', () => {
  it('become unreadable skips relative to the root', async () => {
    const { unreadableFromGitWarnings } = await import('../../src/discover/git.js');
    const stderr = "warning: could not open directory 'app/locked/': Permission denied\nwarning: could not open directory 'app/gone/': No such file or directory\n";
    expect(unreadableFromGitWarnings(stderr, 'app/')).toEqual([
      ['locked/', 'EACCES'],
      ['gone/', undefined],
    ]);
    expect(unreadableFromGitWarnings(stderr, '')).toEqual([
      ['app/locked/', 'EACCES'],
      ['app/gone/', undefined],
    ]);
  });
});

describe('literal --include paths (what --files passes)', () => {
  it('are read by git as pathspecs and give the same list as the glob match over the whole tree', async () => {
    const { literalGlob, literalPath } = await import('../../src/discover/literal-glob.js');
    const { makeSelection } = await import('../../src/discover/selection.js');
    const root = tree({
      'pages/[id].js': 'a', 'pages/(group)/x.ts': 'b', 'src/a.js': 'c', 'src/b.js': 'd', 'src/sub/c.js': 'e', 'gen/out.js': 'f',
      '.gitignore': 'gen/\n', 'node_modules/x/index.js': 'g',
    });
    gitCommitAll(root);
    writeTree(root, { 'src/untracked.js': 'h' });
    const wanted = ['pages/[id].js', 'pages/(group)/x.ts', 'src/untracked.js', 'src/sub', 'gen/out.js', 'node_modules/x/index.js', 'missing.js'];
    const include = wanted.map(literalGlob);
    expect(include.map(literalPath)).toEqual(wanted);
    expect(makeSelection(root, { include, exclude: [] }).literalPaths).toEqual(wanted);
    expect(makeSelection(root, { include: ['src/**'], exclude: [] }).literalPaths).toBeNull();
    expect(literalPath('src/*.js')).toBeNull();
    const r = await listFiles(root, { ...ON, include });
    expect(r.via).toBe('git');
    // the same as filtering a listing of every file by the same globs (one real glob turns the pathspecs off): the
    // ignored file stays out, a default-skipped folder named explicitly is entered
    const all = await listFiles(root, { ...ON, include: [...include, 'no-such-folder/*.js'] });
    expect(paths(r)).toEqual(paths(all));
    expect(skips(r)).toEqual(skips(all));
    expect(paths(r)).toEqual(['node_modules/x/index.js', 'pages/(group)/x.ts', 'pages/[id].js', 'src/sub/c.js', 'src/untracked.js']);
  });
});
