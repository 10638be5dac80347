/**
 * The components a lesson may use, by name. components/mdx/mdx-components.tsx registers exactly these (the
 * type checker holds it to this list), and the content build rejects any other capitalised tag, so a typo
 * fails the build naming the file and line instead of breaking the page at render time.
 */
export const LESSON_COMPONENTS = ['Callout', 'Checkpoint', 'Fact', 'Figure', 'SimulatorEmbed', 'LabEmbed'] as const;

export type LessonComponent = (typeof LESSON_COMPONENTS)[number];
