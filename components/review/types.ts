/** What the review, quiz and progress pages need from the lesson index, passed from the server page as props. */
export interface StudyLesson {
  slug: string;
  title: string;
  domains: number[];
  facts: { id: string; prompt: string; answer: string }[];
  headings: { id: string; text: string; depth: number }[];
}
