import { parse as parseYaml } from 'yaml';

/** Splits `---` YAML frontmatter from an MDX body; we parse it ourselves so errors can name the file and field. */
export function splitFrontmatter(source: string): { data: unknown; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: undefined, body: source, bodyLine: 1 };
  const data: unknown = parseYaml(match[1] ?? '', { maxAliasCount: 0 });
  const bodyLine = match[0].split('\n').length;
  return { data, body: source.slice(match[0].length), bodyLine };
}
