import type { ComponentProps } from 'react';
import Link from 'next/link';
import { Checkpoint } from '@/components/quiz/checkpoint';
import { SimulatorEmbed } from '@/components/simulator/simulator-embed';
import { LabEmbed } from '@/components/labs/lab-embed';
import { Callout } from './callout';
import { CodeBlock } from './code-block';
import { Fact } from './fact';
import { Figure } from './figure';
import type { LessonComponent } from '@/lib/content/lesson-components';

function MdxLink({ href = '', ...rest }: ComponentProps<'a'>) {
  if (href.startsWith('/')) return <Link href={href} {...rest} />;
  if (href.startsWith('#')) return <a href={href} {...rest} />;
  return <a href={href} target="_blank" rel="noopener noreferrer" {...rest} />;
}

function Table(props: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}

/** The one registry of components a lesson may use. Lessons never import component files directly. */
export const mdxComponents = {
  a: MdxLink,
  pre: CodeBlock,
  table: Table,
  Callout,
  Checkpoint,
  Fact,
  Figure,
  SimulatorEmbed,
  LabEmbed,
} satisfies Record<LessonComponent, unknown> & Record<string, unknown>;
