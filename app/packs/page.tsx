import type { Metadata } from 'next';
import Link from 'next/link';
import { CsvTemplateButton } from '@/components/packs/csv-template-button';
import { PacksManager } from '@/components/packs/packs-manager';
import { readLessonIndex, readPresetIds } from '@/lib/content/generated';
import { CSV_COLUMNS } from '@/lib/packs/convert/csv';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: 'Question packs',
  description: 'Import question packs from your instructor, choose which packs you study, and export any pack as YAML.',
};

const code = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-900 dark:bg-slate-800 dark:text-slate-100';

export default function PacksPage() {
  const lessons = readLessonIndex().map((l) => l.slug);
  return (
    <PageShell
      width="5xl"
      title="Question packs"
      introStyle="lead"
     
      intro={
        <>
          Every question in the app comes from a pack. Import the packs your instructor gives you, switch packs on or off for your quizzes,
          reviews and exams, and export any pack as YAML to share it or build on it.
        </>
      }
    >
      <div className="mt-8">
        <PacksManager knownLessons={lessons} knownPresets={readPresetIds()} quizPath="/quiz/" />
      </div>

      <section aria-labelledby="instructors-heading" className="mt-14 rounded-2xl border border-slate-200 p-5 sm:p-6 dark:border-slate-800">
        <h2 id="instructors-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          For instructors: a pack for your class
        </h2>
        <p className="mt-3 text-sm text-slate-800 dark:text-slate-200">
          <Link href="/packs/edit/" className="font-semibold text-sky-800 underline dark:text-sky-300">
            Open the pack editor
          </Link>{' '}
          to write a pack in the browser: YAML with highlighting, every problem shown on its line as you type, the questions as learners see them,
          then save it here or download the file.
        </p>
        <div className="mt-3 grid gap-6 text-sm text-slate-800 md:grid-cols-2 dark:text-slate-200">
          <div className="space-y-3">
            <p>
              A pack is one text file: YAML (or JSON) with a title, an author, a version and the questions. Export a built-in pack above to see
              the format, or start from the questions you already have:
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                <strong>Moodle GIFT</strong> (<span className={code}>.gift</span>): names, categories, per-answer feedback and general feedback carry over.
              </li>
              <li>
                <strong>Aiken</strong> (<span className={code}>.txt</span>): options <span className={code}>A.</span> to <span className={code}>H.</span> and an{' '}
                <span className={code}>ANSWER:</span> line; <span className={code}>ANSWER: A, C</span> makes a multiple-response question.
              </li>
              <li>
                <strong>CSV</strong> from a spreadsheet, one question per row.
              </li>
            </ul>
            <p>
              Import such a file here to convert it, set the pack id, title and author, then use <strong>Export as YAML</strong> and keep that file as
              your master copy. On the command line the same code runs as <span className={code}>npm run packs -- convert week3.gift -o week3.yaml</span>.
            </p>
          </div>
          <div className="space-y-3">
            <p>
              <strong>Handing it to a class.</strong> Send the YAML file by email or your course site. Each learner opens this page and drops the
              file on it: they see the questions counted and checked, and one click adds the pack. Nothing is uploaded anywhere.
            </p>
            <p>
              <strong>Versions.</strong> Raise <span className={code}>version</span> with each release and never change the pack id or a question id: a
              learner who imports the new file keeps their progress on every question whose id survives. Removed questions keep their history but
              leave the review queue.
            </p>
            <p>
              <strong>How did the class do?</strong> Learners save a results file with <strong>Export my results</strong> on a pack; add the files on the{' '}
              <Link href="/instructor/" className="font-semibold text-sky-800 underline dark:text-sky-300">
                Instructor page
              </Link>{' '}
              for item analysis, all in your browser.
            </p>
            <p>
              <strong>Safe to pass around.</strong> A pack is data, never code: no HTML, no scripts, no images, and links only to http(s) and mailto
              addresses. A file that breaks a rule is refused with the line and column of each problem.
            </p>
          </div>
        </div>
        <details className="mt-5 text-sm">
          <summary className="cursor-pointer font-semibold text-slate-900 dark:text-white">CSV columns</summary>
          <p className="mt-2 text-slate-800 dark:text-slate-200">
            A header row, then one question per row. Only <span className={code}>stem</span>, <span className={code}>option_a</span> to{' '}
            <span className={code}>option_c</span> and <span className={code}>correct</span> are required. Lists (topics, lessons, references and several
            correct letters such as <span className={code}>A;C</span>) are separated by semicolons.
          </p>
          <p className="mt-2 break-words font-mono text-xs text-slate-700 dark:text-slate-300">{CSV_COLUMNS.join(',')}</p>
          <div className="mt-3">
            <CsvTemplateButton header={CSV_COLUMNS.join(',')} />
          </div>
        </details>
      </section>
    </PageShell>
  );
}
