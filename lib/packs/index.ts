/** The question-pack format: parse, validate, summarise, export, upgrade and convert. No Node or browser APIs. */
export * from './schema';
export { formatProblem, formatPath, MAX_REPORTED_ERRORS, type Problem, type ProblemCode, type Severity } from './problems';
export { parsePack, locateProblems, type ParsePackOptions, type ParsePackResult } from './parse-pack';
export { checkPackData, chooseCountInStem, type PackCheckOptions, type PathProblem } from './validate';
export { checkMarkdown, type MarkdownIssue } from './markdown';
export { summarizePack, formatSummary, type PackSummary } from './summary';
export { packToYaml, packToPlainObject } from './export';
export { compareSemver, planPackUpgrade, type PackUpgradePlan } from './upgrade';
export { MAX_DEPTH } from './source';
export { simulationHref } from './simulation-link';
export {
  convertAiken,
  convertCsv,
  convertGift,
  convertSource,
  chooseFormat,
  detectFormat,
  looksLikeJson,
  parseCsv,
  CSV_COLUMNS,
  PLACEHOLDER_WHY,
  SOURCE_FORMATS,
  type CategoryMapping,
  type CategorySummary,
  type ConvertOptions,
  type ConvertResult,
  type QuestionSource,
  type SourceFormat,
} from './convert';
