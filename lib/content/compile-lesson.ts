import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypePrettyCode from 'rehype-pretty-code';
import { visit } from 'unist-util-visit';
import type { Root as HastRoot, Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { splitFrontmatter } from './frontmatter';
import { formatFrontmatterIssues, lessonFrontmatterSchema } from './lesson-schema';
import type { CompiledLesson, LessonHeading } from './lesson-index';
import { LESSON_COMPONENTS } from './lesson-components';

export class LessonBuildError extends Error {
  override name = 'LessonBuildError';
}

function textOf(node: Element): string {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out.trim();
}

/** Collects h2/h3 after rehype-slug has given them ids, so the table of contents matches the anchors exactly. */
function rehypeCollectHeadings(headings: LessonHeading[]) {
  return () => (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof node.properties?.id === 'string') {
        headings.push({ depth: node.tagName === 'h2' ? 2 : 3, id: node.properties.id, text: textOf(node) });
      }
    });
  };
}

interface JsxAttribute {
  type: string;
  name: string;
  value?: unknown;
}

const REGISTERED = new Set<string>(LESSON_COMPONENTS);

/**
 * Records which presets and checkpoints a lesson embeds, so the content lint can prove they exist, and
 * which capitalised tags name no registered component (lower-case tags are plain HTML).
 */
function remarkCollectEmbeds(embeds: CompiledLesson['meta']['embeds'], unknown: { name: string; line?: number }[]) {
  return () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      const n = node as unknown as { type: string; name?: string | null; attributes?: JsxAttribute[]; position?: { start: { line: number } } };
      if (n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') return;
      if (n.name && /^[A-Z]/.test(n.name) && !REGISTERED.has(n.name)) unknown.push({ name: n.name, line: n.position?.start.line });
      const attr = (name: string) => n.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      if (n.name === 'SimulatorEmbed' && typeof attr('preset') === 'string') embeds.presets.push(attr('preset') as string);
      if (n.name === 'Checkpoint' && typeof attr('lesson') === 'string') {
        // Numbering each checkpoint lets two checkpoints of one lesson show different questions.
        n.attributes?.push({ type: 'mdxJsxAttribute', name: 'instance', value: String(embeds.checkpoints.length) });
        embeds.checkpoints.push(attr('lesson') as string);
      }
    });
  };
}

function countWords(body: string): number {
  const prose = body.replace(/```[\s\S]*?```/g, ' ').replace(/<[^>]+>/g, ' ');
  return prose.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Compiles one lesson at build time. Throws LessonBuildError naming the file and field on bad frontmatter. */
export async function compileLesson(file: string, source: string): Promise<CompiledLesson> {
  const { data, body, bodyLine } = splitFrontmatter(source);
  if (data === undefined) throw new LessonBuildError(`${file}: missing frontmatter (a --- YAML block at the top of the file)`);
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) throw new LessonBuildError(formatFrontmatterIssues(file, parsed.error));
  const expectedSlug = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
  if (parsed.data.slug !== expectedSlug) {
    throw new LessonBuildError(`${file}: frontmatter field "slug": "${parsed.data.slug}" must match the file name "${expectedSlug}"`);
  }

  const headings: LessonHeading[] = [];
  const embeds = { presets: [] as string[], checkpoints: [] as string[] };
  const unknownComponents: { name: string; line?: number }[] = [];
  let code: string;
  try {
    const result = await bundleMDX({
      source: body,
      // The error is thrown and reported below with the file's name; esbuild printing it too put a bare
      // "✘ [ERROR]" in every log, including the test that checks this report.
      esbuildOptions: (options) => ({ ...options, logLevel: 'silent' }),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCollectEmbeds(embeds, unknownComponents)];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeSlug,
          // Collect before the anchors are appended, so their "#" is not part of the heading text.
          rehypeCollectHeadings(headings),
          [rehypeAutolinkHeadings, { behavior: 'append', properties: { className: ['heading-anchor'], ariaHidden: true, tabIndex: -1 }, content: { type: 'text', value: '#' } }],
          [rehypePrettyCode, { theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, keepBackground: false, defaultLang: 'plaintext' }],
        ];
        return options;
      },
    });
    code = result.code;
  } catch (error) {
    throw new LessonBuildError(`${file}: MDX could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (unknownComponents.length > 0) {
    const where = unknownComponents.map((c) => `<${c.name}>${c.line === undefined ? '' : ` (line ${c.line + bodyLine - 1})`}`);
    throw new LessonBuildError(`${file}: unknown component ${where.join(', ')}: a lesson may use ${LESSON_COMPONENTS.join(', ')} (lib/content/lesson-components.ts)`);
  }
  return { meta: { ...parsed.data, headings, words: countWords(body), embeds }, code };
}
